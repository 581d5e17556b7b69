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
}
