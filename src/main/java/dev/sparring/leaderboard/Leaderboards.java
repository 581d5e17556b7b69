package dev.sparring.leaderboard;

import dev.sparring.chat.Dates;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.chat.UserRef;
import dev.sparring.compete.Competitions;
import dev.sparring.core.Command;
import dev.sparring.core.Confirmations;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.core.Mentions;
import dev.sparring.scoring.Away;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.scoring.Seasons;
import dev.sparring.scoring.Streaks;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /spar leaderboard}, {@code /spar stats}, {@code /spar season} and {@code /spar away}:
 * views over the ledger, always scoped to the asking team.
 */
public final class Leaderboards implements Feature {

  private static final int TOP = 10;

  private final Points points;
  private final Competitions competitions;
  private final Mentions mentions;

  public Leaderboards(Points points, Competitions competitions, Mentions mentions) {
    this.points = points;
    this.competitions = competitions;
    this.mentions = mentions;
  }

  @Override
  public Set<String> commands() {
    return Set.of("leaderboard", "lb", "stats", "points", "season", "away");
  }

  @Override
  public List<Help> help() {
    return List.of(
        Help.of(
            "leaderboard [channel|team|season|competition NAME] [all-time]",
            "the top 10 and your rank (default: this channel, this season)"),
        Help.of("stats [@user]", "points, rank, streaks and activity for you or someone else"),
        Help.of(
            "points", "how answers earn points: by grade, the same in every mode; junk earns 0"),
        Help.of("season", "the current season and the archived ones"),
        new Help(
            "season reset",
            "end the season now (it is archived, not deleted; asks you to confirm)",
            true),
        Help.of("away until YYYY-MM-DD", "pause yourself: days away do not break your streaks"),
        Help.of("away off", "you are back"));
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Profiles.remember(ctx, in.team().key(), in.actor());
    switch (command.name()) {
      case "stats" -> stats(ctx, in, command.args());
      case "points" -> ctx.out().tell(in, points.rules().describe());
      case "season" -> season(ctx, in, command.arg(0));
      case "away" -> away(ctx, in, command.args());
      default -> leaderboard(ctx, in, command.args());
    }
  }

  @Override
  public List<Message> home(
      Context ctx, dev.sparring.chat.TeamRef teamRef, dev.sparring.chat.Actor actor) {
    String team = teamRef.key();
    String me = actor.user().key();
    Seasons.Season season = points.seasons().current(ctx.tx(), team, ctx.now());
    LedgerQuery board = LedgerQuery.team(team).inSeason(season.label());
    Optional<Ledger.Rank> mine = points.rank(ctx.tx(), board, me);
    List<String> streaks = Streaks.describe(ctx.tx(), team, me);
    StringBuilder you = new StringBuilder();
    you.append("**Season ").append(season.label()).append(":** ").append(figure(mine)).append('\n');
    you.append("**Streaks:** ").append(streaks.isEmpty() ? "none yet" : String.join("; ", streaks));
    StringBuilder recent = new StringBuilder();
    for (LedgerEntry e : ctx.tx().ledger().entries(team, me, 5)) {
      recent
          .append("- +")
          .append(e.points())
          .append(' ')
          .append(e.reason())
          .append(", ")
          .append(e.at().atOffset(ZoneOffset.UTC).toLocalDate())
          .append('\n');
    }
    List<Standing> top = points.top(ctx.tx(), board, 5);
    return List.of(
        Message.of("You", you.toString()),
        Message.of(
            "Recent scores",
            recent.length() == 0
                ? "Nothing yet: answer the daily question or `/spar drill`."
                : recent.toString().strip()),
        Message.of(
            "Team leaderboard \u00b7 season " + season.label(), render(ctx.tx(), team, top, mine)));
  }

  // ---- leaderboard

  private void leaderboard(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String team = in.team().key();
    boolean allTime =
        args.stream()
            .anyMatch(a -> a.equalsIgnoreCase("all-time") || a.equalsIgnoreCase("alltime"));
    List<String> words =
        args.stream()
            .filter(a -> !a.equalsIgnoreCase("all-time") && !a.equalsIgnoreCase("alltime"))
            .toList();
    String scope = words.isEmpty() ? "channel" : words.get(0).toLowerCase();
    Seasons.Season season = points.seasons().current(ctx.tx(), team, ctx.now());
    LedgerQuery q = LedgerQuery.team(team);
    String title;
    switch (scope) {
      case "channel" -> {
        q = q.inChannel(in.channel().key());
        title = "Leaderboard \u00b7 this channel";
      }
      case "team" -> title = "Leaderboard \u00b7 team";
      case "season" -> title = "Leaderboard \u00b7 team";
      case "competition" -> {
        String name = String.join(" ", words.subList(1, words.size()));
        Optional<Competitions.Info> c = competitions.find(ctx.tx(), team, in.channel().key(), name);
        if (c.isEmpty()) {
          ctx.out()
              .tell(
                  in,
                  name.isEmpty()
                      ? "Name the competition: `/spar leaderboard competition NAME`."
                      : "No competition called " + Inline.code(name, 40) + " in this team.");
          return;
        }
        q = q.inCompetition(c.get().id());
        title = "Leaderboard \u00b7 " + Inline.data(c.get().name());
        allTime = true;
      }
      default -> {
        ctx.out()
            .tell(
                in,
                Texts.unknown(
                    "scope",
                    scope,
                    "leaderboard",
                    List.of("channel", "team", "season", "competition"),
                    "Use `/spar leaderboard [channel|team|season|competition NAME] [all-time]`."));
        return;
      }
    }
    if (!allTime) {
      q = q.inSeason(season.label());
      title += " \u00b7 season " + season.label();
    } else if (!scope.equals("competition")) {
      title += " \u00b7 all time";
    }
    List<Standing> rows = points.top(ctx.tx(), q, TOP);
    Optional<Ledger.Rank> mine = points.rank(ctx.tx(), q, in.actor().user().key());
    ctx.out()
        .ephemeral(
            in.channel(), in.actor().user(), Message.of(title, render(ctx.tx(), team, rows, mine)));
  }

  /** The top of the board, then the asker's own line if they are further down. */
  String render(Tx tx, String team, List<Standing> top, Optional<Ledger.Rank> mine) {
    if (top.isEmpty()) {
      return "No points yet. Answer the daily question, finish an interview or drill to score.";
    }
    StringBuilder b = new StringBuilder();
    int position = mine.map(r -> r.position() - 1).orElse(-1);
    for (int i = 0; i < top.size(); i++) {
      line(b, tx, team, i, top.get(i), i == position);
    }
    if (position >= top.size()) {
      b.append("\u2026\n");
      line(b, tx, team, position, mine.get().standing(), true);
    } else if (position < 0) {
      b.append("\n_You have no points here yet._");
    }
    return b.toString().strip();
  }

  private static void line(StringBuilder b, Tx tx, String team, int i, Standing s, boolean me) {
    String medal =
        i == 0 ? "\uD83E\uDD47 " : i == 1 ? "\uD83E\uDD48 " : i == 2 ? "\uD83E\uDD49 " : "";
    b.append(i + 1)
        .append(". ")
        .append(medal)
        .append(me ? "**" : "")
        .append(Profiles.mention(tx, team, s.name()))
        .append(me ? " (you)**" : "")
        .append(" \u2014 ")
        .append(s.points())
        .append(s.points() == 1 ? " point" : " points")
        .append('\n');
  }

  // ---- stats

  private void stats(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String team = in.team().key();
    UserRef who = in.actor().user();
    if (!args.isEmpty()) {
      Optional<UserRef> named = mentions.parse(in.team().platform(), String.join(" ", args));
      if (named.isEmpty()) {
        ctx.out().tell(in, "Usage: `/spar stats` or `/spar stats @someone`.");
        return;
      }
      who = named.get();
    }
    Seasons.Season season = points.seasons().current(ctx.tx(), team, ctx.now());
    String key = who.key();
    Optional<Ledger.Rank> inSeason =
        points.rank(ctx.tx(), LedgerQuery.team(team).inSeason(season.label()), key);
    Optional<Ledger.Rank> allTime = points.rank(ctx.tx(), LedgerQuery.team(team), key);
    List<LedgerEntry> entries = ctx.tx().ledger().entries(team, key, 10_000);
    if (entries.isEmpty() && !who.equals(in.actor().user())) {
      ctx.out()
          .tell(in, Profiles.mention(ctx.tx(), team, key) + " has no activity in this team yet.");
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append("**Season ")
        .append(season.label())
        .append(":** ")
        .append(figure(inSeason))
        .append('\n');
    b.append("**All time:** ").append(figure(allTime)).append('\n');
    b.append("**Daily answers:** ")
        .append(count(entries, "daily"))
        .append(" \u00b7 **interviews finished:** ")
        .append(count(entries, "interview"))
        .append(" \u00b7 **drill reviews:** ")
        .append(count(entries, "drill"))
        .append(" \u00b7 **competition answers:** ")
        .append(count(entries, "compete"))
        .append('\n');
    List<String> streaks = Streaks.describe(ctx.tx(), team, key);
    b.append("**Streaks:** ").append(streaks.isEmpty() ? "none yet" : String.join("; ", streaks));
    Away.until(ctx.tx(), team, key)
        .filter(d -> !d.isBefore(ctx.now().atOffset(ZoneOffset.UTC).toLocalDate()))
        .ifPresent(d -> b.append("\n_Away until ").append(d).append("._"));
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            Message.of("Stats \u00b7 " + Profiles.mention(ctx.tx(), team, key), b.toString()));
  }

  private static String figure(Optional<Ledger.Rank> rank) {
    return rank.map(r -> r.standing().points() + " points, rank " + r.position() + " of " + r.of())
        .orElse("0 points");
  }

  private static long count(List<LedgerEntry> entries, String reason) {
    return entries.stream().filter(e -> e.reason().equals(reason)).count();
  }

  // ---- seasons

  private void season(Context ctx, Inbound.CommandInvoked in, String sub) {
    String team = in.team().key();
    if (sub.equals("reset")) {
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
    StringBuilder b = new StringBuilder();
    b.append("**Current:** ")
        .append(s.label())
        .append(", ")
        .append(s.startedAt().atOffset(ZoneOffset.UTC).toLocalDate())
        .append(" to ")
        .append(s.endsAt().atOffset(ZoneOffset.UTC).toLocalDate())
        .append(" (UTC)\n");
    List<Seasons.Archived> past = points.seasons().archived(ctx.tx(), team);
    for (int i = past.size() - 1; i >= Math.max(0, past.size() - 5); i--) {
      Seasons.Archived a = past.get(i);
      b.append("**").append(a.label()).append(":** ");
      if (a.podium().isEmpty()) {
        b.append("no points");
      } else {
        for (int j = 0; j < a.podium().size(); j++) {
          Standing st = a.podium().get(j);
          b.append(j == 0 ? "" : ", ")
              .append(j + 1)
              .append(". ")
              .append(Profiles.mention(ctx.tx(), team, st.name()))
              .append(" (")
              .append(st.points())
              .append(')');
        }
      }
      b.append('\n');
    }
    ctx.out()
        .ephemeral(in.channel(), in.actor().user(), Message.of("Seasons", b.toString().strip()));
  }

  static final String CONFIRM = "season.confirm";

  @Override
  public String buttonPrefix() {
    return "season.";
  }

  /** A confirmed {@code season reset}, if the season asked about is still the current one. */
  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (!press.action().equals(CONFIRM)) {
      return;
    }
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

  // ---- away

  private void away(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String team = in.team().key();
    String user = in.actor().user().key();
    LocalDate today = ctx.now().atOffset(ZoneOffset.UTC).toLocalDate();
    if (args.size() == 1 && args.get(0).equalsIgnoreCase("off")) {
      ctx.out().tell(in, Away.clear(ctx.tx(), team, user) ? "Welcome back!" : "You were not away.");
      return;
    }
    if (args.size() != 2 || !args.get(0).equalsIgnoreCase("until")) {
      ctx.out().tell(in, "Usage: `/spar away until YYYY-MM-DD` or `/spar away off`.");
      return;
    }
    Dates.Parsed parsed = Dates.parse(args.get(1));
    if (parsed.error() != null) {
      ctx.out().tell(in, parsed.error());
      return;
    }
    LocalDate until = parsed.date();
    if (until.isBefore(today) || until.isAfter(today.plusDays(366))) {
      ctx.out().tell(in, "Pick a date between today and a year from now.");
      return;
    }
    Away.set(ctx.tx(), team, user, today, until);
    ctx.out().tell(in, "You are away until " + until + ". Your streaks wait for you.");
  }
}
