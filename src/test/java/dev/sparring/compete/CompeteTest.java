package dev.sparring.compete;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Outbound;
import dev.sparring.core.Context;
import dev.sparring.core.Effects;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.ScoringRules;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.RecordingGateway;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompeteTest {

  private static final String TEAM = Harness.TEAM.key();
  // The boards' cache has a clock of its own: tests here move the bot's clock by days, and
  // invalidation after commit must be what keeps boards fresh unless a test moves this one.
  private final MutableClock boardClock = MutableClock.at("2026-03-01T09:00:00Z");
  private final Points points = new Points(ScoringRules.defaults(), boardClock);
  private Harness h = new Harness(new MemoryStore(), Features.all(TestPacks.demo(), points));

  @AfterEach
  void close() {
    h.close();
  }

  /** Awards points the way features do: in a transaction, the cache dropped after commit. */
  private void award(String key, String user, int pts) {
    award(points, key, user, pts);
  }

  private void award(Points replica, String key, String user, int pts) {
    Effects effects = new Effects();
    h.store.transact(
        tx -> {
          Context ctx = new Context(tx, effects, h.clock.instant(), Set.of());
          return replica.award(
              ctx,
              new Points.Award(
                  key, TEAM, Harness.CHANNEL.key(), "console:" + user, "daily", pts, null, null));
        });
    effects.afterCommitActions().forEach(Runnable::run);
  }

  /** Title and body of the asker's leaderboard. */
  private String board(String args) {
    var r = h.command("ana", "leaderboard " + args);
    assertThat(r.ephemerals()).hasSize(1);
    var m = r.ephemerals().get(0).message();
    return m.titleText() + "\n" + m.bodyText();
  }

  @Test
  void theLedgerNeverCountsAnEventTwice() {
    award("daily:C1:2026-03-02:bo", "bo", 10);
    award("daily:C1:2026-03-02:bo", "bo", 10);
    award("daily:C1:2026-03-03:bo", "bo", 5);
    List<Standing> rows = h.store.transact(tx -> tx.ledger().standings(LedgerQuery.team(TEAM)));
    assertThat(rows)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.points()).isEqualTo(15);
              assertThat(s.entries()).isEqualTo(2);
            });
  }

  @Test
  void tiesBreakByWhoGotThereFirstThenByName() {
    award("k1", "zed", 10);
    h.clock.advance(Duration.ofMinutes(1));
    award("k2", "amy", 10);
    h.clock.advance(Duration.ofMinutes(1));
    award("k3", "bob", 4);
    award("k4", "bob", 6);
    award("k5", "cat", 10);
    String b = board("team");
    assertThat(b.indexOf("zed")).isLessThan(b.indexOf("amy"));
    // amy, bob and cat... bob and cat reached 10 at the same moment: the name decides.
    assertThat(b.indexOf("amy")).isLessThan(b.indexOf("bob"));
    assertThat(b.indexOf("bob")).isLessThan(b.indexOf("cat"));
    assertThat(b).contains("\n1. \uD83E\uDD47 zed \u2014 10 points");
  }

  @Test
  void topTenPlusYourOwnRank() {
    for (int i = 0; i < 14; i++) {
      award("k" + i, String.format("u%02d", i), 100 - i);
    }
    award("mine", "ana", 1);
    String b = board("team");
    assertThat(b.lines().filter(l -> l.matches("\\d+\\. .*"))).hasSize(11);
    assertThat(b)
        .contains("10. u09")
        .doesNotContain("11. u10")
        .contains("\u2026\n15. **ana (you)** \u2014 1 point");
    String bo = said(h.command("nobody", "leaderboard team"));
    assertThat(bo).contains("_You have no points here yet._");
  }

  @Test
  void seasonsRollOverAtTheMonthAndResetArchivesWithoutDeleting() {
    h.clock.set(Instant.parse("2026-03-30T12:00:00Z"));
    award("march", "bo", 30);
    assertThat(board("")).contains("season S1").contains("bo \u2014 30 points");
    h.clock.set(Instant.parse("2026-04-01T00:00:01Z"));
    award("april", "cy", 5);
    assertThat(board("")).contains("season S2").contains("cy \u2014 5").doesNotContain("bo \u2014");
    assertThat(board("all-time")).contains("bo \u2014 30 points").contains("cy \u2014 5 points");
    assertThat(said(h.command("bo", "season")))
        .contains("**Current:** S2, 2026-04-01 to 2026-05-01")
        .contains("**S1:** 1. bo (30)");

    assertThat(said(h.command("bo", "season reset")))
        .startsWith("Only admins can reset the season");
    h.pressPrivate(h.admin("ana", "season reset"), "Confirm", "ana", true);
    assertThat(board("")).contains("season S3").contains("No points yet");
    assertThat(board("team all-time"))
        .contains("bo \u2014 30 points")
        .contains("cy \u2014 5 points");
    assertThat(said(h.command("bo", "season")))
        .contains("**S2:** 1. cy (5)")
        .contains("**S1:** 1. bo (30)");
  }

  @Test
  void cachedLeaderboardsRefreshAfterNewPoints() {
    award("k1", "bo", 10);
    assertThat(board("team")).contains("bo \u2014 10 points");
    award("k2", "bo", 5);
    assertThat(board("team")).contains("bo \u2014 15 points");
  }

  @Test
  void pointsAwardedOnAnotherReplicaShowOnceTheCachedBoardExpires() {
    Points otherReplica = new Points(ScoringRules.defaults(), boardClock);
    award("k1", "bo", 10);
    assertThat(board("team")).contains("bo \u2014 10 points");
    award(otherReplica, "k2", "bo", 5); // drops the other replica's cache, not this one's
    boardClock.advance(Points.CACHE_TTL.minusSeconds(1));
    assertThat(board("team")).contains("bo \u2014 10 points");
    boardClock.advance(Duration.ofSeconds(2));
    assertThat(board("team")).contains("bo \u2014 15 points");
  }

  @Test
  void statsForYouOrSomeoneElse() {
    award("k1", "bo", 10);
    assertThat(said(h.command("ana", "stats @bo"))).contains("10 points, rank 1 of 1");
    assertThat(said(h.command("ana", "stats @nobody"))).contains("no activity in this team yet");
    assertThat(said(h.command("ana", "stats"))).contains("**Season S1:** 0 points");
    assertThat(said(h.command("ana", "stats <bad mention>"))).startsWith("Usage:");
  }

  @Test
  void awayTakesAFutureDate() {
    h.clock.set(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(said(h.command("bo", "away until 2026-03-09"))).contains("away until 2026-03-09");
    assertThat(said(h.command("bo", "stats"))).contains("_Away until 2026-03-09._");
    assertThat(said(h.command("bo", "away until 2025-01-01"))).contains("between today and a year");
    assertThat(said(h.command("bo", "away until someday"))).contains("is not a date");
    assertThat(said(h.command("bo", "away until 2026-02-30")))
        .isEqualTo("`2026-02-30` is not a real date (February 2026 has 28 days).");
    assertThat(said(h.command("bo", "away off"))).isEqualTo("Welcome back!");
    assertThat(said(h.command("bo", "away off"))).isEqualTo("You were not away.");
  }

  private List<RecordingGateway.Sent> threads(String prefix) {
    return h.gateway.sent().stream()
        .filter(
            s ->
                s.message() instanceof Outbound.Post p
                    && p.anchor() != null
                    && p.anchor().startsWith(prefix))
        .toList();
  }

  @Test
  void aCompetitionPostsOnItsCadenceScoresMembersAndGroupsAndEndsWithAPodium() {
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(said(h.command("bo", "compete start \"Week 3\" 2d")))
        .startsWith("Only admins can start");
    h.admin("ana", "compete start \"Week 3\" 2d demo every 1d");
    h.dispatcher.drain();
    assertThat(threads("cq:")).hasSize(1);
    assertThat(said(h.admin("ana", "compete start Other 1d"))).contains("already running");
    String q1 = threads("cq:").get(0).platformId();

    // Bo answers before joining: he is told how to join, and the answer is kept, not lost.
    assertThat(
            said(
                h.reply(
                    "bo",
                    q1,
                    "A queue lets producers decouple from consumers, absorbs a burst, retries and persists messages.")))
        .contains("You have not joined Week 3 yet")
        .contains("`/spar compete join`")
        .contains("kept");
    assertThat(said(h.reply("bo", q1, "an afterthought"))).contains("already kept");
    assertThat(said(h.command("eve", "compete status"))).contains("No points yet");
    assertThat(said(h.command("bo", "compete join red")))
        .contains("The answers you gave before joining scored +");
    h.command("cy", "compete join red");
    h.command("dee", "compete join blue");
    assertThat(said(h.command("dee", "compete join blue"))).contains("already in Week 3");
    assertThat(said(h.reply("bo", q1, "second try"))).contains("Only your first answer");
    h.reply("cy", q1, "It absorbs a burst.");
    h.reply("dee", q1, "It decouples things and absorbs a spike, and retries.");
    String status = said(h.command("eve", "compete status"));
    assertThat(status).contains("3 members").contains("1. bo").contains("**Groups**\n1. red");

    h.clock.advance(Duration.ofDays(1));
    h.tick();
    h.dispatcher.drain();
    assertThat(threads("cq:")).hasSize(2);
    h.clock.advance(Duration.ofDays(1));
    h.tick();
    h.dispatcher.drain();
    assertThat(threads("cq:")).hasSize(2);
    RecordingGateway.Sent podium = h.gateway.sent().get(h.gateway.sent().size() - 1);
    assertThat(Harness.title(podium.message())).isEqualTo("\uD83C\uDFC6 Week 3 is over");
    assertThat(podium.message().message().bodyText())
        .startsWith("\uD83E\uDD47 bo")
        .contains("**Groups**\n\uD83E\uDD47 red");
    assertThat(said(h.reply("bo", q1, "after the end"))).contains("has ended");
    assertThat(said(h.command("bo", "leaderboard competition Week 3"))).contains("bo");
  }

  @Test
  void competitionInputIsChecked() {
    assertThat(said(h.admin("ana", "compete start"))).startsWith("Usage:");
    assertThat(said(h.admin("ana", "compete start X soon"))).contains("is not a duration");
    assertThat(said(h.admin("ana", "compete start X 200d"))).contains("between 1 hour and 90 days");
    assertThat(said(h.admin("ana", "compete start X 2d every 1m")))
        .contains("at most every 30 minutes");
    assertThat(said(h.admin("ana", "compete start X 2d gibberish")))
        .contains("not a pack, level or topic");
    assertThat(said(h.command("bo", "compete join"))).contains("no running competition");
    assertThat(said(h.admin("ana", "compete end"))).contains("no running competition");
    assertThat(said(h.command("bo", "compete dance"))).contains("Unknown option");
  }

  @Test
  void aCadenceThatDoesNotFitOrWordsLeftOverAreRefusedWithTheUsage() {
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    for (String bad :
        List.of(
            "compete start Cup 2d every 5d",
            "compete start Cup 2d every 1d every 12h",
            "compete start Cup 2d daily every 12h",
            "compete start Cup 2d demo every",
            "compete start Cup 2d demo every 1d 3d",
            "compete start Cup 2d demo extra")) {
      String said = said(h.admin("ana", bad));
      assertThat(said).as(bad).contains("Usage: `/spar compete start NAME DURATION");
      assertThat(said(h.command("bo", "compete status")))
          .as(bad + " started nothing")
          .contains("no running competition");
    }
    assertThat(said(h.admin("ana", "compete start Cup 2d every 5d")))
        .startsWith("A question every 5 days in a competition of 2 days would post only the first");
    assertThat(said(h.admin("ana", "compete start Cup 2d every 1d every 12h")))
        .startsWith("Give the cadence once");
    // What makes sense still works, cadence and filter in any order.
    h.admin("ana", "compete start Cup 2d every 12h demo");
    assertThat(said(h.command("bo", "compete status"))).contains("ends in 2 days");
  }

  @Test
  void aScoredCompetitionAnswerSaysWhatItContradictedOnALineOfItsOwn() {
    h.admin("ana", "compete start Cup 2d senior every 1d");
    h.dispatcher.drain();
    String q = threads("cq:").get(0).platformId();
    h.command("bo", "compete join");
    String said =
        Harness.said(
            h.reply(
                "bo",
                q,
                "Make the handler idempotent and deduplicate. A DLQ is unnecessary because retries"
                    + " handle everything."));
    assertThat(said.lines().toList())
        .hasSize(2)
        .last()
        .asString()
        .startsWith("\u2717 You said \u201c")
        .endsWith("; in fact: Send poison messages to a dead letter queue after a few attempts.");
    // An answer that contradicts nothing gets the score line alone.
    h.command("cy", "compete join");
    assertThat(Harness.said(h.reply("cy", q, "Idempotent handler with a dedup table.")).lines())
        .hasSize(1);
  }
}
