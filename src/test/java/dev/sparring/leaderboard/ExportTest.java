package dev.sparring.leaderboard;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.core.Context;
import dev.sparring.core.Effects;
import dev.sparring.core.Inbound;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.ScoringRules;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.CsvRows;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.RecordingGateway;
import dev.sparring.testing.TestPacks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /spar export} on the console platform: admins get the channel's or a competition's results
 * as a CSV file on a message in the channel, read back here as a spreadsheet would read it.
 */
class ExportTest {

  private static final String TEAM = Harness.TEAM.key();
  private final Points points =
      new Points(ScoringRules.defaults(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  private final Harness h = new Harness(new MemoryStore(), Features.all(TestPacks.demo(), points));

  @AfterEach
  void close() {
    h.close();
  }

  private void award(String key, String user, String channel, int pts) {
    Effects effects = new Effects();
    h.store.transact(
        tx ->
            points.award(
                new Context(tx, effects, h.clock.instant(), Set.of()),
                new Points.Award(key, TEAM, channel, "console:" + user, "daily", pts, null, null)));
    effects.afterCommitActions().forEach(Runnable::run);
  }

  /** A command by {@code user} shown as {@code name} (so the bot remembers that name). */
  private Bot.Result as(String user, String name, boolean admin, String text) {
    return h.bot.handle(
        new Inbound.CommandInvoked(
            h.nextKey(),
            Harness.TEAM,
            Harness.CHANNEL,
            new Actor(Harness.user(user), name, admin),
            text));
  }

  /** The only file on the newest delivered message. */
  private Message.Attachment lastFile() {
    h.dispatcher.drain();
    RecordingGateway.Sent last = h.gateway.sent().get(h.gateway.sent().size() - 1);
    assertThat(last.message()).isInstanceOf(Outbound.Post.class);
    assertThat(last.message().channel()).isEqualTo(Harness.CHANNEL);
    return last.message().message().attachments().stream()
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one file");
            })
        .orElseThrow(() -> new AssertionError("no file on " + last.message()));
  }

  @Test
  void adminsGetTheChannelsSeasonAsACsvWithFormulasDefusedAndHiddenPeopleLeftOut() {
    List<String> hostile =
        List.of(
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+SUM(1,2)",
            "-2+3",
            "@cmd|' /C calc'!A0",
            "\t=Tabbed",
            "Comma, \"Quoted\"\r\nand a line",
            "Zo\u00eb \u00c5ngstr\u00f6m \u6f22\u5b57");
    // Names are kept on one line, trimmed (Actor): what is left still reaches the file.
    for (int i = 0; i < hostile.size(); i++) {
      as("u" + i, hostile.get(i), false, "stats");
      award("k" + i, "u" + i, Harness.CHANNEL.key(), 70 - i * 10);
    }
    award("other", "u0", "console:C2", 500); // another channel: not in this export
    as("shy", "Shy", false, "stats");
    award("k-shy", "shy", Harness.CHANNEL.key(), 65);
    h.command("shy", "leaderboard hide");

    Bot.Result refused = h.command("bob", "export");
    assertThat(said(refused)).startsWith("Only admins can export");
    assertThat(refused.queued()).isZero();

    Bot.Result r = h.admin("ana", "export");
    assertThat(said(r))
        .startsWith("Posted results-S1-C1.csv (7 people, 280 points) in this channel")
        .contains("People who hide from boards are left out");
    assertThat(r.queued()).isEqualTo(1);
    Message.Attachment file = lastFile();
    assertThat(file.name()).isEqualTo("results-S1-C1.csv");
    assertThat(file.mediaType()).isEqualTo("text/csv");
    assertThat(file.alt()).contains("7 people, 280 points");

    List<List<String>> rows = CsvRows.parse(file.data());
    assertThat(rows.get(0)).isEqualTo(ResultsExport.BOARD_COLUMNS);
    List<Map<String, String>> people = CsvRows.records(file.data());
    assertThat(people)
        .extracting(p -> p.get("rank"))
        .containsExactly("1", "2", "3", "4", "5", "6", "7");
    assertThat(people)
        .extracting(p -> p.get("display_name"))
        .containsExactly(
            "'=HYPERLINK(\"http://evil.example\",\"click\")",
            "'+SUM(1,2)",
            "'-2+3",
            "'@cmd|' /C calc'!A0",
            "'=Tabbed",
            "Comma, \"Quoted\" and a line",
            "Zo\u00eb \u00c5ngstr\u00f6m \u6f22\u5b57");
    assertThat(people).extracting(p -> p.get("user_id")).doesNotContain("console:shy");
    assertThat(people.get(0))
        .containsEntry("user_id", "console:u0")
        .containsEntry("points", "70")
        .containsEntry("answers", "1")
        .containsEntry("streak", "0")
        .containsEntry("season", "S1")
        .containsEntry("channel", "console:C1")
        .containsEntry("last_scored_at", "2026-03-01T09:00:00Z");
    for (List<String> row : rows) {
      for (String cell : row) {
        assertThat(cell).as("a cell a spreadsheet would run").doesNotStartWith("=");
        assertThat(cell).doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
        assertThat(cell).doesNotStartWith("\t").doesNotStartWith("\r");
      }
    }
    // The message says in words what the file holds, where a file cannot be shown.
    h.dispatcher.drain();
    Message posted = h.gateway.sent().get(h.gateway.sent().size() - 1).message().message();
    assertThat(posted.titleText()).isEqualTo("Results \u00b7 this channel \u00b7 season S1");
    assertThat(posted.bodyText())
        .startsWith("Exported by ana: 7 people, 280 points")
        .contains("rank, user_id, display_name");
  }

  @Test
  void aCompetitionsResultsPerPersonAndGroupWithMeanGrades() {
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    h.admin("ana", "compete start Cup 2d beginner every 1d");
    h.dispatcher.drain();
    String q =
        h.gateway.sent().stream()
            .filter(s -> s.message() instanceof Outbound.Post p && p.anchor() != null)
            .reduce((a, b) -> b)
            .map(RecordingGateway.Sent::platformId)
            .orElseThrow();
    h.command("bo", "compete join red");
    h.command("cy", "compete join red");
    h.command("dee", "compete join blue");
    h.command("eve", "compete join");
    h.command("cy", "leaderboard hide");
    h.reply("bo", q, "A queue decouples producers from consumers and absorbs bursts.");
    h.reply(
        "cy", q, "A queue decouples producers from consumers, absorbs bursts, retries, persists.");
    h.reply("dee", q, "It absorbs a burst.");

    assertThat(said(h.admin("ana", "export competition Nope"))).contains("No competition called");
    assertThat(said(h.admin("ana", "export compettion"))).contains("Did you mean");
    assertThat(said(h.admin("ana", "export competition"))).startsWith("Posted competition-cup.csv");
    Message.Attachment file = lastFile();
    assertThat(CsvRows.parse(file.data()).get(0)).isEqualTo(ResultsExport.COMPETITION_COLUMNS);
    List<Map<String, String>> rows = CsvRows.records(file.data());
    List<Map<String, String>> people =
        rows.stream().filter(r -> r.get("kind").equals("person")).toList();
    List<Map<String, String>> groups =
        rows.stream().filter(r -> r.get("kind").equals("group")).toList();
    // Cy hides: not listed, but her points are in red's total.
    assertThat(people).extracting(p -> p.get("display_name")).containsExactly("bo", "dee", "eve");
    assertThat(people.get(0)).containsEntry("rank", "1").containsEntry("group", "red");
    assertThat(people.get(2))
        .containsEntry("rank", "")
        .containsEntry("points", "0")
        .containsEntry("group", "")
        .containsEntry("mean_grade", "");
    assertThat(people.get(0).get("mean_grade")).matches("\\d{1,3}\\.\\d");
    assertThat(groups).extracting(g -> g.get("group")).containsExactly("red", "blue");
    long bo = Long.parseLong(people.get(0).get("points"));
    long red = Long.parseLong(groups.get(0).get("points"));
    assertThat(red).isGreaterThan(bo);
    assertThat(groups.get(0)).containsEntry("answers", "2").containsEntry("competition", "Cup");

    // After the end it is found by name.
    h.clock.advance(Duration.ofDays(3));
    h.tick();
    assertThat(said(h.admin("ana", "export competition Cup")))
        .startsWith("Posted competition-cup.csv");
  }

  @Test
  void cellsAreQuotedOnlyWhenTheyMustBe() {
    Csv csv = new Csv(List.of("a", "b"));
    csv.row(java.util.Arrays.asList("plain", null));
    csv.row(List.of("x,y", "say \"hi\""));
    csv.row(List.of("=1+1", "-"));
    assertThat(csv.toString())
        .isEqualTo("a,b\r\nplain,\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n'=1+1,'-\r\n");
    assertThat(Csv.cell("a\nb")).isEqualTo("\"a\nb\"");
    assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
    assertThat(Csv.cell("")).isEmpty();
  }
}
