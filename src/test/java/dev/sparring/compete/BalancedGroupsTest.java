package dev.sparring.compete;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Outbound;
import dev.sparring.core.Context;
import dev.sparring.core.Effects;
import dev.sparring.core.Json;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.ScoringRules;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.RecordingGateway;
import dev.sparring.testing.TestPacks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code compete start ... balanced N}: joiners are placed so the groups' past points stay even,
 * newcomers spread out, and a group of newcomers can win.
 */
class BalancedGroupsTest {

  private static final String TEAM = Harness.TEAM.key();
  private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
  private final Points points =
      new Points(ScoringRules.defaults(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  private final Harness h = new Harness(new MemoryStore(), Features.all(TestPacks.demo(), points));

  @AfterEach
  void close() {
    h.close();
  }

  /** Points {@code user} earned {@code daysAgo} days before {@link #NOW}. */
  private void earned(String user, int pts, int daysAgo) {
    h.clock.set(NOW.minus(Duration.ofDays(daysAgo)));
    Effects effects = new Effects();
    h.store.transact(
        tx ->
            points.award(
                new Context(tx, effects, h.clock.instant(), Set.of()),
                new Points.Award(
                    "past:" + user + ":" + daysAgo,
                    TEAM,
                    Harness.CHANNEL.key(),
                    "console:" + user,
                    "daily",
                    pts,
                    null,
                    null)));
    effects.afterCommitActions().forEach(Runnable::run);
    h.clock.set(NOW);
  }

  private List<CompeteRecords.Member> members() {
    return h.store.transact(
        tx ->
            CompeteRecords.roster(
                tx,
                CompeteRecords.read(
                    CompeteRecords.active(tx, Harness.CHANNEL.key()).orElseThrow())));
  }

  /** Each group's summed past points. */
  private Map<String, Long> totals() {
    return members().stream()
        .collect(
            Collectors.groupingBy(
                CompeteRecords.Member::group,
                TreeMap::new,
                Collectors.summingLong(CompeteRecords.Member::past)));
  }

  private Map<String, Long> sizes() {
    return members().stream()
        .collect(
            Collectors.groupingBy(
                CompeteRecords.Member::group, TreeMap::new, Collectors.counting()));
  }

  @Test
  void balancedTakesANumberOfGroupsFromTwoToTen() {
    h.clock.set(NOW);
    for (String bad :
        List.of(
            "compete start Cup 2d balanced",
            "compete start Cup 2d balanced 1",
            "compete start Cup 2d balanced 11",
            "compete start Cup 2d balanced three",
            "compete start Cup 2d balanced 3 demo balanced 2")) {
      String said = said(h.admin("ana", bad));
      assertThat(said).as(bad).contains("Usage: `/spar compete start NAME DURATION");
      assertThat(said(h.command("bo", "compete status"))).as(bad).contains("no running");
    }
    assertThat(said(h.admin("ana", "compete start Cup 2d balanced 11")))
        .startsWith("`balanced` needs a number of groups from 2 to 10, not `11`.");
    assertThat(said(h.admin("ana", "compete start Cup 2d balanced 3 demo balanced 2")))
        .startsWith("Give `balanced N` once.");
    assertThat(said(h.command("bo", "compete start Cup 2d balanced 3")))
        .startsWith("Only admins can start");

    h.admin("ana", "compete start Cup 2d beginner balanced 3");
    h.dispatcher.drain();
    assertThat(
            h.gateway.sent().stream()
                .map(s -> s.message().message().bodyText())
                .filter(b -> b.contains("groups (amber, blue, coral) kept even by past points")))
        .hasSize(1);
  }

  @Test
  void twelvePeopleWithSkewedPastPointsEndUpInEvenGroups() {
    int[] past = {1200, 900, 700, 400, 300, 150, 80, 40, 0, 0, 0, 0};
    for (int i = 0; i < past.length; i++) {
      if (past[i] > 0) {
        earned("p" + i, past[i], 10 + i);
      }
    }
    earned("p11", 5000, 120); // long ago: outside the 90 days that weigh
    // Veterans first, scrambled twice, newcomers first: where each arrives is up to them.
    List<List<Integer>> arrivals =
        List.of(
            List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
            List.of(8, 3, 9, 0, 6, 1, 10, 5, 2, 7, 11, 4),
            List.of(4, 8, 0, 7, 9, 2, 5, 10, 1, 6, 11, 3),
            List.of(8, 9, 10, 11, 7, 6, 5, 4, 3, 2, 1, 0));
    int round = 0;
    for (List<Integer> order : arrivals) {
      h.admin("ana", "compete start Cup" + (++round) + " 7d beginner balanced 3");
      for (int i : order) {
        assertThat(said(h.command("p" + i, "compete join"))).contains("Groups here are kept even");
      }
      assertThat(members())
          .filteredOn(m -> m.user().equals("console:p11"))
          .singleElement()
          .extracting(CompeteRecords.Member::past)
          .isEqualTo(0L);
      Map<String, Long> totals = totals();
      assertThat(totals.keySet()).containsExactly("amber", "blue", "coral");
      assertThat(totals.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3770);
      // Within the largest single past of each other, where veterans grouped by arrival would be
      // 2,800 apart; and no group is more than two members bigger than another.
      long spread = Collections.max(totals.values()) - Collections.min(totals.values());
      assertThat(spread).as("%s for %s", totals, order).isLessThanOrEqualTo(1200);
      Map<String, Long> sizes = sizes();
      assertThat(Collections.max(sizes.values()) - Collections.min(sizes.values()))
          .as("%s for %s", sizes, order)
          .isLessThanOrEqualTo(2);
      h.clock.advance(Duration.ofDays(8));
      h.tick(); // ends it; the next one starts from the same past (all within 90 days)
    }
  }

  @Test
  void newcomersSpreadEvenlyAndLateJoinersAreBalancedToo() {
    h.clock.set(NOW);
    h.admin("ana", "compete start Cup 7d beginner balanced 3");
    for (int i = 0; i < 9; i++) {
      h.command("n" + i, "compete join");
    }
    assertThat(sizes())
        .containsExactly(Map.entry("amber", 3L), Map.entry("blue", 3L), Map.entry("coral", 3L));

    // A late veteran goes where the points are lowest, whatever group he asks for...
    earned("vet", 800, 5);
    String said = said(h.command("vet", "compete join blue"));
    assertThat(said).contains("You joined Cup in group ");
    String placed = said.replaceAll("(?s).*in group (\\w+)\\..*", "$1");
    assertThat(placed).isIn("amber", "blue", "coral");
    assertThat(said.contains("so you were placed there")).isEqualTo(!placed.equals("blue"));
    // ...and the newcomers after him go to the other groups while sizes allow.
    for (int i = 0; i < 4; i++) {
      h.command("late" + i, "compete join");
    }
    assertThat(sizes()).containsEntry(placed, 4L);
    assertThat(sizes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(14);
    assertThat(totals()).containsEntry(placed, 800L);
  }

  @Test
  void aGroupOfNewcomersCanWin() {
    earned("ace", 900, 3);
    earned("mid", 100, 3);
    h.clock.set(NOW);
    h.admin("ana", "compete start Cup 2d beginner every 1d balanced 2");
    h.dispatcher.drain();
    String q =
        h.gateway.sent().stream()
            .filter(s -> s.message() instanceof Outbound.Post p && p.anchor() != null)
            .reduce((a, b) -> b)
            .map(RecordingGateway.Sent::platformId)
            .orElseThrow();
    for (String p : List.of("ace", "mid", "new1", "new2", "new3", "new4")) {
      h.command(p, "compete join");
    }
    Map<String, String> groupOf =
        members().stream()
            .collect(
                Collectors.toMap(
                    m -> m.user().substring("console:".length()), CompeteRecords.Member::group));
    // The ace's group and the other: mid with most of the newcomers, sizes within two.
    String newcomers = groupOf.get("new1");
    assertThat(groupOf.get("ace")).isNotEqualTo(newcomers);
    assertThat(List.of("mid", "new2", "new4")).allMatch(p -> groupOf.get(p).equals(newcomers));
    assertThat(groupOf.get("new3")).isEqualTo(groupOf.get("ace"));

    h.reply(
        "ace", q, "A queue decouples producers from consumers, absorbs bursts, retries, persists.");
    for (String p : List.of("new1", "new2", "new4")) {
      h.reply(p, q, "A queue decouples producers from consumers and absorbs bursts.");
    }
    h.clock.advance(Duration.ofDays(2));
    h.tick();
    h.dispatcher.drain();
    String podium =
        h.gateway.sent().get(h.gateway.sent().size() - 1).message().message().bodyText();
    assertThat(podium).contains("**Groups**\n\uD83E\uDD47 " + newcomers);
  }

  @Test
  void competitionsAndMembersStoredBeforeBalancedGroupsStillRead() {
    String contest =
        "{\"id\":\"t#cup\",\"team\":\"t\",\"channel\":\"console:C1\",\"name\":\"Cup\","
            + "\"startedAt\":\"2026-03-02T09:00:00Z\",\"endsAt\":\"2026-03-04T09:00:00Z\","
            + "\"cadence\":\"PT24H\",\"ended\":false,\"used\":[]}";
    assertThat(Json.read(contest, Contest.class).balanced()).isZero();
    assertThat(
            Json.read("{\"user\":\"console:bo\",\"group\":\"red\"}", CompeteRecords.Member.class))
        .isEqualTo(new CompeteRecords.Member("console:bo", "red", 0));
  }
}
