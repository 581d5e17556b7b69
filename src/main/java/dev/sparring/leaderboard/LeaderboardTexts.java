package dev.sparring.leaderboard;

import dev.sparring.chat.Message;
import dev.sparring.chat.UserRef;
import dev.sparring.scoring.Profiles;
import dev.sparring.scoring.Seasons;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * How the ledger views read: a board with medals and the asker's own line, someone's stats, the
 * seasons with their podiums, and the home sections. People are shown by mention, from their stored
 * profile.
 */
final class LeaderboardTexts {

  private LeaderboardTexts() {}

  // ---- boards

  /** What someone who hides is told on boards and in their stats. */
  static final String HIDDEN =
      "You are hidden from public boards (`/spar leaderboard show` to appear again).";

  /**
   * The public board ({@code top} without the people who hide); for an asker who hides, where they
   * would be instead of their own line.
   */
  static String board(
      Tx tx, String team, List<Standing> top, Optional<Ledger.Rank> mine, boolean hidden) {
    if (!hidden) {
      return board(tx, team, top, mine);
    }
    String would =
        mine.map(
                r ->
                    " You would be #"
                        + r.position()
                        + " with "
                        + r.standing().points()
                        + (r.standing().points() == 1 ? " point." : " points."))
            .orElse(" You have no points here yet.");
    String shown =
        top.isEmpty() ? "Nobody on this board shows their points yet." : lines(tx, team, top);
    return shown + "\n\n_" + HIDDEN + would + "_";
  }

  private static String lines(Tx tx, String team, List<Standing> top) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < top.size(); i++) {
      line(b, tx, team, i, top.get(i), false);
    }
    return b.toString().strip();
  }

  /** {@code stats} of someone who hides, saying so. */
  static Message withHiddenNote(Message stats) {
    return new Message(
        stats.title(),
        stats.body() + "\n_" + HIDDEN + " Ranks are where you would be._",
        stats.fields(),
        stats.buttons(),
        stats.attachments());
  }

  /** The top of the board, then the asker's own line if they are further down. */
  static String board(Tx tx, String team, List<Standing> top, Optional<Ledger.Rank> mine) {
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

  /** A board posted for everyone, saying who asked for it. */
  static String shared(Tx tx, String team, List<Standing> top, UserRef by) {
    if (top.isEmpty()) {
      return "No points yet. Answer the daily question, finish an interview or drill to score.";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < top.size(); i++) {
      line(b, tx, team, i, top.get(i), false);
    }
    b.append("\n_Shared by ").append(Profiles.mention(tx, team, by.key())).append("._");
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

  /** Points and rank, or just "0 points" for someone not on the board. */
  static String figure(Optional<Ledger.Rank> rank) {
    return rank.map(r -> r.standing().points() + " points, rank " + r.position() + " of " + r.of())
        .orElse("0 points");
  }

  private static String streaks(List<String> streaks) {
    return "**Streaks:** " + (streaks.isEmpty() ? "none yet" : String.join("; ", streaks));
  }

  // ---- stats

  /** {@code stats}: season and all-time figures, activity by kind, streaks and any absence. */
  static Message stats(
      String who,
      Seasons.Season season,
      Optional<Ledger.Rank> inSeason,
      Optional<Ledger.Rank> allTime,
      List<LedgerEntry> entries,
      List<String> streaks,
      Optional<LocalDate> awayUntil) {
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
    b.append(streaks(streaks));
    awayUntil.ifPresent(d -> b.append("\n_Away until ").append(d).append("._"));
    return Message.of("Stats \u00b7 " + who, b.toString());
  }

  private static long count(List<LedgerEntry> entries, String reason) {
    return entries.stream().filter(e -> e.reason().equals(reason)).count();
  }

  // ---- seasons

  /** {@code season}: the current season's dates and the podiums of the last five archived. */
  static Message seasons(Tx tx, String team, Seasons.Season s, List<Seasons.Archived> past) {
    StringBuilder b = new StringBuilder();
    b.append("**Current:** ")
        .append(s.label())
        .append(", ")
        .append(s.startedAt().atOffset(ZoneOffset.UTC).toLocalDate())
        .append(" to ")
        .append(s.endsAt().atOffset(ZoneOffset.UTC).toLocalDate())
        .append(" (UTC)\n");
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
              .append(Profiles.mention(tx, team, st.name()))
              .append(" (")
              .append(st.points())
              .append(')');
        }
      }
      b.append('\n');
    }
    return Message.of("Seasons", b.toString().strip());
  }

  // ---- home

  /** The home view: you this season, your recent scores, and the top of the team's board. */
  static List<Message> home(
      Tx tx,
      String team,
      Seasons.Season season,
      Optional<Ledger.Rank> mine,
      List<String> streaks,
      List<LedgerEntry> recent,
      List<Standing> top,
      boolean hidden) {
    String you = "**Season " + season.label() + ":** " + figure(mine) + '\n' + streaks(streaks);
    StringBuilder scores = new StringBuilder();
    for (LedgerEntry e : recent) {
      scores
          .append("- +")
          .append(e.points())
          .append(' ')
          .append(e.reason())
          .append(", ")
          .append(e.at().atOffset(ZoneOffset.UTC).toLocalDate())
          .append('\n');
    }
    return List.of(
        Message.of("You", you),
        Message.of(
            "Recent scores",
            scores.length() == 0
                ? "Nothing yet: answer the daily question or `/spar drill`."
                : scores.toString().strip()),
        Message.of(
            "Team leaderboard \u00b7 season " + season.label(),
            board(tx, team, top, mine, hidden)));
  }
}
