package dev.sparring.app;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import dev.sparring.core.Correlation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The text log line, {@code %d{HH:mm:ss.SSS} %-5level %logger{24} [%X{correlationId:--}] -
 * %scrubbed%n} in logback's pattern terms, written directly: a {@code PatternLayout} costs about a
 * hundred classes at start-up for the one pattern the program uses. Secrets are scrubbed ({@link
 * LogScrubber}).
 */
public final class TextLogLayout extends LayoutBase<ILoggingEvent> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private final TargetLengthBasedClassNameAbbreviator logger =
      new TargetLengthBasedClassNameAbbreviator(24);

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()), line);
    line.append(' ');
    String level = event.getLevel().toString();
    line.append(level);
    for (int i = level.length(); i < 5; i++) {
      line.append(' ');
    }
    line.append(' ').append(logger.abbreviate(event.getLoggerName())).append(" [");
    Map<String, String> mdc = event.getMDCPropertyMap();
    String correlation = mdc == null ? null : mdc.get(Correlation.MDC_KEY);
    line.append(correlation == null ? "-" : correlation).append("] - ");
    line.append(LogScrubber.messageAndError(event)).append(System.lineSeparator());
    return line.toString();
  }
}
