package dev.sparring.feedback;

import dev.sparring.bank.Banks;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.store.Dispute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code /spar packs report} for admins, and the body of {@code sparring packs report}: how answers
 * fare against each key point (covered, missed, contradicted) and the disputes raised on it, so
 * authors find the points that nobody or everybody covers, and the ones people get wrong.
 */
public final class PackReport implements Feature {

  /** Outcomes read at most per report. */
  public static final int MAX_READ = 100_000;

  /** A point is judged once this many answers were graded against it. */
  static final int MIN_ANSWERS = 3;

  /** Points listed per section. */
  static final int SHOWN = 5;

  private final Banks banks;

  public PackReport(QuestionBank bank) {
    this(Banks.of(bank));
  }

  /** The report over each team's questions (the team's own among them). */
  public PackReport(Banks banks) {
    this.banks = banks;
  }

  @Override
  public Set<String> commands() {
    return Set.of("packs");
  }

  @Override
  public List<Help> help() {
    return List.of(
        new Help(
            "packs report",
            "how this workspace's answers fare against each key point: contradicted, rarely and"
                + " always covered",
            true));
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    if (command.args().size() != 1 || !command.args().get(0).equalsIgnoreCase("report")) {
      ctx.out().tell(in, "Usage: `/spar packs report`.");
      return;
    }
    if (!ctx.isAdmin(in.actor())) {
      ctx.out().tell(in, "Only admins can see the packs report (`/spar packs report`).");
      return;
    }
    String team = in.team().key();
    Map<String, Tally.PointStats> stats = Tally.stats(ctx.tx(), team, MAX_READ);
    List<Dispute> disputes = ctx.tx().disputes().latest(team, MAX_READ);
    List<String> lines = lines(banks.forTeam(ctx.tx(), team), stats, disputes, SHOWN);
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            new Message(
                "Packs report",
                Feedback.fit(lines, Feedback.MAX_BODY, "key points"),
                List.of(),
                List.of()));
  }

  /** One key point with its counts and disputes. */
  public record Row(
      Question question,
      int step,
      int index,
      KeyPoint point,
      Tally.PointStats stats,
      long disputes) {
    double coveredShare() {
      return stats.answers() == 0 ? 0 : (double) stats.covered() / stats.answers();
    }

    String where() {
      return question.id() + (step == 0 ? "" : " follow-up " + step) + " #" + (index + 1);
    }
  }

  /** Every key point with outcomes, joined with the bank and the disputes on it. */
  public static List<Row> rows(
      QuestionBank bank, Map<String, Tally.PointStats> stats, List<Dispute> disputes) {
    List<Row> rows = new ArrayList<>();
    for (Tally.PointStats s : stats.values()) {
      Optional<Question> q = bank.get(s.question());
      if (q.isEmpty() || s.step() >= q.get().stepCount()) {
        continue;
      }
      List<KeyPoint> points = q.get().step(s.step()).keyPoints();
      if (s.index() >= points.size()) {
        continue;
      }
      long raised =
          disputes.stream()
              .filter(
                  d ->
                      d.questionId().equals(s.question())
                          && d.step() == s.step()
                          && d.pointNo() == s.index() + 1)
              .count();
      rows.add(new Row(q.get(), s.step(), s.index(), points.get(s.index()), s, raised));
    }
    return rows;
  }

  /** The report as lines of the bot's markdown: up to {@code shown} points per section. */
  public static List<String> lines(
      QuestionBank bank, Map<String, Tally.PointStats> stats, List<Dispute> disputes, int shown) {
    List<Row> rows = rows(bank, stats, disputes);
    List<String> out = new ArrayList<>();
    int graded = rows.stream().mapToInt(r -> r.stats().answers()).max().orElse(0);
    if (rows.isEmpty()) {
      out.add("No graded answers yet: the report fills in as people answer.");
      return out;
    }
    out.add(rows.size() + " key points have graded answers (up to " + graded + " each).");
    section(
        out,
        "Most often contradicted",
        rows,
        r -> r.stats().contradicted() > 0,
        Comparator.comparingInt((Row r) -> -r.stats().contradicted()),
        shown);
    section(
        out,
        "Rarely covered (at most 1 in 5 answers)",
        rows,
        r -> r.stats().answers() >= MIN_ANSWERS && r.coveredShare() <= 0.2,
        Comparator.comparingDouble(Row::coveredShare),
        shown);
    section(
        out,
        "Always covered",
        rows,
        r -> r.stats().answers() >= MIN_ANSWERS && r.stats().covered() == r.stats().answers(),
        Comparator.comparingInt((Row r) -> -r.stats().answers()),
        shown);
    section(
        out,
        "Most disputed",
        rows,
        r -> r.disputes() > 0,
        Comparator.comparingLong((Row r) -> -r.disputes()),
        shown);
    return out;
  }

  private static void section(
      List<String> out,
      String title,
      List<Row> rows,
      Predicate<Row> which,
      Comparator<Row> order,
      int shown) {
    List<Row> picked =
        rows.stream().filter(which).sorted(order.thenComparing(Row::where)).limit(shown).toList();
    out.add("");
    out.add("**" + title + "**");
    if (picked.isEmpty()) {
      out.add("_none_");
    }
    for (Row r : picked) {
      Tally.PointStats s = r.stats();
      out.add(
          "- `"
              + r.where()
              + "` "
              + r.point().shown(Texts.clip(r.point().point(), 120))
              + " \u2014 covered "
              + s.covered()
              + ", missed "
              + s.missed()
              + ", contradicted "
              + s.contradicted()
              + " of "
              + s.answers()
              + (r.disputes() > 0 ? "; " + r.disputes() + " disputed" : ""));
    }
  }
}
