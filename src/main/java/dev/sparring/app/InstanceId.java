package dev.sparring.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who this process is to the outbox's leases. A bot restarted on the same {@code --data} folder is
 * the same instance, so it takes back at once the messages it was sending when it died instead of
 * waiting out its own leases (60 s by default). The id lives in {@code instance-id} in that folder,
 * and the process holds a lock on that file while it runs: a second live process on the same folder
 * (or a folder whose file cannot be used) gets a fresh id, so it never takes over a live lease.
 */
final class InstanceId implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InstanceId.class);
  static final String FILE = "instance-id";
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final String id;
  private final FileChannel held;

  private InstanceId(String id, FileChannel held) {
    this.id = id;
    this.held = held;
  }

  /** An id for this run only (the memory store, or a folder that cannot keep one). */
  static InstanceId fresh() {
    return new InstanceId(newId(), null);
  }

  /**
   * The id kept in {@code dataDir}, created if needed, and locked for as long as this process runs;
   * a fresh one if another live process holds it or the folder cannot keep it.
   */
  static InstanceId in(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    FileChannel channel = null;
    try {
      Files.createDirectories(dataDir);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        log.info("another Sparring process uses {}; this one runs as a separate instance", file);
        return fresh();
      }
      String id = read(channel);
      if (!VALID.matcher(id).matches()) {
        id = newId();
        write(channel, id);
      }
      return new InstanceId(id, channel);
    } catch (IOException e) {
      closeQuietly(channel);
      log.info("cannot keep an instance id in {} ({}); leases start afresh", file, e.toString());
      return fresh();
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very JVM (a second bot in one process, as tests run them)
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(128);
    channel.read(buffer, 0);
    buffer.flip();
    return StandardCharsets.UTF_8.decode(buffer).toString().strip();
  }

  private static void write(FileChannel channel, String id) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
  }

  private static String newId() {
    return "replica-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was kept
      }
    }
  }

  /** The outbox lease owner for this process. */
  String id() {
    return id;
  }

  /** Lets the next run on this folder be this instance (the OS does so too when a process dies). */
  @Override
  public void close() {
    closeQuietly(held);
  }
}
