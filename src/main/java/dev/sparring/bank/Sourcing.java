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
  static final Pattern FIGURE =
      Pattern.compile(
          "(?<![A-Za-z0-9.])\\$?\\d[\\d,.]*(?![A-Za-z0-9])|\\d+\\s*(?:MB|GB|KB|TB|MiB|GiB|KiB|ms)\\b");
  static final Pattern CLAIM_WORDS =
      Pattern.compile(
          "(?i)\\b(?:priced|pricing|billed|per GB-second|free tier|quotas?|hard limit|generally"
              + " available|in preview|deprecated|end of support|maintenance mode)\\b");

  private Sourcing() {}

  /**
   * The words of {@link #CLAIM_WORDS} (or their stems), lower case: a point holding none of them
   * cannot match it, so the regex runs only on the few that do (the bank's thousands of points are
   * checked at start-up, when every regex step is interpreted).
   */
  private static final List<String> CLAIM_STEMS =
      List.of(
          "priced",
          "pricing",
          "billed",
          "per gb-second",
          "free tier",
          "quota",
          "hard limit",
          "generally available",
          "in preview",
          "deprecated",
          "end of support",
          "maintenance mode");

  /** {@link #CLAIM_STEMS} by their first letter (ASCII). */
  private static final String[][] STEMS_BY_START = new String[128][];

  static {
    for (String stem : CLAIM_STEMS) {
      String[] same = STEMS_BY_START[stem.charAt(0)];
      String[] more = same == null ? new String[1] : java.util.Arrays.copyOf(same, same.length + 1);
      more[more.length - 1] = stem;
      STEMS_BY_START[stem.charAt(0)] = more;
    }
  }

  /** Whether {@code point} states a figure, a limit, a price model or an availability. */
  public static boolean statesAFigure(String point) {
    return (hasDigit(point) && FIGURE.matcher(point).find())
        || (hasClaimWord(point) && CLAIM_WORDS.matcher(point).find());
  }

  /** Whether {@code text} holds an ASCII digit ({@link #FIGURE} needs one). */
  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} holds one of {@link #CLAIM_STEMS}, in any case. */
  static boolean hasClaimWord(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      String[] stems = c < 128 ? STEMS_BY_START[c] : null;
      if (stems != null) {
        for (String stem : stems) {
          if (text.regionMatches(true, i, stem, 0, stem.length())) {
            return true;
          }
        }
      }
    }
    return false;
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
