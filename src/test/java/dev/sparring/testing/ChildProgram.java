package dev.sparring.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real program, {@code dev.sparring.cli.Main}, in a child JVM with this one's class path. */
public final class ChildProgram {

  private ChildProgram() {}

  /** {@code jvmOptions} go before the class (system properties); {@code args} after it. */
  public static ProcessBuilder of(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.sparring.cli.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  public static ProcessBuilder of(String... args) {
    return of(List.of(), args);
  }

  /**
   * {@code sparring console --user ana --data DIR/data --config CONFIG} started, its error output
   * merged into its output.
   */
  public static Process console(Path dir, Path config) throws java.io.IOException {
    ProcessBuilder pb =
        of(
            "console",
            "--user",
            "ana",
            "--data",
            dir.resolve("data").toString(),
            "--config",
            config.toString());
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** A process' output, collected on a background thread until it ends or is killed. */
  public static final class Output {
    private final StringBuilder text = new StringBuilder();

    public Output(Process p) {
      Thread t =
          new Thread(
              () -> {
                try (java.io.BufferedReader r =
                    new java.io.BufferedReader(
                        new java.io.InputStreamReader(
                            p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    synchronized (text) {
                      text.append(line).append('\n');
                    }
                  }
                } catch (java.io.IOException ignored) {
                  // the process was killed
                }
              });
      t.setDaemon(true);
      t.start();
    }

    public String get() {
      synchronized (text) {
        return text.toString();
      }
    }
  }
}
