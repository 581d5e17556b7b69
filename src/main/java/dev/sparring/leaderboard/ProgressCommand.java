package dev.sparring.leaderboard;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.feedback.History;
import dev.sparring.picture.ProgressChart;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /spar progress [weeks] [share]}: the person's last weeks as a chart (points earned each
 * week, and the mean grade of their graded practice per topic, topics from the question bank) with
 * the same figures in words. Said to them only; {@code share} posts it in the channel, which is
 * their consent to show it there.
 */
public final class ProgressCommand implements Feature {

  static final int DEFAULT_WEEKS = 8;
  static final int MAX_WEEKS = 26;
  static final String FILE = "progress.png";
  static final String OTHER = "other";

  static final String USAGE =
      "Usage: `/spar progress [weeks] [share]`, weeks from 1 to "
          + MAX_WEEKS
          + " (default "
          + DEFAULT_WEEKS
          + ").";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

  private final Banks banks;
  private final Points points;

  public ProgressCommand(QuestionBank bank, Points points) {
    this(Banks.of(bank), points);
  }

  /** Progress by topic, topics read from each team's questions. */
  public ProgressCommand(Banks banks, Points points) {
    this.banks = banks;
    this.points = points;
  }

  @Override
  public Set<String> commands() {
    return Set.of("progress");
  }

  @Override
  public List<Help> help() {
    return List.of(
        Help.of(
            "progress [weeks] [share]",
            "your points and mean grade per topic over the last weeks, as a chart (only you see"
                + " it; share posts it in the channel)"));
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Profiles.remember(ctx, in.team().key(), in.actor());
    int weeks = DEFAULT_WEEKS;
    boolean share = false;
    for (String arg : command.args()) {
      if (arg.equalsIgnoreCase(BoardCommands.SHARE)) {
        share = true;
      } else if (arg.matches("\\d{1,2}")
          && Integer.parseInt(arg) >= 1
          && Integer.parseInt(arg) <= MAX_WEEKS) {
        weeks = Integer.parseInt(arg);
      } else {
        ctx.out().tell(in, Inline.code(arg, 20) + " is not a number of weeks. " + USAGE);
        return;
      }
    }
    String team = in.team().key();
    String user = in.actor().user().key();
    Progress p = gather(ctx, team, user, weeks);
    if (p.empty()) {
      ctx.out()
          .tell(
              in,
              "Nothing scored or graded in the last "
                  + weeks
                  + (weeks == 1 ? " week" : " weeks")
                  + " yet. Answer the daily question, or try `/spar drill` or `/spar interview`.");
      return;
    }
    String name = Profiles.name(ctx.tx(), team, user);
    Optional<Ledger.Rank> allTime = points.rank(ctx.tx(), LedgerQuery.team(team), user);
    String body = text(p, allTime.map(r -> r.standing().points()).orElse(0L));
    if (share) {
      ProgressChart.Progress chart = chart(p, "Progress \u00b7 " + name);
      ctx.out()
          .post(
              in.channel(),
              Message.of(
                      "Progress \u00b7 " + Profiles.mention(ctx.tx(), team, user),
                      body + "\n_Shared by " + Profiles.mention(ctx.tx(), team, user) + "._")
                  .withAttachments(List.of(attachment(chart))),
              null);
      ctx.out().tell(in, "Posted your progress chart in this channel.");
      return;
    }
    ProgressChart.Progress chart = chart(p, "Your progress");
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            Message.of(
                    "Your progress \u00b7 last " + weeks + (weeks == 1 ? " week" : " weeks"),
                    body
                        + "\n_Only you see this. `/spar progress "
                        + weeks
                        + " share` posts the chart in this channel._")
                .withAttachments(List.of(attachment(chart))));
  }

  private static Message.Attachment attachment(ProgressChart.Progress chart) {
    return Message.Attachment.png(FILE, ProgressChart.png(chart), ProgressChart.alt(chart));
  }

  /**
   * The weeks' figures: points per week, and per topic the grades of each week (sum and count),
   * topics ordered by how much they were practised.
   */
  record Progress(
      List<LocalDate> weeks,
      long[] points,
      Map<String, int[]> sums,
      Map<String, int[]> counts,
      List<String> topics) {
    boolean empty() {
      return Arrays.stream(points).allMatch(p -> p == 0) && topics.isEmpty();
    }

    Integer mean(String topic, int week) {
      int n = counts.get(topic)[week];
      return n == 0 ? null : Math.round(sums.get(topic)[week] / (float) n);
    }

    int answers(String topic) {
      return Arrays.stream(counts.get(topic)).sum();
    }
  }

  Progress gather(Context ctx, String team, String user, int n) {
    LocalDate today = ctx.now().atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate first =
        today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(n - 1L);
    List<LocalDate> weeks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      weeks.add(first.plusWeeks(i));
    }
    long[] byWeek = new long[n];
    for (LedgerEntry e : ctx.tx().ledger().entries(team, user, 10_000)) {
      int w = week(first, e.at().atOffset(ZoneOffset.UTC).toLocalDate(), n);
      if (w >= 0) {
        byWeek[w] += e.points();
      }
    }
    QuestionBank bank = banks.forTeam(ctx.tx(), team);
    Map<String, int[]> sums = new HashMap<>();
    Map<String, int[]> counts = new HashMap<>();
    for (History.Entry e : History.latest(ctx.tx(), team, user, History.KEEP)) {
      int w = week(first, e.at().atOffset(ZoneOffset.UTC).toLocalDate(), n);
      if (w < 0) {
        continue;
      }
      List<String> topics = bank.get(e.questionId()).map(Question::topics).orElse(List.of());
      for (String t : topics.isEmpty() ? List.of(OTHER) : topics) {
        sums.computeIfAbsent(t, k -> new int[n])[w] += e.score();
        counts.computeIfAbsent(t, k -> new int[n])[w]++;
      }
    }
    List<String> topics =
        counts.keySet().stream()
            .sorted(
                Comparator.comparingInt((String t) -> -Arrays.stream(counts.get(t)).sum())
                    .thenComparing(Comparator.naturalOrder()))
            .limit(ProgressChart.MAX_TOPICS)
            .toList();
    return new Progress(weeks, byWeek, sums, counts, topics);
  }

  /** The week (0 = the first) a day falls in, or -1 outside the weeks shown. */
  private static int week(LocalDate first, LocalDate day, int n) {
    long days = ChronoUnit.DAYS.between(first, day);
    return days < 0 || days >= 7L * n ? -1 : (int) (days / 7);
  }

  private static ProgressChart.Progress chart(Progress p, String title) {
    Map<String, List<Integer>> grades = new LinkedHashMap<>();
    for (String t : p.topics()) {
      List<Integer> means = new ArrayList<>();
      for (int w = 0; w < p.weeks().size(); w++) {
        means.add(p.mean(t, w));
      }
      grades.put(t, means);
    }
    int n = p.weeks().size();
    return new ProgressChart.Progress(
        title + " \u00b7 last " + n + (n == 1 ? " week" : " weeks"),
        "Points earned each week, and the mean grade of graded practice per topic",
        p.weeks(),
        Arrays.stream(p.points()).boxed().toList(),
        grades);
  }

  /** The chart in words: points, the best week, and each topic's first and last mean grade. */
  static String text(Progress p, long allTime) {
    long total = Arrays.stream(p.points()).sum();
    int n = p.weeks().size();
    StringBuilder b = new StringBuilder();
    b.append("**Points:** ")
        .append(total)
        .append(" in the last ")
        .append(n)
        .append(n == 1 ? " week" : " weeks")
        .append(" (all time ")
        .append(allTime)
        .append(")");
    int best = 0;
    for (int w = 1; w < n; w++) {
      best = p.points()[w] > p.points()[best] ? w : best;
    }
    if (total > 0 && n > 1) {
      b.append("; best week ")
          .append(DAY.format(p.weeks().get(best)))
          .append(" with ")
          .append(p.points()[best]);
    }
    b.append(".\n");
    if (!p.topics().isEmpty()) {
      b.append("**Mean grade by topic** (first week \u2192 latest week practised):\n");
      for (String t : p.topics()) {
        Integer firstMean = null;
        Integer lastMean = null;
        for (int w = 0; w < n; w++) {
          Integer m = p.mean(t, w);
          if (m != null) {
            firstMean = firstMean == null ? m : firstMean;
            lastMean = m;
          }
        }
        int answers = p.answers(t);
        b.append("- `")
            .append(t)
            .append("`: ")
            .append(
                firstMean.equals(lastMean) && answers == 1
                    ? firstMean
                    : firstMean + " \u2192 " + lastMean)
            .append(" (")
            .append(answers)
            .append(answers == 1 ? " answer" : " answers")
            .append(")\n");
      }
    }
    return b.toString().strip();
  }
}
