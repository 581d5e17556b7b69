package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import dev.sparring.app.HttpServer;
import dev.sparring.core.Bot;
import dev.sparring.core.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slack wants every request acknowledged within 3 s, so nothing on the way to the acknowledgement
 * may wait on Slack's Web API. The stand-in holds {@code users.info} back (or breaks {@code
 * bots.info}) and the tests check that acknowledgements still come while Slack has not answered,
 * and that admin rights are still decided from Slack's answer once it comes.
 */
class SlackAckPathTest {

  private static final String SECRET = "ack-path-secret";

  /** Far longer than any acknowledgement may take; only reached when one waits on Slack. */
  private static final long ACK_WAIT_SECONDS = 10;

  private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private final HttpClient client = HttpClient.newHttpClient();
  private SlackApiStandIn api;
  private SlackAdapter adapter;
  private OutboxDispatcher dispatcher;
  private HttpServer http;
  private int triggers;

  @BeforeEach
  void start() throws Exception {
    api = new SlackApiStandIn();
    Bot bot = new Bot(store, clock, Features.all(), Set.of());
    SlackSettings settings =
        new SlackSettings(SECRET, "xoxb-ack", null, null, null, api.url(), 0, false);
    adapter = new SlackAdapter(settings, bot, store, clock, Duration.ofSeconds(30)).start();
    dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(adapter.gateway()), OutboxDispatcher.Settings.defaults(), "t");
    http = new HttpServer(0, adapter.servlets(), () -> true);
  }

  @AfterEach
  void stop() throws Exception {
    api.release("users.info");
    http.close();
    adapter.close();
    api.close();
  }

  private HttpRequest signed(String contentType, String body) {
    String ts = Long.toString(Instant.now().getEpochSecond());
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/slack/events"))
        .header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest command(String user, String text) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("team_id", "T1");
    f.put("channel_id", "C1");
    f.put("user_id", user);
    f.put("user_name", user.toLowerCase());
    f.put("command", "/spar");
    f.put("text", text);
    f.put("trigger_id", "trig-" + (++triggers));
    f.put("response_url", api.responseUrl());
    return signed(
        "application/x-www-form-urlencoded",
        f.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&")));
  }

  /** Sends and waits for the acknowledgement, failing if it waits on Slack. */
  private HttpResponse<String> acknowledged(HttpRequest request) throws Exception {
    CompletableFuture<HttpResponse<String>> ack =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    return ack.get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private void deliver() {
    for (int i = 0; i < 50; i++) {
      dispatcher.drain();
      if (store.transact(tx -> tx.outbox().pending()) == 0) {
        return;
      }
      clock.advance(Duration.ofSeconds(1));
    }
    throw new AssertionError("outbox did not drain");
  }

  private List<String> postedBlocks() {
    return api.calls("chat.postMessage").stream().map(c -> c.get("blocks")).toList();
  }

  @Test
  void anAdminCommandIsAcknowledgedBeforeUsersInfoAnswersAndStillRunsAsAdmin() throws Exception {
    api.hold("users.info");

    HttpResponse<String> ack =
        acknowledged(command("U_ADMIN", "daily on 09:00 UTC daily demo beginner"));

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).doesNotContain("Only admins");
    // Slack was asked and has not answered; the command waits for its answer, not the ack.
    assertThat(api.calls("users.info")).hasSize(1);
    deliver();
    assertThat(postedBlocks()).noneMatch(b -> b.contains("Daily question on"));

    api.release("users.info");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              dispatcher.drain();
              return postedBlocks().stream().anyMatch(b -> b.contains("Daily question on"));
            });
    assertThat(api.calls("respond"))
        .allSatisfy(r -> assertThat(r.get("body")).doesNotContain("Only admins"));
  }

  @Test
  void aNonAdminIsStillRefusedWhenTheAnswerComesAfterTheAck() throws Exception {
    api.hold("users.info");
    assertThat(acknowledged(command("U2", "daily now")).statusCode()).isEqualTo(200);
    api.release("users.info");
    await().atMost(Duration.ofSeconds(10)).until(() -> !api.calls("respond").isEmpty());
    assertThat(api.calls("respond").get(0).get("body"))
        .contains("Only admins can")
        .contains("\"response_type\":\"ephemeral\"");
  }

  @Test
  void anAnswerIsAcknowledgedAndRecordedWithoutWaitingForUsersInfo() throws Exception {
    acknowledged(command("U_ADMIN", "daily on 09:00 UTC daily demo beginner"));
    acknowledged(command("U_ADMIN", "daily now"));
    deliver();
    String dailyTs =
        api.calls("chat.postMessage").stream()
            .filter(c -> c.get("blocks").contains("Daily question"))
            .reduce((a, b) -> b)
            .orElseThrow()
            .ts();

    api.hold("users.info");
    String reply =
        SlackPayloads.json(
            "events",
            "message_thread_broadcast",
            Map.of("user", "U3", "thread_ts", dailyTs, "event_id", "EvSlowAnswer"));
    HttpResponse<String> ack = acknowledged(signed("application/json", reply));

    assertThat(ack.statusCode()).isEqualTo(200);
    // Recorded before the acknowledgement: its private confirmation is on its way.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                api.calls("chat.postEphemeral").stream().anyMatch(c -> c.get("user").equals("U3")));
    assertThat(api.calls("users.info")).extracting(c -> c.get("user")).contains("U3");
  }

  @Test
  void anotherBotsMessageIsAcknowledgedWhenBotsInfoFails() throws Exception {
    api.breakMethod("bots.info", 500);
    HttpResponse<String> ack =
        acknowledged(
            signed(
                "application/json", SlackPayloads.json("events", "message_bot_message", Map.of())));
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(api.calls("bots.info")).isEmpty();
  }

  @Test
  void requestsAreNotPrecededByAnotherAuthTest() throws Exception {
    assertThat(api.calls("auth.test")).hasSize(1); // the start-up check of the token
    acknowledged(command("U1", "help"));
    acknowledged(
        signed(
            "application/json",
            SlackPayloads.json("events", "message_channel_join", Map.of("event_id", "EvJoin"))));
    assertThat(api.calls("auth.test")).hasSize(1);
  }
}
