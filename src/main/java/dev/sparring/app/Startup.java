package dev.sparring.app;

import ch.qos.logback.classic.Level;
import dev.sparring.config.SparringConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Options shared by commands that start the bot. */
public class Startup {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder for the embedded store (default: ${DEFAULT-VALUE}).")
  public Path data = Path.of("data");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file overriding config/sparring.yaml.")
  public Path config;

  /** The config file given, else config/sparring.yaml if present, with the environment. */
  public SparringConfig loadConfig() {
    Path file = config;
    if (file == null && Files.isRegularFile(Path.of("config", "sparring.yaml"))) {
      file = Path.of("config", "sparring.yaml");
    }
    return Platforms.shipped().loadConfig(file, System.getenv());
  }

  /** Keeps library chatter (Flyway, pools) off the terminal of interactive commands. */
  public static void quietLogs() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.WARN);
    }
  }
}
