package dev.sparring.leaderboard;

import dev.sparring.chat.Actor;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import dev.sparring.compete.Competitions;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.core.Mentions;
import dev.sparring.scoring.Hidden;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.scoring.Seasons;
import dev.sparring.scoring.Streaks;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /spar leaderboard}, {@code /spar stats}, {@code /spar season}, {@code /spar away} and
 * {@code /spar export}: views over the ledger, always scoped to the asking team. This class routes
 * the commands to {@link BoardCommands}, {@link SeasonCommands}, {@link Absences} and {@link
 * ExportCommands}; {@link LeaderboardTexts} renders what they show.
 */
public final class Leaderboards implements Feature {

  private final Points points;
  private final BoardCommands boards;
  private final SeasonCommands seasons;
  private final ExportCommands exports;

  public Leaderboards(Points points, Competitions competitions, Mentions mentions) {
    this.points = points;
    this.boards = new BoardCommands(points, competitions, mentions);
    this.seasons = new SeasonCommands(points);
    this.exports = new ExportCommands(points);
  }

  @Override
  public Set<String> commands() {
    return Set.of("leaderboard", "lb", "stats", "points", "season", "away", "export");
  }

  @Override
  public List<Help> help() {
    return List.of(
        Help.of(
            "leaderboard [channel|team|season|competition NAME] [all-time] [share]",
            "the top 10 and your rank, with a card picture (default: this channel, this season);"
                + " share posts it in the channel"),
        Help.of(
            "leaderboard hide",
            "leave public boards and podiums; your points still count and you see your own rank"),
        Help.of("leaderboard show", "appear on public boards again"),
        Help.of("stats [@user]", "points, rank, streaks and activity for you or someone else"),
        Help.of(
            "points", "how answers earn points: by grade, the same in every mode; junk earns 0"),
        Help.of("season", "the current season and the archived ones"),
        new Help(
            "season reset",
            "end the season now (it is archived, not deleted; asks you to confirm)",
            true),
        Help.of("away until YYYY-MM-DD", "pause yourself: days away do not break your streaks"),
        Help.of("away off", "you are back"),
        new Help(
            "export [competition NAME]",
            "post a CSV of this channel's results this season, or of a competition's",
            true));
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Profiles.remember(ctx, in.team().key(), in.actor());
    switch (command.name()) {
      case "stats" -> boards.stats(ctx, in, command.args());
      case "points" -> ctx.out().tell(in, points.rules().describe());
      case "season" -> seasons.season(ctx, in, command.arg(0));
      case "away" -> Absences.away(ctx, in, command.args());
      case "export" -> exports.export(ctx, in, command.args());
      default -> boards.leaderboard(ctx, in, command.args());
    }
  }

  @Override
  public List<Message> home(Context ctx, TeamRef teamRef, Actor actor) {
    String team = teamRef.key();
    String me = actor.user().key();
    Seasons.Season season = points.seasons().current(ctx.tx(), team, ctx.now());
    LedgerQuery board = LedgerQuery.team(team).inSeason(season.label());
    Optional<Ledger.Rank> mine = points.publicRank(ctx.tx(), board, me);
    return LeaderboardTexts.home(
        ctx.tx(),
        team,
        season,
        mine,
        Streaks.describe(ctx.tx(), team, me),
        ctx.tx().ledger().entries(team, me, 5),
        points.publicTop(ctx.tx(), board, 5),
        Hidden.isHidden(ctx.tx(), team, me));
  }

  @Override
  public String buttonPrefix() {
    return "season.";
  }

  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (press.action().equals(SeasonCommands.CONFIRM)) {
      seasons.confirmed(ctx, press);
    }
  }
}
