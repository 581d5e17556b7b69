package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.sparring.core.Correlation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextLogLayoutTest {

  /** The pattern the program's logback.xml used before the layout was written in code. */
  private static final String FORMER_PATTERN =
      "%d{HH:mm:ss.SSS} %-5level %logger{24} [%X{correlationId:--}] - %scrubbed%n%nopex";

  private final LoggerContext context = new LoggerContext();

  private LoggingEvent event(
      String logger, Level level, String message, Throwable error, Map<String, String> mdc) {
    Logger l = context.getLogger(logger);
    LoggingEvent e =
        new LoggingEvent(Logger.class.getName(), l, level, message, error, new Object[0]);
    e.setTimeStamp(1_764_500_000_123L);
    e.setMDCPropertyMap(mdc);
    return e;
  }

  @Test
  void linesAreThoseOfTheFormerPattern() {
    PatternLayout former = new PatternLayout();
    former.setContext(context);
    former.getInstanceConverterMap().put("scrubbed", LogScrubber.Message::new);
    former.setPattern(FORMER_PATTERN);
    former.start();
    TextLogLayout layout = new TextLogLayout();
    layout.setContext(context);
    layout.start();
    LoggingEvent[] events = {
      event("dev.sparring.app.Sparring", Level.INFO, "Sparring is up", null, Map.of()),
      event(
          "dev.sparring.outbox.OutboxDispatcher",
          Level.WARN,
          "posting with xoxb-99-88-secretvalue failed",
          new IllegalStateException("bad token xoxb-99-88-secretvalue"),
          Map.of(Correlation.MDC_KEY, "slack:Ev42")),
      event("org.flywaydb.core.internal.command.DbMigrate", Level.ERROR, "x", null, Map.of()),
      event("Short", Level.DEBUG, "multi\nline", null, Map.of("other", "y")),
    };
    for (LoggingEvent e : events) {
      assertThat(layout.doLayout(e)).isEqualTo(former.doLayout(e));
    }
    assertThat(layout.doLayout(events[1]))
        .contains("WARN  d.s.o.OutboxDispatcher [slack:Ev42] - posting with xoxb-**** failed")
        .doesNotContain("secretvalue");
  }
}
