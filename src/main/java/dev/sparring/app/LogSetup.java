package dev.sparring.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The program's logging, set up in code (logback finds it as a {@link Configurator} service): no
 * XML parser at start-up. Logs go to stderr so the console adapter's stdout stays the conversation;
 * lines are {@link TextLogLayout}'s, or with {@code SPARRING_LOG_FORMAT=json} one JSON object per
 * line ({@link JsonLogLayout}). Secrets are scrubbed in both ({@link LogScrubber}).
 *
 * <p>An explicit {@code -Dlogback.configurationFile=...}, or a {@code logback-test.xml} on the
 * class path (the tests' quiet logging), still wins: then logback reads that file as usual. {@code
 * -Dsparring.log.builtin=true} forces this set-up over a {@code logback-test.xml} (a test of the
 * real program's logs).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

  /** The environment variable (or system property) that picks the format: text or json. */
  public static final String FORMAT = "SPARRING_LOG_FORMAT";

  /** The system property that forces this set-up even when a logback-test.xml is present. */
  public static final String BUILTIN = "sparring.log.builtin";

  /** Library loggers that are quieter than the root's INFO. */
  static final Map<String, Level> LEVELS =
      Map.of(
          "org.flywaydb", Level.WARN,
          "com.zaxxer.hikari", Level.WARN,
          // The tokenizer library looks for a GPU and warns when it finds none: nothing to act on.
          "ai.djl", Level.ERROR);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (xmlWins(LogSetup.class.getClassLoader(), System::getProperty)) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setTarget("System.err");
    configure(context, format(System::getProperty, System::getenv), stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Whether an XML configuration is there to win over this set-up: {@code
   * -Dlogback.configurationFile}, or a {@code logback-test.xml} or {@code logback.xml} on the class
   * path (the program ships neither: they are the tests' or an operator's), unless {@link
   * #BUILTIN}.
   */
  static boolean xmlWins(ClassLoader loader, Function<String, String> properties) {
    return !Boolean.parseBoolean(properties.apply(BUILTIN))
        && (properties.apply("logback.configurationFile") != null
            || loader.getResource("logback-test.xml") != null
            || loader.getResource("logback.xml") != null);
  }

  /** The format named by the system property or else the environment variable: text or json. */
  static String format(Function<String, String> properties, Function<String, String> env) {
    String value = properties.apply(FORMAT);
    if (value == null || value.isBlank()) {
      value = env.apply(FORMAT);
    }
    return value != null && value.strip().toLowerCase(Locale.ROOT).equals("json") ? "json" : "text";
  }

  /**
   * Sets up {@code context}: the root at INFO writing to {@code appender} in {@code format} (text
   * or json), the quieter library loggers, and no status output of logback's own.
   */
  static void configure(
      LoggerContext context, String format, OutputStreamAppender<ILoggingEvent> appender) {
    context.getStatusManager().add(new NopStatusListener());

    Layout<ILoggingEvent> layout =
        format.equals("json") ? new JsonLogLayout() : new TextLogLayout();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();

    appender.setName(format);
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.start();

    LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
  }
}
