package dev.sparring.leaderboard;

import dev.sparring.compete.Competitions;
import dev.sparring.feedback.History;
import dev.sparring.scoring.Hidden;
import dev.sparring.scoring.Profiles;
import dev.sparring.scoring.Streaks;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Results as CSV ({@link Csv}), for {@code /spar export} and {@code sparring export}. Two layouts:
 *
 * <p><b>Board</b> (a channel's or the whole team's results in a season, or all time): {@code rank,
 * user_id, display_name, points, answers, streak, best_streak, last_scored_at, season, channel}.
 * {@code answers} counts the entries that scored (a daily answer, a finished interview, a rated
 * drill, a competition answer); {@code streak} and {@code best_streak} are the daily-question
 * streaks in the channel (empty for the whole team); {@code last_scored_at} is an ISO-8601 UTC
 * time.
 *
 * <p><b>Competition</b>: {@code kind, rank, user_id, display_name, group, points, answers,
 * mean_grade, competition}: one {@code person} row per member (members who never answered come
 * last, with an empty rank), then one {@code group} row per group. {@code mean_grade} is the mean
 * grade (0 to 100) of the competition's graded answers, from the people's practice history (its
 * latest {@value History#KEEP} entries each); a group's counts all its members.
 *
 * <p>For a channel ({@link Audience#CHANNEL}) people who hide are left out, ranks closing up, while
 * their points still count in their group's row. For the operator ({@link Audience#OPERATOR})
 * everyone is in, ranked as the ledger ranks them, with a last {@code hidden} column (true/false).
 */
public final class ResultsExport {

  /** Columns of a board export (the operator's adds {@code hidden}). */
  public static final List<String> BOARD_COLUMNS =
      List.of(
          "rank",
          "user_id",
          "display_name",
          "points",
          "answers",
          "streak",
          "best_streak",
          "last_scored_at",
          "season",
          "channel");

  /** Columns of a competition export (the operator's adds {@code hidden}). */
  public static final List<String> COMPETITION_COLUMNS =
      List.of(
          "kind",
          "rank",
          "user_id",
          "display_name",
          "group",
          "points",
          "answers",
          "mean_grade",
          "competition");

  /** Who the export is for. */
  public enum Audience {
    /** Posted in a channel: people who hide are left out. */
    CHANNEL,
    /** The operator's command line: everyone, with a {@code hidden} column. */
    OPERATOR
  }

  /** An export: the table, a file name for it, and what it sums up to (for the message text). */
  public record Export(Csv csv, String fileName, int people, long points) {}

  private ResultsExport() {}

  /**
   * The team's results in {@code channel} (null: the whole team) in {@code season} (null: all
   * time).
   */
  public static Export board(Tx tx, String team, String channel, String season, Audience audience) {
    LedgerQuery q = LedgerQuery.team(team);
    if (channel != null) {
      q = q.inChannel(channel);
    }
    if (season != null) {
      q = q.inSeason(season);
    }
    Set<String> hidden = Hidden.in(tx, team);
    List<Standing> rows = tx.ledger().standings(q);
    if (audience == Audience.CHANNEL) {
      rows = Hidden.without(rows, hidden);
    }
    Csv csv = new Csv(columns(BOARD_COLUMNS, audience));
    long total = 0;
    for (int i = 0; i < rows.size(); i++) {
      Standing s = rows.get(i);
      total += s.points();
      Optional<Streaks.Streak> streak =
          channel == null ? Optional.empty() : Streaks.in(tx, team, s.name(), channel);
      List<Object> cells = new ArrayList<>();
      cells.add(i + 1);
      cells.add(s.name());
      cells.add(Profiles.name(tx, team, s.name()));
      cells.add(s.points());
      cells.add(s.entries());
      cells.add(channel == null ? null : streak.map(Streaks.Streak::count).orElse(0));
      cells.add(channel == null ? null : streak.map(Streaks.Streak::best).orElse(0));
      cells.add(s.last());
      cells.add(season == null ? "all-time" : season);
      cells.add(channel);
      addHidden(cells, audience, hidden.contains(s.name()));
      csv.row(cells);
    }
    String file =
        "results-"
            + (season == null ? "all-time" : season)
            + "-"
            + (channel == null ? "team" : channel.substring(channel.indexOf(':') + 1))
            + ".csv";
    return new Export(csv, fileName(file), rows.size(), total);
  }

  /** A competition's results per person and per group. */
  public static Export competition(Tx tx, String team, Competitions.Roster c, Audience audience) {
    LedgerQuery q = LedgerQuery.team(team).inCompetition(c.id());
    Set<String> hidden = Hidden.in(tx, team);
    List<Standing> people = tx.ledger().standings(q);
    if (audience == Audience.CHANNEL) {
      people = Hidden.without(people, hidden);
    }
    Map<String, List<Integer>> grades = grades(tx, team, c);
    Csv csv = new Csv(columns(COMPETITION_COLUMNS, audience));
    Set<String> listed = new HashSet<>();
    long total = 0;
    for (int i = 0; i < people.size(); i++) {
      Standing s = people.get(i);
      listed.add(s.name());
      total += s.points();
      csv.row(
          person(tx, team, c, i + 1, s.name(), s.points(), s.entries(), grades, audience, hidden));
    }
    for (String member : c.groupOf().keySet()) {
      boolean shown = audience == Audience.OPERATOR || !hidden.contains(member);
      if (shown && listed.add(member)) {
        csv.row(person(tx, team, c, null, member, 0, 0, grades, audience, hidden));
      }
    }
    List<Standing> groups = tx.ledger().standings(q.groups());
    for (int i = 0; i < groups.size(); i++) {
      Standing g = groups.get(i);
      List<Integer> all = new ArrayList<>();
      c.groupOf()
          .forEach(
              (user, group) -> {
                if (g.name().equals(group)) {
                  all.addAll(grades.getOrDefault(user, List.of()));
                }
              });
      List<Object> cells =
          new ArrayList<>(
              List.of("group", i + 1, "", "", g.name(), g.points(), g.entries(), mean(all)));
      cells.add(c.name());
      addHidden(cells, audience, null);
      csv.row(cells);
    }
    String slug = c.id().substring(c.id().lastIndexOf('#') + 1);
    return new Export(csv, fileName("competition-" + slug + ".csv"), listed.size(), total);
  }

  private static List<Object> person(
      Tx tx,
      String team,
      Competitions.Roster c,
      Integer rank,
      String user,
      long points,
      long answers,
      Map<String, List<Integer>> grades,
      Audience audience,
      Set<String> hidden) {
    List<Object> cells = new ArrayList<>();
    cells.add("person");
    cells.add(rank);
    cells.add(user);
    cells.add(Profiles.name(tx, team, user));
    cells.add(c.groupOf().get(user));
    cells.add(points);
    cells.add(answers);
    cells.add(mean(grades.getOrDefault(user, List.of())));
    cells.add(c.name());
    addHidden(cells, audience, hidden.contains(user));
    return cells;
  }

  /** Each member's grades of the competition's answers, from their practice history. */
  private static Map<String, List<Integer>> grades(Tx tx, String team, Competitions.Roster c) {
    Map<String, List<Integer>> out = new HashMap<>();
    for (String user : c.groupOf().keySet()) {
      List<Integer> scores = new ArrayList<>();
      for (History.Entry e : History.latest(tx, team, user, History.KEEP)) {
        if (e.mode() == History.Mode.COMPETE
            && e.ref().equals(c.channel())
            && !e.at().isBefore(c.startedAt())
            && !e.at().isAfter(c.endsAt())) {
          scores.add(e.score());
        }
      }
      out.put(user, scores);
    }
    return out;
  }

  private static String mean(List<Integer> scores) {
    if (scores.isEmpty()) {
      return "";
    }
    double m = scores.stream().mapToInt(Integer::intValue).average().orElse(0);
    return String.format(Locale.ROOT, "%.1f", m);
  }

  private static List<String> columns(List<String> base, Audience audience) {
    if (audience == Audience.CHANNEL) {
      return base;
    }
    List<String> all = new ArrayList<>(base);
    all.add("hidden");
    return all;
  }

  private static void addHidden(List<Object> cells, Audience audience, Boolean hidden) {
    if (audience == Audience.OPERATOR) {
      cells.add(hidden);
    }
  }

  /** A plain file name (letters, digits, dots, dashes), as attachments require. */
  private static String fileName(String name) {
    String clean = name.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    return clean.length() > 100 ? clean.substring(0, 96) + ".csv" : clean;
  }
}
