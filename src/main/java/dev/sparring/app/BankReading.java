package dev.sparring.app;

import dev.sparring.bank.PackLoader;
import dev.sparring.bank.Problem;
import dev.sparring.bank.QuestionBank;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question bank read from the configured {@code bank.paths}: every pack parsed and validated,
 * and what is worth telling about it (paths skipped, the bundled packs used, questions left out),
 * told by {@link #bank()} on the thread that takes the bank, so that a reading done in the
 * background logs nothing before the program has set up its logging.
 *
 * <p>Parsing the packs is the longest part of start-up, so it begins as early as the paths are
 * known: {@link #inBackground} reads on another core while the store opens, and a command that is
 * about to start the bot may {@link #preload} the paths its configuration will name, before its
 * command line is parsed; the first {@code inBackground} of the same paths then takes that reading
 * over instead of starting another.
 */
public record BankReading(
    QuestionBank questions, List<String> skipped, boolean bundled, List<Problem> problems) {

  /** A reading begun before anyone asked: its paths once known, and the reading of them. */
  private record Preload(
      CompletableFuture<List<String>> paths, CompletableFuture<BankReading> reading) {}

  private static final AtomicReference<Preload> PRELOAD = new AtomicReference<>();

  public BankReading {
    skipped = List.copyOf(skipped);
    problems = List.copyOf(problems);
  }

  /** Reads the packs of {@code paths} on the calling thread. */
  public static BankReading read(List<String> paths) {
    List<Path> roots = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String p : paths) {
      Path path = Path.of(p);
      if (Files.isDirectory(path)) {
        roots.add(path);
      } else if (paths.size() > 1 || !p.equals("prompts")) {
        skipped.add(p);
      }
    }
    boolean bundled = roots.isEmpty();
    if (bundled) {
      roots.add(bundledPacks());
    }
    PackLoader.Result result = new PackLoader().load(roots);
    return new BankReading(result.bank(), skipped, bundled, result.problems());
  }

  /** The bank, after logging the paths skipped, the use of the bundled packs and each problem. */
  public QuestionBank bank() {
    // Not a static logger: a preloading thread must not be the one that sets up the logging.
    Logger log = LoggerFactory.getLogger(BankReading.class);
    for (String p : skipped) {
      log.warn("bank.paths: {} is not a folder; skipped", p);
    }
    if (bundled) {
      log.info("no pack folder found; using the packs bundled in the jar");
    }
    for (Problem p : problems) {
      log.warn("pack problem (question skipped): {}", p);
    }
    return questions;
  }

  /**
   * The reading of {@code paths} on another thread: the preloaded one if it is of these paths
   * (taken once), else a new one.
   */
  public static CompletableFuture<BankReading> inBackground(List<String> paths) {
    Preload preload = PRELOAD.getAndSet(null);
    if (preload != null && paths.equals(preload.paths().exceptionally(e -> null).join())) {
      return preload.reading();
    }
    return onThread(() -> read(paths));
  }

  /**
   * Starts reading, on another thread and at once, the packs of the paths {@code paths} will give
   * (it is called there: typically by loading the configuration), and returns that reading. The
   * reading logs nothing itself ({@link #bank()} does, for whoever takes it over); a failure to
   * find the paths or to read them is left for the real reading to meet and report.
   */
  public static CompletableFuture<BankReading> preload(Supplier<List<String>> paths) {
    CompletableFuture<List<String>> known = new CompletableFuture<>();
    CompletableFuture<BankReading> reading =
        onThread(
            () -> {
              List<String> p;
              try {
                p = List.copyOf(paths.get());
              } catch (RuntimeException | Error e) {
                known.completeExceptionally(e);
                throw e;
              }
              known.complete(p);
              return read(p);
            });
    PRELOAD.set(new Preload(known, reading));
    return reading;
  }

  /** {@code work} on a new daemon thread (the common pool has a single worker on two cores). */
  private static CompletableFuture<BankReading> onThread(Supplier<BankReading> work) {
    CompletableFuture<BankReading> future = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                future.complete(work.get());
              } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
              }
            },
            "bank-reading");
    t.setDaemon(true);
    t.start();
    return future;
  }

  /** The {@code prompts/} folder inside the jar (or build output). */
  static synchronized Path bundledPacks() {
    URL url = BankReading.class.getResource("/prompts");
    if (url == null) {
      throw new IllegalStateException("no bundled prompts/ in this build");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          return FileSystems.getFileSystem(uri).getPath("/prompts");
        } catch (FileSystemNotFoundException e) {
          return FileSystems.newFileSystem(uri, Map.of()).getPath("/prompts");
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open bundled packs: " + e.getMessage(), e);
    }
  }
}
