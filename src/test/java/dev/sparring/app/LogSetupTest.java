package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.core.Correlation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LogSetupTest {

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private void configure(String format) {
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    context.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setOutputStream(out);
    LogSetup.configure(context, format, appender);
  }

  private String written() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A WARN with a token-shaped secret in its message and error, in the correlation slack:Ev42. */
  private void logTokenLeak() {
    Logger logger = context.getLogger("dev.sparring.slack.SlackGateway");
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            Level.WARN,
            "posting with {} failed",
            new IllegalStateException("bad token xoxb-99-88-secretvalue"),
            new Object[] {"xoxb-99-88-secretvalue"});
    event.setMDCPropertyMap(Map.of(Correlation.MDC_KEY, "slack:Ev42"));
    logger.callAppenders(event);
  }

  @Test
  void textLinesNameLevelLoggerAndCorrelationAndScrubMessageAndError() {
    configure("text");
    logTokenLeak();
    String text = written();
    assertThat(text)
        .matches("(?s)\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  d\\.s\\.slack\\.SlackGateway .*")
        .contains("[slack:Ev42] - posting with xoxb-**** failed")
        .contains("IllegalStateException: bad token xoxb-****")
        .doesNotContain("secretvalue");
  }

  @Test
  void jsonLinesAreOneObjectEachAndScrubbed() throws Exception {
    configure("json");
    logTokenLeak();
    context.getLogger("dev.sparring.app.Sparring").info("Sparring is up");
    String[] lines = written().split(System.lineSeparator());
    assertThat(lines).hasSize(2);
    assertThat(written()).doesNotContain("secretvalue");
    JsonNode warn = new ObjectMapper().readTree(lines[0]);
    assertThat(warn.path("level").asText()).isEqualTo("WARN");
    assertThat(warn.path("correlationId").asText()).isEqualTo("slack:Ev42");
    assertThat(warn.path("message").asText()).isEqualTo("posting with xoxb-**** failed");
    assertThat(warn.path("error").asText()).contains("IllegalStateException", "xoxb-****");
    JsonNode info = new ObjectMapper().readTree(lines[1]);
    assertThat(info.path("message").asText()).isEqualTo("Sparring is up");
    assertThat(info.path("logger").asText()).isEqualTo("dev.sparring.app.Sparring");
  }

  @Test
  void theRootLogsInfoAndChattyLibrariesOnlyWhatMatters() {
    configure("text");
    context.getLogger("dev.sparring.app.Sparring").info("app info");
    context.getLogger("org.flywaydb.core.Flyway").info("flyway info");
    context.getLogger("org.flywaydb.core.Flyway").warn("flyway warn");
    context.getLogger("com.zaxxer.hikari.HikariPool").info("pool info");
    context.getLogger("ai.djl.util.Platform").warn("no GPU");
    context.getLogger("ai.djl.util.Platform").error("djl error");
    assertThat(written())
        .contains("app info", "flyway warn", "djl error")
        .doesNotContain("flyway info", "pool info", "no GPU");
  }

  @Test
  void theFormatComesFromTheSystemPropertyThenTheEnvironmentAndIsTextOtherwise() {
    Map<String, String> none = Map.of();
    assertThat(LogSetup.format(none::get, none::get)).isEqualTo("text");
    assertThat(LogSetup.format(none::get, Map.of(LogSetup.FORMAT, "json")::get)).isEqualTo("json");
    assertThat(LogSetup.format(none::get, Map.of(LogSetup.FORMAT, " JSON ")::get))
        .isEqualTo("json");
    assertThat(
            LogSetup.format(
                Map.of(LogSetup.FORMAT, "text")::get, Map.of(LogSetup.FORMAT, "json")::get))
        .isEqualTo("text");
    assertThat(LogSetup.format(none::get, Map.of(LogSetup.FORMAT, "xml")::get)).isEqualTo("text");
  }

  @Test
  void logbackFindsItAsAService() {
    assertThat(ServiceLoader.load(Configurator.class))
        .anySatisfy(c -> assertThat(c).isInstanceOf(LogSetup.class));
  }

  @Test
  void anOperatorsXmlConfigurationWinsUnlessTheBuiltInSetUpIsForced(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    ClassLoader bare = new java.net.URLClassLoader(new java.net.URL[0], null);
    java.nio.file.Files.writeString(dir.resolve("logback.xml"), "<configuration/>");
    ClassLoader withXml =
        new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null);
    Map<String, String> none = Map.of();
    assertThat(LogSetup.xmlWins(bare, none::get)).isFalse();
    assertThat(LogSetup.xmlWins(withXml, none::get)).isTrue();
    assertThat(LogSetup.xmlWins(bare, Map.of("logback.configurationFile", "/etc/l.xml")::get))
        .isTrue();
    assertThat(LogSetup.xmlWins(withXml, Map.of(LogSetup.BUILTIN, "true")::get)).isFalse();
  }

  @Test
  void aLogbackTestXmlWinsUnlessTheBuiltInSetUpIsForced() {
    // The tests' logback-test.xml is on this class path.
    LogSetup setup = new LogSetup();
    setup.setContext(context);
    assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
        .isFalse();
    System.setProperty(LogSetup.BUILTIN, "true");
    try {
      assertThat(setup.configure(context))
          .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext())
          .isTrue();
    } finally {
      System.clearProperty(LogSetup.BUILTIN);
    }
  }
}
