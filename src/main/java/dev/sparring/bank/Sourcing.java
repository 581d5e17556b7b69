package dev.sparring.bank;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where key points come from: which claims need a reference (a figure, a limit, a price model, a
 * feature's availability) and which references are due for a re-check.
 */
public final class Sourcing {

  // A number that is a quantity, not part of a name (S3, EC2, v2, Node.js 22 counts: a version).
  private static final Pattern FIGURE =
      Pattern.compile(
          "(?<![A-Za-z0-9.])\\$?\\d[\\d,.]*(?![A-Za-z0-9])|\\d+\\s*(?:MB|GB|KB|TB|MiB|GiB|KiB|ms)\\b");
  private static final Pattern CLAIM_WORDS =
      Pattern.compile(
          "(?i)\\b(?:priced|pricing|billed|per GB-second|free tier|quotas?|hard limit|generally"
              + " available|in preview|deprecated|end of support|maintenance mode)\\b");

  private Sourcing() {}

  /** Whether {@code point} states a figure, a limit, a price model or an availability. */
  public static boolean statesAFigure(String point) {
    return FIGURE.matcher(point).find() || CLAIM_WORDS.matcher(point).find();
  }

  /** A key point checked longer ago than the given age, with where it is. */
  public record Stale(Question question, int step, KeyPoint point) {}

  /** The sourced key points of {@code bank} last checked before {@code today} minus {@code age}. */
  public static List<Stale> stale(QuestionBank bank, Period age, LocalDate today) {
    LocalDate limit = today.minus(age);
    List<Stale> out = new ArrayList<>();
    for (Question q : bank.questions()) {
      for (int s = 0; s < q.stepCount(); s++) {
        for (KeyPoint k : q.step(s).keyPoints()) {
          if (k.asOf() != null && k.asOf().isBefore(limit)) {
            out.add(new Stale(q, s, k));
          }
        }
      }
    }
    return out;
  }
}
