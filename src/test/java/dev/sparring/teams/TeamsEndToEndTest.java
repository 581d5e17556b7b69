package dev.sparring.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teams end to end through {@code sparring run}'s wiring, against Microsoft on loopback: an
 * interview in a channel thread, in order and once; a daily post as a proactive message with its
 * Answer dialog; 429s honoured; a restart in the middle of an interview.
 */
class TeamsEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] ANSWERS = {
    "Make it idempotent with a dedup table keyed by event id.",
    "Redrive after fixing, alarm when not empty.",
    "FIFO with a message group id.",
    "Batching and long polling."
  };

  @TempDir Path dir;

  private static String startInterview(TeamsRig rig, String user) throws Exception {
    int before = rig.ms.threads().size();
    HttpResponse<String> r = rig.post(rig.command(user, "interview demo-senior"));
    assertThat(r.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> rig.ms.threads().size() > before);
    TeamsStandIn.Thread thread = rig.ms.threads().get(before);
    assertThat(thread.text()).contains("demo-senior");
    return thread.id();
  }

  private static void answer(TeamsRig rig, String root, int i) throws Exception {
    assertThat(rig.post(rig.reply("29:ana", root, ANSWERS[i])).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> rig.ms.inThread(root).size() >= i + 1);
  }

  private static List<String> titles(TeamsRig rig, String root) {
    return rig.ms.inThread(root).stream()
        .map(c -> c.cardText().lines().findFirst().orElse(""))
        .toList();
  }

  @Test
  void anInterviewRunsInAChannelThreadInOrderAndOnce() throws Exception {
    try (TeamsStandIn ms = new TeamsStandIn();
        TeamsRig rig = new TeamsRig(ms, dir, "memory")) {
      String root = startInterview(rig, "29:ana");
      // The command was answered in its own thread, as a reply to it.
      assertThat(ms.sends())
          .anySatisfy(
              c ->
                  assertThat(c.path())
                      .matches("v3/conversations/19:practice@thread.tacv2/activities/act-\\d+"));
      ObjectNode replayed = null;
      for (int i = 0; i < ANSWERS.length; i++) {
        ObjectNode a = rig.reply("29:ana", root, ANSWERS[i]);
        replayed = i == 1 ? a : replayed;
        assertThat(rig.post(a).statusCode()).isEqualTo(200);
        int expected = i + 1;
        await().atMost(Duration.ofSeconds(20)).until(() -> ms.inThread(root).size() >= expected);
      }
      // Teams retries an activity it got no answer for: the retry changes nothing.
      assertThat(rig.post(replayed).statusCode()).isEqualTo(200);
      Thread.sleep(1500);
      List<String> titles = titles(rig, root);
      assertThat(titles.subList(0, 3))
          .containsExactly("Follow-up 1 of 3", "Follow-up 2 of 3", "Follow-up 3 of 3");
      assertThat(titles.get(3)).startsWith("Interview complete");
      assertThat(titles).hasSize(4);
      // Every call carried the Entra token, fetched once and cached.
      assertThat(ms.calls()).allSatisfy(c -> assertThat(c.token()).isEqualTo("Bearer tok-1"));
    }
  }

  @Test
  void aDailyPostIsProactiveAndItsAnswerButtonOpensADialog() throws Exception {
    try (TeamsStandIn ms = new TeamsStandIn();
        TeamsRig rig = new TeamsRig(ms, dir, "memory")) {
      // Not an owner, not a configured admin: refused.
      rig.post(rig.command("29:bob", "daily on 09:00 UTC daily demo beginner"));
      assertThat(ms.sends().get(ms.sends().size() - 1).cardText()).containsIgnoringCase("admin");
      // A team owner (the roster says so) sets it up; the post goes out as a new channel thread.
      rig.post(rig.command("29:owner", "daily on 09:00 UTC daily demo beginner"));
      rig.post(rig.command("29:owner", "daily now"));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  ms.threads().stream()
                      .anyMatch(t -> t.text().startsWith("Daily question \u00b7")));
      TeamsStandIn.Call post =
          ms.sends().stream()
              .filter(c -> c.path().equals("v3/conversations"))
              .filter(c -> c.cardText().startsWith("Daily question \u00b7"))
              .findFirst()
              .orElseThrow();
      assertThat(post.body().path("channelData").path("channel").path("id").asText())
          .isEqualTo(TeamsRig.CHANNEL);
      assertThat(post.body().path("tenantId").asText()).isEqualTo(TeamsRig.TENANT);
      String root =
          ms.threads().stream()
              .filter(t -> t.text().startsWith("Daily question \u00b7"))
              .findFirst()
              .orElseThrow()
              .id();

      JsonNode answerButton = null;
      for (int i = 0; i < 5; i++) {
        JsonNode data = post.button(i);
        if (data.path("action").asText().endsWith(".answer")) {
          answerButton = data;
        }
      }
      assertThat(answerButton).as("the daily post's Answer button in %s", post.body()).isNotNull();
      assertThat(answerButton.path("msteams").path("type").asText()).isEqualTo("task/fetch");
      HttpResponse<String> fetched =
          rig.post(
              rig.invoke(
                  "29:carol",
                  TeamsRig.CHANNEL + ";messageid=" + root,
                  "task/fetch",
                  (ObjectNode) answerButton));
      assertThat(fetched.statusCode()).isEqualTo(200);
      JsonNode dialog = JSON.readTree(fetched.body()).path("task");
      assertThat(dialog.path("type").asText()).isEqualTo("continue");
      JsonNode card = dialog.path("value").path("card").path("content");
      JsonNode input = card.path("body").path(0);
      assertThat(input.path("type").asText()).isEqualTo("Input.Text");
      ObjectNode submit = (ObjectNode) card.path("actions").path(0).path("data").deepCopy();
      submit.put(input.path("id").asText(), "A queue decouples producers from consumers.");
      HttpResponse<String> submitted =
          rig.post(
              rig.invoke(
                  "29:carol", TeamsRig.CHANNEL + ";messageid=" + root, "task/submit", submit));
      assertThat(submitted.statusCode()).isEqualTo(200);
      assertThat(submitted.body()).containsIgnoringCase("answer");
      // The private answer was said to carol alone, in the dialog: nothing went to the channel.
      assertThat(ms.inThread(root)).isEmpty();

      // An answer in the thread is acknowledged to dave alone, in his 1:1 chat with the bot.
      rig.post(rig.reply("29:dave", root, "Queues decouple producers from consumers."));
      assertThat(ms.inThread(root)).isEmpty();
      assertThat(ms.sends())
          .anySatisfy(
              c -> assertThat(c.path()).isEqualTo("v3/conversations/a:dm-29:dave/activities"));
    }
  }

  @Test
  void a429PausesSendingForItsRetryAfterAndTheMessageGoesOutOnce() throws Exception {
    try (TeamsStandIn ms = new TeamsStandIn();
        TeamsRig rig = new TeamsRig(ms, dir, "memory")) {
      String root = startInterview(rig, "29:ana");
      ms.script(new TeamsStandIn.Scripted(429, "2", "{\"error\":{\"code\":\"Throttled\"}}"));
      rig.post(rig.reply("29:ana", root, ANSWERS[0]));
      await().atMost(Duration.ofSeconds(20)).until(() -> ms.inThread(root).size() >= 2);
      List<TeamsStandIn.Call> calls = ms.inThread(root);
      assertThat(Duration.between(calls.get(0).at(), calls.get(1).at()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
      Thread.sleep(1000);
      assertThat(ms.inThread(root)).hasSize(2); // the refused call and the one that went through
      assertThat(titles(rig, root).get(1)).isEqualTo("Follow-up 1 of 3");

      // A token the connector stops accepting is fetched again, once.
      ms.script(new TeamsStandIn.Scripted(401, null, "{}"));
      answer(rig, root, 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> ms.inThread(root).size() >= 4);
      assertThat(ms.tokensIssued.get()).isEqualTo(2);
      assertThat(ms.inThread(root).get(3).token()).isEqualTo("Bearer tok-2");
    }
  }

  @Test
  void aRestartMidInterviewPicksUpWhereItWas() throws Exception {
    try (TeamsStandIn ms = new TeamsStandIn()) {
      String root;
      try (TeamsRig first = new TeamsRig(ms, dir, "sqlite")) {
        root = startInterview(first, "29:ana");
        answer(first, root, 0);
        answer(first, root, 1);
      }
      try (TeamsRig second = new TeamsRig(ms, dir, "sqlite")) {
        // The channel's conversation reference outlived the process: proactive posts find it.
        java.util.Optional<String> stored =
            second
                .server
                .app()
                .store()
                .transact(tx -> tx.kv().get(TeamsReferences.SCOPE, TeamsRig.CHANNEL));
        assertThat(stored.orElse("")).contains(ms.serviceUrl());
        answer(second, root, 2);
        answer(second, root, 3);
        Thread.sleep(1000);
        List<String> titles = titles(second, root);
        assertThat(titles.subList(0, 3))
            .containsExactly("Follow-up 1 of 3", "Follow-up 2 of 3", "Follow-up 3 of 3");
        assertThat(titles.get(3)).startsWith("Interview complete");
        assertThat(titles).hasSize(4);
        assertThat(ms.threads()).hasSize(1);
      }
    }
  }

  @Test
  void aDrillOpensAThreadAndGradesTheAnswerThere() throws Exception {
    try (TeamsStandIn ms = new TeamsStandIn();
        TeamsRig rig = new TeamsRig(ms, dir, "memory")) {
      int before = ms.threads().size();
      assertThat(rig.post(rig.command("29:ana", "drill demo")).statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(20)).until(() -> ms.threads().size() > before);
      TeamsStandIn.Thread thread = ms.threads().get(before);
      assertThat(thread.text()).startsWith("Drill \u00b7 New question \u00b7 demo-");
      String root = thread.id();
      assertThat(rig.post(rig.reply("29:ana", root, ANSWERS[0])).statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(20)).until(() -> !ms.inThread(root).isEmpty());
      assertThat(titles(rig, root).get(0)).matches("Drill \u00b7 \\d+/100");
      // Someone else's words in the thread do not grade the drill.
      assertThat(rig.post(rig.reply("29:bob", root, "my take")).statusCode()).isEqualTo(200);
      Thread.sleep(1000);
      assertThat(titles(rig, root)).hasSize(1);
    }
  }

  @Test
  void aCompetitionIsStartedByAnOwnerAndJoinedByMembers() throws Exception {
    try (TeamsStandIn ms = new TeamsStandIn();
        TeamsRig rig = new TeamsRig(ms, dir, "memory")) {
      rig.post(rig.command("29:bob", "compete start Cup 2d demo"));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  ms.sends().stream().anyMatch(c -> c.cardText().toLowerCase().contains("admin")));
      rig.post(rig.command("29:owner", "compete start Cup 2d demo"));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  ms.sends().stream()
                      .anyMatch(c -> c.cardText().startsWith("Competition \u00b7 Cup")));
      rig.post(rig.command("29:ana", "compete join"));
      rig.post(rig.command("29:bob", "compete join"));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  ms.sends().stream().filter(c -> c.cardText().contains("You joined")).count()
                      == 2);
    }
  }
}
