package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.CsvRows;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TappedGateway;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hiding from boards, exports and balanced groups through the real Slack adapter: signed slash
 * commands over HTTP, the Web API stand-in, and a tap on what the adapter is asked to deliver.
 */
class SlackCommunityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private SlackRig rig;
  private TappedGateway tap;
  private OutboxDispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    rig =
        SlackRig.builder("test-signing-secret")
            .token("xoxb-test-token")
            .clock(clock)
            .store(store)
            .build();
    tap = new TappedGateway(rig.adapter.gateway());
    dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(tap), OutboxDispatcher.Settings.defaults(), "tap");
    scored("U1", 30);
    scored("U2", 20);
    scored("U3", 10);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  private void scored(String user, int points) {
    store.transact(
        tx ->
            tx.ledger()
                .append(
                    new LedgerEntry(
                        "past:" + user,
                        "slack:T1",
                        "slack:C1",
                        "slack:" + user,
                        null,
                        "S1",
                        null,
                        "daily",
                        points,
                        clock.instant())));
  }

  /** What the command answered, as Slack reads it (its text and blocks, JSON unescaped). */
  private String command(String user, String text) throws Exception {
    HttpResponse<String> r = rig.command("T1", user, text);
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).toString();
  }

  private static String text(String body) throws Exception {
    return JSON.readTree(body).path("text").asText();
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

  @Test
  void hideLeavesTheBoardAndShowsYouWhereYouWouldBe() throws Exception {
    assertThat(text(command("U2", "leaderboard hide"))).startsWith("You are now hidden");
    String others = command("U3", "leaderboard");
    assertThat(others).contains("<@U1>").contains("<@U3>").doesNotContain("<@U2>");
    assertThat(command("U2", "leaderboard"))
        .contains("You would be #2 with 20 points.")
        .doesNotContain("<@U2>");
    assertThat(text(command("U2", "leaderboard show"))).startsWith("You are back");
    assertThat(command("U3", "leaderboard")).contains("<@U2>");
  }

  @Test
  void anAdminsExportIsACsvFileOnAChannelMessage() throws Exception {
    command("U2", "leaderboard hide");
    assertThat(text(command("U3", "export"))).startsWith("Only admins can export");
    assertThat(text(command("U_ADMIN", "export")))
        .startsWith("Posted results-S1-C1.csv (2 people, 40 points) in this channel");
    deliver();
    Outbound asked =
        tap.asked().stream()
            .filter(o -> !o.message().attachments().isEmpty())
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no file was sent: " + tap.asked()));
    assertThat(asked).isInstanceOf(Outbound.Post.class);
    assertThat(asked.channel().key()).isEqualTo("slack:C1");
    Message.Attachment file = asked.message().attachments().get(0);
    assertThat(file.name()).isEqualTo("results-S1-C1.csv");
    assertThat(file.mediaType()).isEqualTo("text/csv");
    assertThat(CsvRows.records(file.data()))
        .extracting(m -> m.get("user_id"))
        .containsExactly("slack:U1", "slack:U3");
    assertThat(asked.message().bodyText()).contains("2 people, 40 points");
    long dead = store.transact(tx -> tx.outbox().deadCount());
    assertThat(dead).isZero();
  }

  @Test
  void aBalancedCompetitionPlacesJoinersByPastPoints() throws Exception {
    command("U_ADMIN", "compete start Cup 2d beginner balanced 2");
    deliver();
    assertThat(
            tap.asked().stream()
                .map(o -> o.message().bodyText())
                .filter(b -> b.contains("one of 2 groups (amber, blue) kept even by past points")))
        .hasSize(1);
    String first = text(command("U1", "compete join"));
    String group = first.replaceAll("(?s).*in group (\\w+)\\..*", "$1");
    assertThat(group).isIn("amber", "blue");
    assertThat(text(command("U2", "compete join red")))
        .doesNotContain("in group " + group + ".")
        .contains("so you were placed there");
    assertThat(text(command("U3", "compete join"))).doesNotContain("in group " + group + ".");
  }

  @Test
  void archiveHistoryAndSuggestionsAnswerThroughSlack() throws Exception {
    assertThat(text(command("U2", "archive")))
        .isEqualTo("No daily question has been revealed in this channel yet.");
    assertThat(text(command("U2", "archive private"))).contains("will not be quoted");
    assertThat(text(command("U2", "history"))).startsWith("Nothing in your history yet");
    assertThat(text(command("U2", "suggestions"))).startsWith("Only admins can review");
    assertThat(text(command("U_ADMIN", "suggestions"))).startsWith("No suggestions are waiting");
    command("U2", "suggest");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !rig.api.calls("views.open").isEmpty());
    assertThat(rig.api.calls("views.open").get(0).get("view")).contains("suggest.form");
  }
}
