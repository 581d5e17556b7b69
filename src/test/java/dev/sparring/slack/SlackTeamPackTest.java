package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.testing.TeamQuestions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A question suggested in Slack's modal, approved with the queue's button, then asked in an
 * interview: signed requests over real HTTP to the adapter, the Web API stand-in for what it sends.
 */
class SlackTeamPackTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.builder("test-signing-secret").token("xoxb-test-token").build();
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  private JsonNode command(String user, String text) throws Exception {
    HttpResponse<String> r = rig.command("T1", user, text);
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** Submits the suggestion modal {@code view} as {@code user}, its inputs filled in. */
  private void submit(String user, JsonNode view) throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    TeamQuestions.fields()
        .forEach(
            (name, value) ->
                values.put(name, Map.of(name, Map.of("type", "plain_text_input", "value", value))));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "view_submission");
    payload.put("team", Map.of("id", "T1", "domain", "x"));
    payload.put("user", Map.of("id", user, "username", user.toLowerCase(), "team_id", "T1"));
    payload.put("api_app_id", "A1");
    payload.put("token", "x");
    payload.put("trigger_id", "trig-suggest");
    payload.put(
        "view",
        Map.of(
            "id",
            "V900",
            "type",
            "modal",
            "callback_id",
            view.get("callback_id").asText(),
            "hash",
            "h9",
            "private_metadata",
            view.get("private_metadata").asText(),
            "state",
            Map.of("values", values)));
    HttpResponse<String> r =
        rig.signed(
            SlackRig.FORM, SlackRig.form(Map.of("payload", JSON.writeValueAsString(payload))));
    assertThat(r.statusCode()).isEqualTo(200);
  }

  /** Text the bot sent anywhere (Web API calls and response URLs) so far. */
  private String everythingSaid() {
    StringBuilder b = new StringBuilder();
    for (SlackApiStandIn.Call c : rig.api.calls()) {
      b.append(c.params()).append('\n');
    }
    return b.toString();
  }

  @Test
  void aSuggestionApprovedInSlackIsAskedInAnInterview() throws Exception {
    assertThat(command("U2", "interview pack team").path("text").asText())
        .contains("no questions of its own");
    command("U2", "suggest");
    await().atMost(Duration.ofSeconds(10)).until(() -> !rig.api.calls("views.open").isEmpty());
    JsonNode view = JSON.readTree(rig.api.calls("views.open").get(0).get("view"));
    assertThat(view.get("callback_id").asText()).isEqualTo("suggest.form");
    submit("U2", view);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> everythingSaid().contains("is waiting for an admin"));
    String id = TeamQuestions.idIn(everythingSaid());

    JsonNode queue = command("U_ADMIN", "suggestions");
    JsonNode approve = null;
    for (JsonNode block : queue.path("blocks")) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("text").path("text").asText().equals("Approve 1")) {
          approve = e;
        }
      }
    }
    assertThat(approve).as("the queue's Approve button in " + queue).isNotNull();
    assertThat(queue.toString()).contains(id);
    HttpResponse<String> pressed =
        rig.press(
            "U_ADMIN",
            approve.get("action_id").asText(),
            approve.get("value").asText(),
            "1767225601.000300");
    assertThat(pressed.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> everythingSaid().contains("Approved `" + id + "`"));

    assertThat(command("U2", "interview pack team").path("text").asText())
        .contains("Your interview on `" + id + "`");
    rig.deliver();
    assertThat(rig.posts())
        .anyMatch(
            c ->
                String.valueOf(c.params()).contains(TeamQuestions.PROMPT)
                    && String.valueOf(c.params()).contains(id));
  }
}
