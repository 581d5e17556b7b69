package dev.sparring.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.app.Sparring;
import dev.sparring.config.SparringConfig;
import dev.sparring.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** What the bench scenarios share: output (text or one JSON object per line) and stores. */
final class BenchSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchSupport() {}

  /** {@code --json}: one JSON object per line instead of a sentence. */
  static final class Output {
    @Option(names = "--json", description = "Print one JSON object per line.")
    boolean json;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    /** Prints the figures: as JSON, or as {@code scenario: key=value ...} for people. */
    void print(Map<String, Object> figures) {
      if (json) {
        try {
          out.println(JSON.writeValueAsString(figures));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return;
      }
      StringBuilder b = new StringBuilder();
      figures.forEach(
          (k, v) -> {
            if (k.equals("scenario")) {
              b.insert(0, v + ":");
            } else {
              b.append(' ').append(k).append('=').append(v);
            }
          });
      out.println(b);
    }

    /** Progress for people; silent with {@code --json} so the output stays machine-readable. */
    void note(String text) {
      if (!json) {
        System.err.println(text);
      }
    }
  }

  /** {@code --store} and {@code --postgres-url}: which store a scenario measures. */
  static final class StoreChoice {
    @Option(
        names = "--store",
        description = "memory, sqlite or postgres (default: ${DEFAULT-VALUE}).")
    String type = "sqlite";

    @Option(
        names = "--postgres-url",
        paramLabel = "JDBC_URL",
        description =
            "For --store postgres: jdbc:postgresql://host/db (user and password from"
                + " SPARRING_DB_USER and SPARRING_DB_PASSWORD). Use an empty database.")
    String postgresUrl;

    /** Opens a fresh store of the chosen type, as the application does; SQLite lives in dir. */
    Store open(SparringConfig config, Path dir) {
      if (type.equals("postgres") && postgresUrl == null) {
        throw new IllegalArgumentException("--store postgres needs --postgres-url");
      }
      SparringConfig.StoreConfig s = config.store();
      return Sparring.openStore(
          config.withStore(
              new SparringConfig.StoreConfig(
                  type, "bench.db", s.sqliteDurability(), postgresUrl, s.poolSize())),
          dir);
    }
  }

  /** A scratch folder, deleted with everything in it on close. */
  static final class Scratch implements AutoCloseable {
    final Path dir;

    Scratch() {
      try {
        dir = Files.createTempDirectory("sparring-bench");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // best effort
      }
    }
  }

  /** The {@code p}-th percentile (0–100) of nanosecond samples, in milliseconds. */
  /**
   * The system clock, moved forward by hand: what a scenario schedules (a daily post, reminders)
   * falls due without waiting, while time still passes as it does.
   */
  static final class ShiftedClock extends java.time.Clock {
    private volatile java.time.Duration shift = java.time.Duration.ZERO;

    void shift(java.time.Duration by) {
      shift = by;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.now().plus(shift);
    }
  }

  static double percentileMs(long[] nanos, int count, double p) {
    if (count == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * count) - 1;
    return round(sorted[Math.max(0, Math.min(count - 1, index))] / 1e6, 3);
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  static Map<String, Object> figures(String scenario) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", scenario);
    return m;
  }

  static String ratio(double a, double b) {
    return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", a / b);
  }

  /** Resident memory of a process in MiB from /proc (Linux), or -1 where that is not readable. */
  static long rssMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }
}
