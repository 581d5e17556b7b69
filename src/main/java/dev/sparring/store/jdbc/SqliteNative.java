package dev.sparring.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SQLite's native library, copied out of the jar for the driver to load. The driver would extract
 * it itself, but it works out the system by spawning {@code uname} and reading every mapping of the
 * process, and then compares its copy with the jar's byte by byte: a third of a second of start-up.
 * Here it is one stream copy into a new private temporary folder (removed at exit), which the
 * driver is pointed at ({@code org.sqlite.lib.path}). Anything unexpected (another system, a copy
 * that does not load) leaves the driver to its own way.
 */
final class SqliteNative {

  static final String PATH = "org.sqlite.lib.path";
  static final String NAME = "org.sqlite.lib.name";

  private static boolean prepared;

  private SqliteNative() {}

  /**
   * The driver's folder of libraries for this system, for glibc Linux and macOS on x86-64 and ARM
   * (null elsewhere: the driver finds its own). The driver's own detection would spawn {@code
   * uname} and read every mapping of the process; a system with a musl loader ({@code musl} tells,
   * by architecture) is left to it.
   */
  static String folder(String os, String arch, java.util.function.Predicate<String> musl) {
    String cpu =
        switch (arch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch64";
          default -> null;
        };
    if (cpu == null) {
      return null;
    }
    if (os.equals("Linux")) {
      return musl.test(cpu) ? null : "/org/sqlite/native/Linux/" + cpu;
    }
    return os.startsWith("Mac") ? "/org/sqlite/native/Mac/" + cpu : null;
  }

  /** Copies the library out once per process, unless a library path is set already. */
  static synchronized void prepare() {
    if (prepared || System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
      prepared = true;
      return;
    }
    prepared = true;
    String name = System.mapLibraryName("sqlitejdbc");
    String folder =
        folder(
            System.getProperty("os.name", ""),
            System.getProperty("os.arch", ""),
            arch -> Files.exists(Path.of("/lib/ld-musl-" + arch + ".so.1")));
    if (folder == null) {
      return;
    }
    try (InputStream in = SqliteNative.class.getResourceAsStream(folder + "/" + name)) {
      if (in == null) {
        return;
      }
      Path dir = Files.createTempDirectory("sparring-sqlite-");
      dir.toFile().deleteOnExit();
      Path lib = dir.resolve(name);
      // Registered after the folder, so deleted before it.
      lib.toFile().deleteOnExit();
      Files.copy(in, lib);
      System.setProperty(NAME, name);
      System.setProperty(PATH, dir.toString());
    } catch (IOException | RuntimeException e) {
      // The driver extracts the library itself.
    }
  }
}
