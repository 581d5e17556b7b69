package dev.sparring.ops;

import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.compete.Competitions;
import dev.sparring.config.SparringConfig;
import dev.sparring.leaderboard.ResultsExport;
import dev.sparring.scoring.Seasons;
import dev.sparring.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sparring export --team T [--channel C | --competition NAME] [--season S | --all-time]
 * --csv [--out FILE]}: a team's results as CSV, the operator's view of what {@code /spar export}
 * posts: everyone is in, with a {@code hidden} column for the people who hide from public boards.
 * Reads only (the season is the one the bot would call current; nothing is written). Exit codes: 0
 * written; 1 nothing stored for the team, no such competition, or the store or file failed; 2 bad
 * arguments.
 */
@Command(
    name = "export",
    description = {
      "Write a team's results as CSV (UTF-8, RFC 4180; cells a spreadsheet would run as a"
          + " formula start with ').",
      "Default: the whole team's results this season. Board columns: rank, user_id,"
          + " display_name, points, answers, streak, best_streak, last_scored_at, season, channel,"
          + " hidden.",
      "With --competition: kind (person|group), rank, user_id, display_name, group, points,"
          + " answers, mean_grade, competition, hidden.",
      "Works beside a running bot on the same store."
    })
public final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin Startup startup = new Startup();

  @Option(
      names = "--team",
      required = true,
      paramLabel = "TEAM",
      description =
          "The team: slack:T024BE7LD or discord:81384788765712384 (a bare id starting with"
              + " a letter is Slack's, digits only Discord's).")
  String team;

  @Option(
      names = "--channel",
      paramLabel = "CHANNEL",
      description = "Only this channel: slack:C123, or a bare id on the team's platform.")
  String channel;

  @Option(
      names = "--competition",
      paramLabel = "NAME",
      description = "A competition's results per person and group, by its name.")
  String competition;

  @Option(names = "--all-time", description = "Every season, not only the current one.")
  boolean allTime;

  @Option(
      names = "--season",
      paramLabel = "LABEL",
      description = "Another season than the current one, e.g. S3 (see /spar season).")
  String season;

  @Option(names = "--csv", description = "CSV (the only format).", defaultValue = "true")
  boolean csv;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path out;

  /** What the transaction found: the export, or why there is none. */
  private record Found(ResultsExport.Export export, String problem) {}

  @Override
  public Integer call() throws IOException {
    TeamRef teamRef = TeamArgs.team(spec, team);
    if (channel != null && competition != null) {
      throw TeamArgs.bad(spec, "Give --channel or --competition, not both.");
    }
    if (competition != null && (allTime || season != null)) {
      throw TeamArgs.bad(spec, "A competition is exported whole: no --all-time or --season.");
    }
    if (allTime && season != null) {
      throw TeamArgs.bad(spec, "Give --all-time or --season, not both.");
    }
    if (season != null && !season.matches("S[1-9]\\d{0,5}")) {
      throw TeamArgs.bad(spec, "--season " + TeamArgs.quoted(season) + ": a label like S3.");
    }
    String channelKey = channel == null ? null : channelRef(teamRef).key();
    Startup.quietLogs();
    SparringConfig config = startup.loadConfig();
    Seasons seasons = new Seasons(config.scoring());
    Found found;
    try (Store store = Sparring.openStore(config, startup.data)) {
      found =
          store.transact(
              tx -> {
                Optional<Seasons.Season> current =
                    seasons.peek(tx, teamRef.key(), Clock.systemUTC().instant());
                if (current.isEmpty()) {
                  return new Found(
                      null,
                      "nothing is stored for team "
                          + teamRef.key()
                          + " (no season has started there: is the team right?)");
                }
                if (competition != null) {
                  String name = competition.substring(competition.lastIndexOf('#') + 1);
                  return Competitions.roster(tx, teamRef.key(), "", name)
                      .map(
                          c ->
                              new Found(
                                  ResultsExport.competition(
                                      tx, teamRef.key(), c, ResultsExport.Audience.OPERATOR),
                                  null))
                      .orElseGet(
                          () ->
                              new Found(
                                  null,
                                  "no competition called "
                                      + TeamArgs.quoted(competition)
                                      + " in team "
                                      + teamRef.key()));
                }
                return new Found(
                    ResultsExport.board(
                        tx,
                        teamRef.key(),
                        channelKey,
                        allTime ? null : season != null ? season : current.get().label(),
                        ResultsExport.Audience.OPERATOR),
                    null);
              });
    }
    if (found.problem() != null) {
      System.err.println("sparring export: " + found.problem());
      return 1;
    }
    byte[] bytes = found.export().csv().bytes();
    if (out == null) {
      System.out.write(bytes);
      System.out.flush();
    } else {
      writeTo(out, bytes);
    }
    System.err.println(
        "Exported "
            + found.export().csv().size()
            + " rows"
            + (out == null ? "." : " to " + out + "."));
    return 0;
  }

  private static void writeTo(Path file, byte[] bytes) throws IOException {
    try (OutputStream o = Files.newOutputStream(file)) {
      o.write(bytes);
    }
  }

  private ChannelRef channelRef(TeamRef teamRef) {
    try {
      ChannelRef c =
          channel.contains(":")
              ? ChannelRef.parse(channel)
              : new ChannelRef(teamRef.platform(), channel);
      if (c.platform() != teamRef.platform()) {
        throw TeamArgs.bad(
            spec,
            "--channel "
                + TeamArgs.quoted(channel)
                + " is on "
                + c.platform().prefix()
                + ", the team on "
                + teamRef.platform().prefix()
                + ".");
      }
      return c;
    } catch (IllegalArgumentException e) {
      throw TeamArgs.bad(spec, "--channel " + TeamArgs.quoted(channel) + ": " + e.getMessage());
    }
  }
}
