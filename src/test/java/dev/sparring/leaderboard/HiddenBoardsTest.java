package dev.sparring.leaderboard;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Outbound;
import dev.sparring.core.Context;
import dev.sparring.core.Effects;
import dev.sparring.scoring.Hidden;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.ScoringRules;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.RecordingGateway;
import dev.sparring.testing.TestPacks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /spar leaderboard hide|show} on the console platform: someone who hides leaves every
 * public board, podium and archive while their points keep counting, for them and for their group.
 */
class HiddenBoardsTest {

  private static final String TEAM = Harness.TEAM.key();
  private final Points points =
      new Points(ScoringRules.defaults(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  private final Harness h = new Harness(new MemoryStore(), Features.all(TestPacks.demo(), points));

  @AfterEach
  void close() {
    h.close();
  }

  private void award(String key, String user, int pts) {
    Effects effects = new Effects();
    h.store.transact(
        tx ->
            points.award(
                new Context(tx, effects, h.clock.instant(), Set.of()),
                new Points.Award(
                    key,
                    TEAM,
                    Harness.CHANNEL.key(),
                    "console:" + user,
                    "daily",
                    pts,
                    null,
                    null)));
    effects.afterCommitActions().forEach(Runnable::run);
  }

  private String board(String who, String args) {
    var r = h.command(who, "leaderboard " + args);
    assertThat(r.ephemerals()).hasSize(1);
    return r.ephemerals().get(0).message().bodyText();
  }

  private List<String> ranked(String board) {
    return board.lines().filter(l -> l.matches("\\d+\\. .*")).toList();
  }

  @Test
  void whoHidesLeavesTheBoardsTheOthersCloseUpAndTheyStillSeeTheirOwnRank() {
    award("k1", "ana", 30);
    award("k2", "bo", 20);
    award("k3", "cy", 10);
    award("k4", "dee", 5);

    assertThat(said(h.command("bo", "leaderboard hide"))).isEqualTo(Visibility.HIDDEN);
    assertThat(said(h.command("bo", "lb hide"))).isEqualTo(Visibility.ALREADY_HIDDEN);

    assertThat(ranked(board("ana", "team")))
        .containsExactly(
            "1. \uD83E\uDD47 **ana (you)** \u2014 30 points",
            "2. \uD83E\uDD48 cy \u2014 10 points",
            "3. \uD83E\uDD49 dee \u2014 5 points");
    assertThat(board("dee", "")).doesNotContain("bo").contains("3. \uD83E\uDD49 **dee (you)**");
    // Bo sees the public board, without himself, and where he would be.
    String his = board("bo", "team");
    assertThat(ranked(his)).hasSize(3).noneMatch(l -> l.contains("bo"));
    assertThat(his).endsWith("You would be #2 with 20 points._").contains("You are hidden");
    // Ranks in stats close up too; Bo's own stats are where he would be; others see nothing.
    assertThat(said(h.command("dee", "stats"))).contains("5 points, rank 3 of 3");
    assertThat(said(h.command("bo", "stats")))
        .contains("20 points, rank 2 of 4")
        .contains("You are hidden from public boards");
    assertThat(said(h.command("ana", "stats @bo")))
        .contains("keeps their scores private")
        .doesNotContain("20");
    // His points still count.
    award("k5", "bo", 20);
    assertThat(board("bo", "team")).contains("You would be #1 with 40 points.");
    assertThat(ranked(board("ana", "team")).get(0)).contains("ana");

    assertThat(said(h.command("bo", "leaderboard show"))).isEqualTo(Visibility.SHOWN);
    assertThat(said(h.command("bo", "leaderboard show"))).isEqualTo(Visibility.NOT_HIDDEN);
    assertThat(ranked(board("ana", "team")))
        .containsExactly(
            "1. \uD83E\uDD47 bo \u2014 40 points",
            "2. \uD83E\uDD48 **ana (you)** \u2014 30 points",
            "3. \uD83E\uDD49 cy \u2014 10 points",
            "4. dee \u2014 5 points");
  }

  @Test
  void aHiddenPersonIsLeftOffArchivedSeasonPodiums() {
    award("k1", "ana", 30);
    award("k2", "bo", 50);
    award("k3", "cy", 10);
    award("k4", "dee", 5);
    h.command("bo", "leaderboard hide");
    h.pressPrivate(h.admin("ana", "season reset"), "Confirm", "ana", true);
    assertThat(said(h.command("cy", "season")))
        .contains("**S1:** 1. ana (30), 2. cy (10), 3. dee (5)")
        .doesNotContain("bo");
  }

  @Test
  void someoneWhoHidesAfterTheSeasonIsLeftOffItsPodiumFromThen() {
    award("k1", "ana", 30);
    award("k2", "bo", 50);
    h.pressPrivate(h.admin("ana", "season reset"), "Confirm", "ana", true);
    assertThat(said(h.command("cy", "season"))).contains("**S1:** 1. bo (50), 2. ana (30)");
    h.command("bo", "leaderboard hide");
    assertThat(said(h.command("cy", "season")))
        .contains("**S1:** 1. ana (30)")
        .doesNotContain("bo");
  }

  private String competitionThread() {
    h.dispatcher.drain();
    return h.gateway.sent().stream()
        .filter(
            s ->
                s.message() instanceof Outbound.Post p
                    && p.anchor() != null
                    && p.anchor().startsWith("cq:"))
        .reduce((a, b) -> b)
        .map(RecordingGateway.Sent::platformId)
        .orElseThrow();
  }

  @Test
  void aHiddenMemberIsOffThePodiumAndStandingsButScoresForTheirGroup() {
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    h.admin("ana", "compete start Cup 2d beginner every 1d");
    String q = competitionThread();
    h.command("bo", "compete join red");
    h.command("cy", "compete join blue");
    h.command("bo", "leaderboard hide");
    h.reply(
        "bo",
        q,
        "A queue decouples producers from consumers, absorbs bursts, retries and persists.");
    h.reply("cy", q, "It absorbs a burst.");

    String status = said(h.command("eve", "compete status"));
    assertThat(status).contains("1. cy").doesNotContain("bo").contains("**Groups**\n1. red");

    h.clock.advance(Duration.ofDays(2));
    h.tick();
    h.dispatcher.drain();
    RecordingGateway.Sent podium = h.gateway.sent().get(h.gateway.sent().size() - 1);
    assertThat(Harness.title(podium.message())).isEqualTo("\uD83C\uDFC6 Cup is over");
    assertThat(podium.message().message().bodyText())
        .startsWith("\uD83E\uDD47 cy")
        .doesNotContain("bo")
        .contains("**Groups**\n\uD83E\uDD47 red");
    assertThat(ranked(board("eve", "competition Cup"))).singleElement().asString().contains("cy");
  }

  @Test
  void ranksCloseUpTheSameWithAFewOrManyHiddenPeople() {
    for (int i = 0; i < 60; i++) {
      award("k" + i, String.format("u%02d", i), 100 - i);
    }
    LedgerQuery q = LedgerQuery.team(TEAM);
    for (int hidden : List.of(10, 52)) { // per-person look-ups, then a read of the whole board
      h.store.transact(
          tx -> {
            for (int i = 0; i < hidden; i++) {
              Hidden.hide(tx, TEAM, String.format("console:u%02d", i), h.clock.instant());
            }
            return null;
          });
      Ledger.Rank r = h.store.transact(tx -> points.publicRank(tx, q, "console:u55")).orElseThrow();
      assertThat(r.position()).as("%d hidden", hidden).isEqualTo(56 - hidden);
      assertThat(r.of()).as("%d hidden", hidden).isEqualTo(60 - hidden);
      // Someone hidden is told where they would be: among the shown, plus themselves.
      Ledger.Rank mine =
          h.store.transact(tx -> points.publicRank(tx, q, "console:u05")).orElseThrow();
      assertThat(mine.position()).isEqualTo(1);
      assertThat(mine.of()).isEqualTo(60 - hidden + 1);
      assertThat(h.store.<List<Standing>>transact(tx -> points.publicTop(tx, q, 3)))
          .extracting(Standing::name)
          .containsExactly(
              String.format("console:u%02d", hidden),
              String.format("console:u%02d", hidden + 1),
              String.format("console:u%02d", hidden + 2));
    }
  }

  @Test
  void sparringEraseRemovesTheFlag() {
    h.command("bo", "leaderboard hide");
    assertThat(h.store.<Boolean>transact(tx -> Hidden.isHidden(tx, TEAM, "console:bo"))).isTrue();
    h.store.transact(tx -> tx.erase().user(TEAM, "console:bo"));
    assertThat(h.store.<Boolean>transact(tx -> Hidden.isHidden(tx, TEAM, "console:bo"))).isFalse();
  }

  @Test
  void theFlagIsPerTeamAndATypoIsAnswered() {
    h.command("bo", "leaderboard hide");
    assertThat(h.store.<Set<String>>transact(tx -> Hidden.in(tx, "console:T2"))).isEmpty();
    assertThat(h.store.<Set<String>>transact(tx -> Hidden.in(tx, TEAM)))
        .containsExactly("console:bo");
    assertThat(said(h.command("bo", "leaderboard hdie")))
        .contains("Did you mean `/spar leaderboard hide`?");
  }
}
