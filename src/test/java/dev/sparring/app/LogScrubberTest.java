package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.core.Correlation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogScrubberTest {

  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("dev.sparring.Test");

  @Test
  void tokenShapedTextIsMaskedWhateverLoggedIt() {
    assertThat(LogScrubber.scrub("auth with xoxb-1234-5678-abcdefgh failed"))
        .isEqualTo("auth with xoxb-**** failed");
    assertThat(LogScrubber.scrub("app token xapp-1-A0-1234567-abc")).contains("xapp-****");
    assertThat(LogScrubber.scrub("nothing secret here")).isEqualTo("nothing secret here");
  }

  @Test
  void discordInteractionTokensAreMaskedInPayloadsAndPaths() {
    String token = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnNlY3JldA";
    // As JDA logs an interaction it cannot parse, and as it names callback and follow-up routes.
    String payload =
        "Got an unexpected Json-parse error.\n\tINTERACTION_CREATE -> {\"type\":3,\"token\":\""
            + token
            + "\",\"id\":\"123\"}";
    assertThat(LogScrubber.scrub(payload))
        .doesNotContain(token)
        .contains("\"token\":\"****\"")
        .contains("\"id\":\"123\"");
    assertThat(LogScrubber.scrub("{\"token\" : \"" + token + "\"}")).doesNotContain(token);
    assertThat(LogScrubber.scrub("POST interactions/1234567/" + token + "/callback failed"))
        .isEqualTo("POST interactions/1234567/****/callback failed");
    assertThat(LogScrubber.scrub("PATCH webhooks/99887766/" + token + "/messages/@original"))
        .isEqualTo("PATCH webhooks/99887766/****/messages/@original");
  }

  @Test
  void jsonLinesCarryTheCorrelationIdAndScrubMessagesAndErrors() throws Exception {
    LoggingEvent event =
        new LoggingEvent(
            "x",
            logger,
            Level.WARN,
            "posting with {} failed",
            new IllegalStateException("bad token xoxb-99-88-secretvalue"),
            new Object[] {"xoxb-99-88-secretvalue"});
    event.setMDCPropertyMap(Map.of(Correlation.MDC_KEY, "slack:Ev42"));
    String line = new JsonLogLayout().doLayout(event);
    assertThat(line).endsWith(System.lineSeparator()).doesNotContain("secretvalue");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("correlationId").asText()).isEqualTo("slack:Ev42");
    assertThat(json.path("message").asText()).isEqualTo("posting with xoxb-**** failed");
    assertThat(json.path("error").asText()).contains("IllegalStateException", "xoxb-****");
    assertThat(json.path("ts").asText()).endsWith("Z");
  }
}
