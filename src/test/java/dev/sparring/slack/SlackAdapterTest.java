package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack adapter over real HTTP: signed requests to the embedded Jetty, Bolt in between, and a
 * loopback stand-in for the Web API.
 */
class SlackAdapterTest {

  private static final String SECRET = "test-signing-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private SlackRig rig;
  private SlackApiStandIn api;
  private OutboxDispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    rig =
        SlackRig.builder(SECRET)
            .token("xoxb-test-token")
            // A short client timeout, so a SLOW answer from the stand-in times out.
            .apiTimeout(Duration.ofMillis(800))
            .clock(clock)
            .store(store)
            .verificationToken("x")
            .responseUrl("http://127.0.0.1:1/unused")
            .build();
    api = rig.api;
    dispatcher = rig.dispatcher;
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  // ---- requests

  private HttpResponse<String> post(
      String type, String body, long timestamp, String signature, Map<String, String> headers)
      throws Exception {
    return rig.post(type, body, timestamp, signature, headers);
  }

  private HttpResponse<String> signed(String type, String body, Map<String, String> headers)
      throws Exception {
    return rig.signed(type, body, headers);
  }

  private static String form(Map<String, String> fields) {
    return SlackRig.form(fields);
  }

  private HttpResponse<String> command(String user, String text) throws Exception {
    return rig.command("T1", user, text);
  }

  private HttpResponse<String> event(
      String eventId, Map<String, Object> event, Map<String, String> headers) throws Exception {
    return rig.event(eventId, event, headers);
  }

  private HttpResponse<String> reply(String eventId, String user, String threadTs, String text)
      throws Exception {
    Map<String, Object> message =
        SlackRig.threadMessage(user, text, "2000." + eventId.hashCode(), threadTs);
    message.put("channel_type", "channel");
    return event(eventId, message, Map.of());
  }

  private HttpResponse<String> press(String user, String actionId, String value, String messageTs)
      throws Exception {
    return rig.press(user, actionId, value, messageTs);
  }

  /** Delivers the outbox, moving the clock past the per-channel pacing. */
  private void deliver() {
    rig.deliver();
  }

  private List<SlackApiStandIn.Call> posts() {
    return rig.posts();
  }

  private static String blocks(SlackApiStandIn.Call c) {
    return c.get("blocks");
  }

  // ---- tests

  @Test
  void aFullInterviewInAThread() throws Exception {
    HttpResponse<String> ack = command("U1", "interview demo-senior");
    assertThat(ack.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(ack.body());
    assertThat(body.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(body.get("text").asText()).contains("in a new thread");
    deliver();
    SlackApiStandIn.Call question = posts().get(0);
    assertThat(question.get("channel")).isEqualTo("C1");
    assertThat(question.get("thread_ts")).isEmpty();
    assertThat(question.authorization()).isEqualTo("Bearer xoxb-test-token");
    assertThat(blocks(question))
        .contains("\"type\":\"header\"")
        .contains("safe to retry")
        .contains("\"action_id\":\"interview.hint#0\"")
        .contains("\"action_id\":\"interview.skip#1\"")
        .contains("\"action_id\":\"interview.stop#2\"");
    String thread = question.ts();

    for (int i = 1; i <= 4; i++) {
      assertThat(reply("Ev" + i, "U1", thread, "answer " + i + " idempotent").statusCode())
          .isEqualTo(200);
      deliver();
    }
    List<SlackApiStandIn.Call> inThread =
        posts().stream().filter(c -> c.get("thread_ts").equals(thread)).toList();
    assertThat(inThread).hasSize(4);
    assertThat(blocks(inThread.get(0))).contains("Follow-up 1 of 3");
    assertThat(blocks(inThread.get(1))).contains("Follow-up 2 of 3");
    assertThat(blocks(inThread.get(2))).contains("Follow-up 3 of 3");
    assertThat(blocks(inThread.get(3))).contains("Interview complete");
    // Slack's bold is *single*: the core's **double** markers were converted.
    assertThat(blocks(inThread.get(3))).contains("*Question: ").doesNotContain("**");
  }

  @Test
  void aRetriedEventIsIgnoredAndBotMessagesAndEditsToo() throws Exception {
    command("U1", "interview demo-senior");
    deliver();
    String thread = posts().get(0).ts();
    reply("EvA", "U1", thread, "first");
    HttpResponse<String> retry =
        event(
            "EvA",
            SlackRig.threadMessage("U1", "first", "2000.1", thread),
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    assertThat(retry.statusCode()).isEqualTo(200);
    event(
        "EvBot",
        Map.of(
            "type",
            "message",
            "subtype",
            "bot_message",
            "channel",
            "C1",
            "bot_id",
            "BBOT",
            "text",
            "Follow-up 1 of 3",
            "ts",
            "2000.2",
            "thread_ts",
            thread),
        Map.of());
    event(
        "EvEdit",
        Map.of(
            "type",
            "message",
            "subtype",
            "message_changed",
            "channel",
            "C1",
            "hidden",
            true,
            "ts",
            "2000.3",
            "message",
            Map.of(
                "type",
                "message",
                "user",
                "U1",
                "text",
                "edited",
                "ts",
                "2000.1",
                "thread_ts",
                thread),
            "previous_message",
            Map.of("type", "message", "user", "U1", "text", "first", "ts", "2000.1")),
        Map.of());
    deliver();
    List<SlackApiStandIn.Call> inThread =
        posts().stream().filter(c -> c.get("thread_ts").equals(thread)).toList();
    assertThat(inThread).hasSize(1);
    assertThat(blocks(inThread.get(0))).contains("Follow-up 1 of 3");
  }

  @Test
  void buttonsReachTheCoreAndAnswerPrivately() throws Exception {
    command("U1", "interview demo-senior");
    deliver();
    String id =
        store
            .transact(tx -> tx.conversations().active("slack:T1", "slack:U1", "interview"))
            .orElseThrow()
            .id();
    String thread = posts().get(0).ts();
    assertThat(press("U1", "interview.hint#0", id, thread).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !api.calls("chat.postEphemeral").isEmpty());
    SlackApiStandIn.Call hint = api.calls("chat.postEphemeral").get(0);
    assertThat(hint.get("user")).isEqualTo("U1");
    assertThat(hint.get("thread_ts")).isEqualTo(thread);
    assertThat(hint.get("text")).contains("Hint: Think about what happens");
    press("U1", "interview.stop#2", id, thread);
    deliver();
    assertThat(blocks(posts().get(posts().size() - 1))).contains("Interview stopped by @u1");
  }

  @Test
  void aDailyPostAndItsRevealWithAdminsFromUsersInfo() throws Exception {
    HttpResponse<String> refused = command("U2", "daily now");
    assertThat(JSON.readTree(refused.body()).get("text").asText()).startsWith("Only admins can");
    command("U_ADMIN", "daily on 09:00 UTC daily demo beginner");
    command("U_ADMIN", "daily now");
    deliver();
    SlackApiStandIn.Call daily =
        posts().stream()
            .filter(c -> blocks(c).contains("Daily question"))
            .reduce((a, b) -> b)
            .orElseThrow();
    String dailyTs = daily.ts();
    // Answers never wait on users.info: a person Sparring has met (here through a command) is
    // named as Slack names them; one never seen before is named by id until the look-up is back.
    command("U3", "stats");
    reply("EvD1", "U3", dailyTs, "A queue decouples producers from consumers and absorbs bursts.");
    await().atMost(Duration.ofSeconds(10)).until(() -> !api.calls("chat.postEphemeral").isEmpty());
    HttpResponse<String> reveal = command("U_ADMIN", "reveal");
    assertThat(JSON.readTree(reveal.body()).get("text").asText()).contains("Revealed");
    deliver();
    SlackApiStandIn.Call revealed = posts().get(posts().size() - 1);
    assertThat(revealed.get("thread_ts")).isEqualTo(dailyTs);
    assertThat(JSON.readTree(blocks(revealed)).toString())
        .contains("Reveal")
        .contains("<@U3>: ")
        .contains("+");
  }

  @Test
  void aPrivateAnswerThroughTheModalAppearsInNoCallBeforeTheReveal() throws Exception {
    String secret = "Queues absorb bursts and decouple producers SECRET-7731.";
    List<HttpResponse<String>> responses = new java.util.ArrayList<>();
    responses.add(command("U_ADMIN", "daily on 09:00 UTC daily demo beginner"));
    responses.add(command("U_ADMIN", "daily now"));
    for (int i = 0; i < 5 && posts().stream().noneMatch(c -> blocks(c).contains("Reveal")); i++) {
      deliver();
    }
    SlackApiStandIn.Call daily =
        posts().stream().filter(c -> blocks(c).contains("Reveal")).findFirst().orElseThrow();
    JsonNode answerButton = null;
    for (JsonNode block : JSON.readTree(daily.get("blocks"))) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("text").path("text").asText().equals("Answer")) {
          answerButton = e;
        }
      }
    }
    assertThat(answerButton).as("the daily post's Answer button").isNotNull();
    responses.add(
        press(
            "U3",
            answerButton.get("action_id").asText(),
            answerButton.get("value").asText(),
            daily.ts()));
    await().atMost(Duration.ofSeconds(10)).until(() -> !api.calls("views.open").isEmpty());
    JsonNode view = JSON.readTree(api.calls("views.open").get(0).get("view"));
    assertThat(view.get("callback_id").asText()).isEqualTo("daily.answer");

    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "view_submission");
    payload.put("team", Map.of("id", "T1", "domain", "x"));
    payload.put("user", Map.of("id", "U3", "username", "u3", "team_id", "T1"));
    payload.put("api_app_id", "A1");
    payload.put("token", "x");
    payload.put("trigger_id", "trig-answer");
    payload.put(
        "view",
        Map.of(
            "id",
            "V777",
            "type",
            "modal",
            "callback_id",
            "daily.answer",
            "hash",
            "h7",
            "private_metadata",
            view.get("private_metadata").asText(),
            "state",
            Map.of(
                "values",
                Map.of(
                    "answer",
                    Map.of("answer", Map.of("type", "plain_text_input", "value", secret))))));
    HttpResponse<String> submitted =
        signed(
            "application/x-www-form-urlencoded",
            form(Map.of("payload", JSON.writeValueAsString(payload))),
            Map.of());
    assertThat(submitted.statusCode()).isEqualTo(200);
    responses.add(submitted);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                api.calls().stream()
                    .anyMatch(c -> c.params().toString().contains("Answer saved, privately")));
    deliver();
    // Every call the bot made to Slack so far, and every HTTP answer it gave: none has the words.
    assertThat(api.calls()).noneMatch(c -> c.params().toString().contains("SECRET-7731"));
    assertThat(responses).noneMatch(r -> r.body().contains("SECRET-7731"));
    long kept = store.transact(tx -> tx.documents().count("daily.answer"));
    assertThat(kept).isEqualTo(1);

    command("U_ADMIN", "reveal");
    deliver();
    SlackApiStandIn.Call reveal = posts().get(posts().size() - 1);
    assertThat(reveal.get("thread_ts")).isEqualTo(daily.ts());
    assertThat(blocks(reveal)).contains("Best answer").contains("SECRET-7731");
  }

  @Test
  void adminsSetTheDailyScheduleInAModal() throws Exception {
    command("U_ADMIN", "daily setup");
    await().atMost(Duration.ofSeconds(10)).until(() -> !api.calls("views.open").isEmpty());
    SlackApiStandIn.Call open = api.calls("views.open").get(0);
    assertThat(open.get("trigger_id")).startsWith("trig-");
    JsonNode view = JSON.readTree(open.get("view"));
    assertThat(view.get("type").asText()).isEqualTo("modal");
    assertThat(view.get("callback_id").asText()).isEqualTo("daily.schedule");
    assertThat(view.get("blocks")).hasSize(4);

    Map<String, Object> values = new LinkedHashMap<>();
    values.put("time", Map.of("time", Map.of("type", "plain_text_input", "value", "09:30")));
    values.put(
        "zone", Map.of("zone", Map.of("type", "plain_text_input", "value", "Europe/Berlin")));
    values.put("days", Map.of("days", Map.of("type", "plain_text_input", "value", "mon-fri")));
    values.put("filter", Map.of("filter", Map.of("type", "plain_text_input")));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "view_submission");
    payload.put("team", Map.of("id", "T1", "domain", "x"));
    payload.put("user", Map.of("id", "U_ADMIN", "username", "admin", "team_id", "T1"));
    payload.put("api_app_id", "A1");
    payload.put("token", "x");
    payload.put("trigger_id", "trig-view");
    payload.put(
        "view",
        Map.of(
            "id",
            "V123",
            "type",
            "modal",
            "callback_id",
            "daily.schedule",
            "hash",
            "h1",
            "private_metadata",
            view.get("private_metadata").asText(),
            "state",
            Map.of("values", values)));
    HttpResponse<String> submitted =
        signed(
            "application/x-www-form-urlencoded",
            form(Map.of("payload", JSON.writeValueAsString(payload))),
            Map.of());
    assertThat(submitted.statusCode()).isEqualTo(200);
    deliver();
    assertThat(blocks(posts().get(posts().size() - 1)))
        .contains("Daily question on")
        .contains("09:30 Europe/Berlin, mon-fri");
  }

  @Test
  void theAppHomeShowsStreakDrillsScoresAndTheBoard() throws Exception {
    event(
        "EvHome",
        Map.of(
            "type",
            "app_home_opened",
            "user",
            "U1",
            "channel",
            "D1",
            "tab",
            "home",
            "event_ts",
            "1.0"),
        Map.of());
    await().atMost(Duration.ofSeconds(10)).until(() -> !api.calls("views.publish").isEmpty());
    SlackApiStandIn.Call home = api.calls("views.publish").get(0);
    assertThat(home.get("user_id")).isEqualTo("U1");
    assertThat(home.get("view"))
        .contains("\"type\":\"home\"")
        .contains("Streaks")
        .contains("Drills")
        .contains("Team leaderboard");
  }

  @Test
  void badSignaturesAndStaleTimestampsGet401() throws Exception {
    String body =
        form(
            Map.of(
                "command",
                "/spar",
                "text",
                "help",
                "team_id",
                "T1",
                "channel_id",
                "C1",
                "user_id",
                "U1",
                "trigger_id",
                "t"));
    long now = Instant.now().getEpochSecond();
    assertThat(
            post("application/x-www-form-urlencoded", body, now, "v0=deadbeef", Map.of())
                .statusCode())
        .isEqualTo(401);
    long old = now - 6 * 60;
    String oldSig = new SlackSignature.Generator(SECRET).generate(Long.toString(old), body);
    assertThat(post("application/x-www-form-urlencoded", body, old, oldSig, Map.of()).statusCode())
        .isEqualTo(401);
    assertThat(api.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void malformedPayloadsGet4xxNotAStackTrace() throws Exception {
    HttpResponse<String> notJson = signed("application/json", "{not json", Map.of());
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).doesNotContain("Exception");
    assertThat(signed("application/json", "[1,2]", Map.of()).statusCode()).isEqualTo(400);
    assertThat(signed("application/x-www-form-urlencoded", "hello=world", Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(
            signed("application/x-www-form-urlencoded", "payload=%7Bbroken", Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(signed("text/plain", "hi", Map.of()).statusCode()).isEqualTo(400);
    assertThat(
            signed(
                    "application/json",
                    "{\"type\":\"event_callback\",\"x\":\"" + "a".repeat(1_100_000) + "\"}",
                    Map.of())
                .statusCode())
        .isEqualTo(413);
  }

  @Test
  void rateLimitsAreHonouredAndNothingIsLost() throws Exception {
    api.ratelimitNext(3);
    command("U1", "interview demo-senior");
    dispatcher.drain();
    assertThat(posts()).isEmpty();
    clock.advance(Duration.ofSeconds(2));
    dispatcher.drain();
    assertThat(posts()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    dispatcher.drain();
    assertThat(posts()).hasSize(1);
  }

  @Test
  void platformFaultsNeverDoubleAFollowUpAndHopelessMessagesAreDeadLettered() throws Exception {
    command("U1", "interview demo-senior");
    api.fail(SlackApiStandIn.Fault.ERROR_500, SlackApiStandIn.Fault.RESET);
    for (int i = 0; i < 10 && posts().isEmpty(); i++) {
      deliverWithBackoff();
    }
    String thread = posts().get(0).ts();
    for (int step = 1; step <= 4; step++) {
      api.fail(
          step % 2 == 0 ? SlackApiStandIn.Fault.RESET : SlackApiStandIn.Fault.ERROR_500,
          SlackApiStandIn.Fault.ERROR_500);
      reply("EvF" + step, "U1", thread, "answer " + step);
      deliverWithBackoff();
    }
    List<String> inThread =
        posts().stream()
            .filter(c -> c.get("thread_ts").equals(thread))
            .map(SlackAdapterTest::blocks)
            .toList();
    assertThat(inThread).hasSize(4);
    assertThat(inThread.get(0)).contains("Follow-up 1 of 3");
    assertThat(inThread.get(1)).contains("Follow-up 2 of 3");
    assertThat(inThread.get(2)).contains("Follow-up 3 of 3");
    assertThat(inThread.get(3)).contains("Interview complete");

    // A message that can never be delivered is dead-lettered at once, and the channel moves on.
    api.fail(SlackApiStandIn.Fault.CHANNEL_NOT_FOUND);
    command("U2", "interview demo-basic");
    deliverWithBackoff();
    List<dev.sparring.store.OutboxEntry> dead = store.transact(tx -> tx.outbox().deadLetters(10));
    assertThat(dead)
        .singleElement()
        .satisfies(e -> assertThat(e.lastError()).isEqualTo("channel_not_found"));
  }

  @Test
  void aTimedOutSendThatReachedSlackIsFoundNotSentAgain() throws Exception {
    // The question's post reaches Slack, but its answer comes too late: the send times out.
    api.fail(SlackApiStandIn.Fault.SLOW);
    command("U1", "interview demo-senior");
    dispatcher.drain();
    assertThat(posts()).hasSize(1);
    assertThat((long) store.transact(tx -> tx.outbox().pending())).isEqualTo(1L);
    // The retry looks in the channel's history, finds its marker, and does not post again.
    deliverWithBackoff();
    assertThat(posts()).hasSize(1);
    assertThat(api.calls("conversations.history")).hasSize(1);
    String thread = posts().get(0).ts();
    // The same for a follow-up in the thread (found with conversations.replies).
    api.fail(SlackApiStandIn.Fault.SLOW);
    reply("EvSlow1", "U1", thread, "first answer");
    dispatcher.drain();
    deliverWithBackoff();
    reply("EvSlow2", "U1", thread, "second answer");
    deliverWithBackoff();
    assertThat(api.calls("conversations.replies")).hasSize(1);
    assertThat(
            posts().stream()
                .filter(c -> c.get("thread_ts").equals(thread))
                .map(SlackAdapterTest::blocks)
                .toList())
        .satisfiesExactly(
            b -> assertThat(b).contains("Follow-up 1 of 3"),
            b -> assertThat(b).contains("Follow-up 2 of 3"));
    // Every post carries its outbox marker.
    assertThat(posts()).allSatisfy(c -> assertThat(c.get("metadata")).contains("sparring_outbox"));
  }

  /** Delivers everything, moving the clock through retry backoffs (up to a minute). */
  private void deliverWithBackoff() {
    rig.deliver(120);
  }

  @Test
  void longMessagesAreSplitWithinBlockKitLimits() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 800; i++) {
      body.append("- line ").append(i).append(" ").append("x".repeat(200)).append('\n');
    }
    List<BlockKit.Rendered> parts =
        BlockKit.render(dev.sparring.chat.Message.of("Big", body.toString()));
    assertThat(parts.size()).isGreaterThan(1);
    for (BlockKit.Rendered p : parts) {
      assertThat(p.blocks().size()).isLessThanOrEqualTo(50);
      p.blocks()
          .forEach(
              b -> {
                if (b instanceof com.slack.api.model.block.SectionBlock s && s.getText() != null) {
                  assertThat(s.getText().getText().length()).isLessThanOrEqualTo(3000);
                }
              });
    }
    String all =
        parts.stream()
            .flatMap(p -> p.blocks().stream())
            .filter(b -> b instanceof com.slack.api.model.block.SectionBlock)
            .map(b -> ((com.slack.api.model.block.SectionBlock) b).getText().getText())
            .collect(Collectors.joining("\n"));
    assertThat(all).contains("line 0 ").contains("line 799 ");
    assertThat(dev.sparring.chat.Texts.clip("ab\uD83D\uDE80cd", 4)).isEqualTo("ab\u2026");
  }
}
