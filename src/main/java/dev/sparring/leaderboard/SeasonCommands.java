package dev.sparring.leaderboard;

import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.core.Confirmations;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.scoring.Hidden;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Seasons;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /spar season} (the current season and the archived ones) and {@code /spar season reset}
 * (admins): the reset only asks, and a confirmed one archives the season the question was about.
 */
final class SeasonCommands {

  static final String CONFIRM = "season.confirm";

  private final Points points;

  SeasonCommands(Points points) {
    this.points = points;
  }

  void season(Context ctx, Inbound.CommandInvoked in, String sub) {
    String team = in.team().key();
    if (sub.equals("reset")) {
      askToReset(ctx, in, team);
      return;
    }
    if (!sub.isEmpty()) {
      String guess = Texts.closest(sub, List.of("reset"));
      ctx.out()
          .tell(
              in,
              (guess == null ? "" : "Did you mean `/spar season " + guess + "`? ")
                  + "Usage: `/spar season` or `/spar season reset` (admins).");
      return;
    }
    Seasons.Season s = points.seasons().current(ctx.tx(), team, ctx.now());
    // Podiums were archived without the people hiding then; leave out those hiding now too.
    Set<String> hidden = Hidden.in(ctx.tx(), team);
    List<Seasons.Archived> past =
        points.seasons().archived(ctx.tx(), team).stream()
            .map(
                a ->
                    new Seasons.Archived(
                        a.number(), a.startedAt(), a.endedAt(), Hidden.without(a.podium(), hidden)))
            .toList();
    ctx.out()
        .ephemeral(
            in.channel(), in.actor().user(), LeaderboardTexts.seasons(ctx.tx(), team, s, past));
  }

  private void askToReset(Context ctx, Inbound.CommandInvoked in, String team) {
    if (!ctx.isAdmin(in.actor())) {
      ctx.out()
          .tell(
              in,
              "Only admins can reset the season. Ask a workspace admin, or anyone on the bot's admin list.");
      return;
    }
    Seasons.Season current = points.seasons().current(ctx.tx(), team, ctx.now());
    Confirmations.ask(
        ctx,
        in,
        CONFIRM,
        "reset",
        current.label(),
        "End season "
            + current.label()
            + " now for the whole team? It is archived with its podium and everyone starts the"
            + " next season at 0; all-time totals are kept.");
  }

  /** A confirmed {@code season reset}, if the season asked about is still the current one. */
  void confirmed(Context ctx, Inbound.ButtonPressed press) {
    Optional<Confirmations.Pending> p = Confirmations.take(ctx, press);
    if (p.isEmpty()) {
      return;
    }
    String team = p.get().team();
    Seasons.Season before = points.seasons().current(ctx.tx(), team, ctx.now());
    if (!before.label().equals(p.get().target())) {
      ctx.out()
          .tell(press, "Season " + p.get().target() + " has already ended; nothing was reset.");
      return;
    }
    Seasons.Season next = points.seasons().reset(ctx.tx(), team, ctx.now());
    points.invalidateAfterCommit(ctx, team);
    ctx.out()
        .post(
            press.channel(),
            Message.of(
                "Season " + before.label() + " is over",
                "It is archived with its podium; season "
                    + next.label()
                    + " starts now with everyone at 0."
                    + " All-time totals are unchanged."),
            null);
  }
}
