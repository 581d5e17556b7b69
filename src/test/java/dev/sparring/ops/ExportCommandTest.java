package dev.sparring.ops;

import static dev.sparring.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Context;
import dev.sparring.core.Effects;
import dev.sparring.core.Inbound;
import dev.sparring.leaderboard.ResultsExport;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.ScoringRules;
import dev.sparring.slack.SlackModule;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.testing.Cli.Run;
import dev.sparring.testing.CsvRows;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparring export} against the SQLite store of a bot: the operator's view of results. */
class ExportCommandTest {

  @TempDir Path dir;

  private static final TeamRef ACME = new TeamRef(SlackModule.PLATFORM, "TACME");
  private static final ChannelRef GENERAL = new ChannelRef(SlackModule.PLATFORM, "CGENERAL");
  private static final ChannelRef RANDOM = new ChannelRef(SlackModule.PLATFORM, "CRANDOM");

  private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
  private final Points points = new Points(ScoringRules.defaults(), clock);
  private Store store;
  private Bot bot;
  private int keys;

  private String[] where(String... args) throws Exception {
    Path config = dir.resolve("c.yaml");
    Files.writeString(
        config, "bank:\n  paths: ['" + TestPacks.root() + "']\n", StandardCharsets.UTF_8);
    List<String> all = new ArrayList<>(List.of("export"));
    all.addAll(List.of(args));
    all.addAll(List.of("--data", dir.resolve("data").toString(), "--config", config.toString()));
    return all.toArray(String[]::new);
  }

  private void command(String user, String name, String text) {
    bot.handle(
        new Inbound.CommandInvoked(
            "slack:k" + (++keys),
            ACME,
            GENERAL,
            new Actor(new UserRef(SlackModule.PLATFORM, user), name, true),
            text));
  }

  private void award(String key, String user, ChannelRef channel, int pts) {
    Effects effects = new Effects();
    store.transact(
        tx ->
            points.award(
                new Context(tx, effects, clock.instant(), Set.of()),
                new Points.Award(
                    key, ACME.key(), channel.key(), "slack:" + user, "daily", pts, null, null)));
  }

  /** Ana and a formula-named Bo score in two channels; Bo hides; a competition has members. */
  @BeforeEach
  void aBotWithResults() {
    store =
        SqliteStore.open(dir.resolve("data").resolve("sparring.db"), SqliteStore.Durability.NORMAL);
    bot = new Bot(store, clock, Features.all(TestPacks.demo(), points), Set.of());
    command("UANA", "Ana", "stats");
    command("UBO", "=1+2", "stats");
    award("a1", "UANA", GENERAL, 15);
    award("b1", "UBO", GENERAL, 20);
    award("b2", "UBO", RANDOM, 7);
    command("UBO", "=1+2", "leaderboard hide");
    command("UANA", "Ana", "compete start Cup 2d beginner");
    command("UANA", "Ana", "compete join red");
    command("UBO", "=1+2", "compete join blue");
  }

  @AfterEach
  void stopBot() {
    store.close();
  }

  @Test
  void theTeamsSeasonWithEveryoneAndAHiddenColumn() throws Exception {
    Run r = run("", where("--team", "slack:TACME", "--season", "S1", "--csv"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("Exported 2 rows.");
    List<List<String>> rows = CsvRows.parse(r.out().getBytes(StandardCharsets.UTF_8));
    List<String> header = new ArrayList<>(ResultsExport.BOARD_COLUMNS);
    header.add("hidden");
    assertThat(rows.get(0)).isEqualTo(header);
    List<Map<String, String>> people = CsvRows.records(r.out().getBytes(StandardCharsets.UTF_8));
    assertThat(people.get(0))
        .containsEntry("rank", "1")
        .containsEntry("user_id", "slack:UBO")
        .containsEntry("display_name", "'=1+2")
        .containsEntry("points", "27")
        .containsEntry("answers", "2")
        .containsEntry("streak", "")
        .containsEntry("season", "S1")
        .containsEntry("channel", "")
        .containsEntry("hidden", "true");
    assertThat(people.get(1))
        .containsEntry("rank", "2")
        .containsEntry("display_name", "Ana")
        .containsEntry("hidden", "false");
  }

  @Test
  void oneChannelAllTimeIntoAFile() throws Exception {
    Path file = dir.resolve("random.csv");
    Run r =
        run(
            "",
            where(
                "--team", "TACME", "--channel", "CRANDOM", "--all-time", "--out", file.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    List<Map<String, String>> people = CsvRows.records(Files.readAllBytes(file));
    assertThat(people)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("user_id", "slack:UBO")
                    .containsEntry("points", "7")
                    .containsEntry("streak", "0")
                    .containsEntry("season", "all-time")
                    .containsEntry("channel", "slack:CRANDOM"));
  }

  @Test
  void aCompetitionByNameWithItsMembersAndGroups() throws Exception {
    Run r = run("", where("--team", "slack:TACME", "--competition", "cup"));
    assertThat(r.code()).as(r.err()).isZero();
    List<Map<String, String>> rows = CsvRows.records(r.out().getBytes(StandardCharsets.UTF_8));
    assertThat(rows)
        .extracting(m -> m.get("kind") + " " + m.get("display_name") + " " + m.get("group"))
        .containsExactly("person Ana red", "person '=1+2 blue");
    assertThat(rows).extracting(m -> m.get("hidden")).containsExactly("false", "true");
  }

  @Test
  void mistakesAreClearAndExitNonZero() throws Exception {
    Run noTeam = run("", where("--team", "nope:T1"));
    assertThat(noTeam.code()).isEqualTo(2);
    assertThat(noTeam.err()).contains("--team 'nope:T1'");
    Run unknown = run("", where("--team", "slack:TNOBODY"));
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err())
        .contains("sparring export: nothing is stored for team slack:TNOBODY")
        .doesNotContain("Exception");
    assertThat(unknown.out()).isEmpty();
    Run both = run("", where("--team", "TACME", "--channel", "C1", "--competition", "cup"));
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("not both");
    Run otherPlatform = run("", where("--team", "TACME", "--channel", "discord:123"));
    assertThat(otherPlatform.code()).isEqualTo(2);
    assertThat(otherPlatform.err()).contains("is on discord, the team on slack");
    Run badSeason = run("", where("--team", "TACME", "--season", "spring"));
    assertThat(badSeason.code()).isEqualTo(2);
    Run noCup = run("", where("--team", "TACME", "--competition", "Nope"));
    assertThat(noCup.code()).isEqualTo(1);
    assertThat(noCup.err()).contains("no competition called 'Nope' in team slack:TACME");
    // Nothing was written for the unknown team.
    assertThat(
            store.<List<dev.sparring.store.Document>>transact(
                tx -> tx.documents().byTeam("season", "slack:TNOBODY", 10)))
        .isEmpty();
  }
}
