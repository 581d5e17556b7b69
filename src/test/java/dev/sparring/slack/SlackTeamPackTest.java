package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.testing.TeamQuestions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    submit(user, view, TeamQuestions.fields());
  }

  /** Submits the suggestion modal {@code view} as {@code user} with {@code fields}. */
  private void submit(String user, JsonNode view, Map<String, String> fields) throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    fields.forEach(
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

  /** {@code fields} suggested by U2 in the modal and approved by U_ADMIN; the question's id. */
  private String suggestAndApprove(Map<String, String> fields) throws Exception {
    command("U2", "suggest");
    await().atMost(Duration.ofSeconds(10)).until(() -> !rig.api.calls("views.open").isEmpty());
    submit("U2", JSON.readTree(rig.api.calls("views.open").get(0).get("view")), fields);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> everythingSaid().contains("is waiting for an admin"));
    String id = TeamQuestions.idIn(everythingSaid());
    JsonNode approve = null;
    for (JsonNode block : command("U_ADMIN", "suggestions").path("blocks")) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("text").path("text").asText().equals("Approve 1")) {
          approve = e;
        }
      }
    }
    assertThat(approve).isNotNull();
    rig.press(
        "U_ADMIN",
        approve.get("action_id").asText(),
        approve.get("value").asText(),
        "1767225601.000300");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> everythingSaid().contains("Approved `" + id + "`"));
    return id;
  }

  /** The mrkdwn of every message posted so far, each block's text as Slack reads it. */
  private List<String> postedTexts() throws Exception {
    List<String> out = new ArrayList<>();
    for (SlackApiStandIn.Call c : rig.posts()) {
      StringBuilder b = new StringBuilder();
      for (JsonNode block : JSON.readTree(c.get("blocks"))) {
        block
            .findValues("text")
            .forEach(
                t -> b.append(t.isTextual() ? t.asText() : t.path("text").asText()).append('\n'));
      }
      out.add(b.toString());
    }
    return out;
  }

  private String posted(String containing) throws Exception {
    return postedTexts().stream()
        .filter(t -> t.contains(containing))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("nothing posted with " + containing));
  }

  /** A reply by {@code user} in the thread {@code threadTs}. */
  private void reply(String eventId, String user, String threadTs, String text) throws Exception {
    Map<String, Object> message =
        SlackRig.threadMessage(user, text, "2000." + Math.abs(eventId.hashCode()), threadTs);
    message.put("channel_type", "channel");
    assertThat(rig.event(eventId, message, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void keyPointsAPersonWroteArePostedAsTypedInTheSummaryAndTheReveal() throws Exception {
    String id = suggestAndApprove(TeamQuestions.hostileFields());
    // As Slack shows a person's text: &, < and > escaped, nothing else touched (the bot's own
    // **bold** would become *bold*).
    String point = BlockKit.escape(TeamQuestions.HOSTILE_POINT);
    String longPoint = BlockKit.escape(TeamQuestions.LONG_POINT);

    command("U2", "interview pack team");
    rig.deliver();
    String thread =
        rig.posts().stream()
            .filter(c -> c.get("blocks").contains("Mock interview"))
            .findFirst()
            .orElseThrow()
            .ts();
    reply("EvT1", "U2", thread, TeamQuestions.FIRST_POINT_ANSWER);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              rig.deliver();
              return postedTexts().stream().anyMatch(t -> t.contains("Follow-up 1 of 2"));
            });
    command("U2", "interview stop");
    rig.deliver();
    String summary = posted("Interview stopped by");
    assertThat(summary)
        .contains("- \u2713 " + point + "\n")
        .contains("- \u2717 " + longPoint + "\n")
        .contains("also cover: " + BlockKit.escape(TeamQuestions.LONG_POINT.substring(0, 99)))
        .contains("- " + BlockKit.escape(TeamQuestions.HOSTILE_FOLLOW_UP_POINT) + "\n")
        .contains("*Model answer*")
        .doesNotContain("**Model answer**");

    command("U_ADMIN", "daily on 09:00 UTC daily pack team");
    command("U_ADMIN", "daily now");
    rig.deliver();
    String daily =
        rig.posts().stream()
            .filter(c -> c.get("blocks").contains("Daily question"))
            .reduce((a, b) -> b)
            .orElseThrow()
            .ts();
    reply("EvD1", "U3", daily, TeamQuestions.FIRST_POINT_ANSWER);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !rig.api.calls("chat.postEphemeral").isEmpty());
    command("U_ADMIN", "reveal");
    rig.deliver();
    String reveal = posted("Reveal \u00b7 " + id);
    assertThat(reveal)
        .contains("- " + point + "\n")
        .contains("- " + longPoint + "\n")
        .contains("(missed: " + longPoint + "; and 2 more)")
        .contains("*Answers*")
        .doesNotContain("**Answers**");
    // No broadcast, mention or link of a person's making reaches Slack live, anywhere.
    for (String said : postedTexts()) {
      assertThat(said).doesNotContain("<!channel>", "<!here>", "<@U123>");
    }
  }
}
