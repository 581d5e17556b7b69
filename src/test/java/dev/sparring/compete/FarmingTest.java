package dev.sparring.compete;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.scoring.ScoringRules;
import dev.sparring.scoring.Streaks;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Points follow the grade: junk, skips and ratings without a real answer earn nothing. */
class FarmingTest {

  private static final String TEAM = Harness.TEAM.key();
  private static final String GOOD =
      "A queue decouples producers from consumers, absorbs bursts of load, lets consumers retry"
          + " failed messages, and keeps messages durable until processed.";
  private static final List<String> JUNK = List.of("x", ".", "idk");

  private final ScoringRules rules = ScoringRules.defaults();
  private final Harness h = new Harness(new MemoryStore(), Features.all(TestPacks.demo(), rules));

  @AfterEach
  void close() {
    h.close();
  }

  private void runUntil(Instant end) {
    while (h.clock.instant().isBefore(end)) {
      h.clock.advance(Duration.ofMinutes(15));
      h.tick();
      h.dispatcher.drain();
    }
  }

  private List<LedgerEntry> entries(String user) {
    return h.store.transact(tx -> tx.ledger().entries(TEAM, "console:" + user, 100));
  }

  private List<Standing> board() {
    return h.store.transact(tx -> tx.ledger().standings(LedgerQuery.team(TEAM)));
  }

  private Message last() {
    h.dispatcher.drain();
    List<dev.sparring.testing.RecordingGateway.Sent> sent = h.gateway.sent();
    return sent.get(sent.size() - 1).message().message();
  }

  private Message.Button button(Message m, String label) {
    return m.buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();
  }

  /** Starts an interview of demo-basic (question + 2 follow-ups); returns its thread. */
  private String interview(String user) {
    h.command(user, "interview demo-basic");
    return h.drainAndLastThread();
  }

  private Message parentOf(String thread) {
    return h.gateway.sent().stream()
        .filter(s -> s.message() instanceof Outbound.Post p && thread.equals(s.platformId()))
        .map(s -> s.message().message())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void junkAndSkippedInterviewsEarnNothingAndDoNotTopTheBoard() {
    for (int i = 0; i < 4; i++) {
      String t = interview("farmer");
      for (int step = 0; step < 3; step++) {
        h.reply("farmer", t, JUNK.get(step));
      }
      assertThat(last().bodyText()).contains("No points");
    }
    String skipped = interview("farmer");
    Message.Button skip = button(parentOf(skipped), "Skip");
    for (int step = 0; step < 3; step++) {
      h.press("farmer", skipped, skip.action(), skip.value());
    }
    assertThat(last().titleText()).startsWith("Interview complete");
    assertThat(entries("farmer")).isEmpty();

    String honest = interview("ana");
    h.reply("ana", honest, GOOD);
    h.reply("ana", honest, "idk");
    h.reply(
        "ana", honest, "It holds messages that failed too often; you inspect and redrive them.");
    assertThat(last().bodyText()).contains("points**");
    assertThat(board()).extracting(Standing::name).containsExactly("console:ana");
  }

  @Test
  void aDrillRatedWithoutARealAnswerEarnsNothing() {
    h.command("farmer", "drill demo beginner");
    String t = h.drainAndLastThread();
    h.reply("farmer", t, "idk");
    Message.Button easy = button(last(), "Easy");
    h.press("farmer", t, easy.action(), easy.value());
    assertThat(last().bodyText()).contains("Rated **Easy**").contains("No points");
    assertThat(entries("farmer")).isEmpty();
  }

  @Test
  void junkCompetitionAnswersEarnNothingAndCannotBeRetried() {
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    h.admin("ana", "compete start Cup 2d demo beginner every 1d");
    String q = h.drainAndLastThread();
    h.command("farmer", "compete join");
    h.command("bo", "compete join");
    assertThat(said(h.reply("farmer", q, "x"))).contains("earn no points");
    assertThat(said(h.reply("farmer", q, GOOD))).contains("Only your first answer");
    assertThat(said(h.reply("bo", q, GOOD))).contains("points for you");
    assertThat(entries("farmer")).extracting(LedgerEntry::points).containsOnly(0);
    assertThat(board().get(0).name()).isEqualTo("console:bo");
  }

  @Test
  void theSameAnswerEarnsTheSameInEveryMode() {
    // Daily: a junk answer earns nothing and starts no streak; a good one earns points(grade).
    h.clock.set(Instant.parse("2026-03-02T08:00:00Z"));
    h.admin("ana", "daily on 09:00 UTC daily demo beginner");
    runUntil(Instant.parse("2026-03-02T09:30:00Z"));
    String daily = h.drainAndLastThread();
    h.reply("ana", daily, GOOD);
    h.reply("farmer", daily, "idk");
    runUntil(Instant.parse("2026-03-03T09:30:00Z")); // reveals the 2nd
    assertThat(entries("farmer")).isEmpty();
    String streaks =
        h.store.transact(tx -> String.join(";", Streaks.describe(tx, TEAM, "console:farmer")));
    assertThat(streaks).doesNotContain("#C1 1");

    // Interview: the same answer to the same question, the follow-ups skipped.
    String t = interview("ana");
    Message.Button skip = button(parentOf(t), "Skip");
    h.reply("ana", t, GOOD);
    h.press("ana", t, skip.action(), skip.value());
    h.press("ana", t, skip.action(), skip.value());

    // Drill: the same answer, rated.
    h.command("ana", "drill demo beginner");
    String d = h.drainAndLastThread();
    h.reply("ana", d, GOOD);
    Message.Button good = button(last(), "Good");
    h.press("ana", d, good.action(), good.value());

    // Competition: the same answer to the same question.
    h.admin("ana", "compete start Cup 2d demo beginner every 1d");
    String c = h.drainAndLastThread();
    h.command("ana", "compete join");
    h.reply("ana", c, GOOD);

    List<LedgerEntry> earned = entries("ana");
    assertThat(earned)
        .extracting(LedgerEntry::reason)
        .containsExactlyInAnyOrder("daily", "interview", "drill", "compete");
    // GOOD grades in the nineties: 5 + 15 * score / 100, whatever the mode.
    assertThat(earned.get(0).points()).isBetween(rules.points(90), rules.points(100));
    assertThat(earned).extracting(LedgerEntry::points).containsOnly(earned.get(0).points());
  }

  @Test
  void pointsScaleWithTheGradeAndJunkEarnsNothing() {
    assertThat(rules.points(0)).isZero();
    assertThat(rules.points(19)).isZero();
    assertThat(rules.points(20)).isEqualTo(8);
    assertThat(rules.points(50)).isEqualTo(13);
    assertThat(rules.points(100)).isEqualTo(20);
    assertThat(rules.dailyPoints(10, 9)).isZero(); // no streak bonus on junk
    assertThat(rules.dailyPoints(100, 3)).isEqualTo(24);
  }
}
