package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.outbox.OutboxDispatcher;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

  private SlackRig rig;
  private SlackApiStandIn api;
  private OutboxDispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.builder(SECRET).token("xoxb-ack").apiTimeout(Duration.ofSeconds(30)).build();
    api = rig.api;
    dispatcher = rig.dispatcher;
  }

  @AfterEach
  void stop() throws Exception {
    api.release("users.info");
    rig.close();
  }

  private HttpRequest signed(String contentType, String body) {
    return rig.signedRequest(contentType, body, Map.of());
  }

  private HttpRequest command(String user, String text) {
    return rig.commandRequest("T1", user, text);
  }

  /** Sends and waits for the acknowledgement, failing if it waits on Slack. */
  private HttpResponse<String> acknowledged(HttpRequest request) throws Exception {
    CompletableFuture<HttpResponse<String>> ack = rig.sendAsync(request);
    return ack.get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private void deliver() {
    rig.deliver();
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
