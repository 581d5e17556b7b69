package dev.sparring.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.core.Correlation;
import java.time.Instant;
import java.util.Map;

/**
 * {@code SPARRING_LOG_FORMAT=json}: one JSON object per line with {@code ts}, {@code level}, {@code
 * logger}, {@code thread}, {@code correlationId} (the inbound event a line belongs to, carried on
 * to the delivery of the messages it caused), {@code message} and {@code error}; secrets scrubbed.
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String doLayout(ILoggingEvent event) {
    ObjectNode line = JSON.createObjectNode();
    line.put("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
    line.put("level", event.getLevel().toString());
    line.put("logger", event.getLoggerName());
    line.put("thread", event.getThreadName());
    Map<String, String> mdc = event.getMDCPropertyMap();
    String correlation = mdc == null ? null : mdc.get(Correlation.MDC_KEY);
    if (correlation != null) {
      line.put("correlationId", correlation);
    }
    line.put("message", LogScrubber.scrub(event.getFormattedMessage()));
    if (event.getThrowableProxy() != null) {
      line.put("error", LogScrubber.scrub(ThrowableProxyUtil.asString(event.getThrowableProxy())));
    }
    try {
      return JSON.writeValueAsString(line) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      return "{\"level\":\"ERROR\",\"message\":\"unloggable event\"}" + System.lineSeparator();
    }
  }
}
