package dev.sparring.scoring;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Point rules and season length, from config ({@code scoring.*}, {@code seasons.*}).
 *
 * <p>One rule prices every graded answer, whatever the mode (daily question, interview step, drill,
 * competition question): {@link #points(int)}. An answer graded under {@code junkBelow} (a skip, a
 * blank, "x", "idk", an echo of the question) earns nothing; any other earns {@code participation}
 * plus the grade bonus scaled by the score. Only a daily answer that earns points adds the streak
 * bonus, and only it extends a streak.
 *
 * @param participation points for a graded answer that is not junk
 * @param gradeBonusMax extra points for a perfect grade (scaled by the score)
 * @param junkBelow answers graded below this score earn nothing and keep no streak
 * @param streakBonusPerDay extra points per day of an ongoing daily streak
 * @param streakBonusCap the most a streak can add to one answer
 * @param seasonLength a fixed length, or null for calendar months
 * @param seasonZone the zone in which calendar seasons start
 */
public record ScoringRules(
    int participation,
    int gradeBonusMax,
    int junkBelow,
    int streakBonusPerDay,
    int streakBonusCap,
    Duration seasonLength,
    ZoneId seasonZone) {

  public static ScoringRules defaults() {
    return new ScoringRules(5, 15, 20, 2, 10, null, ZoneId.of("UTC"));
  }

  /** Whether an answer with this grade earns points (and, for a daily answer, keeps a streak). */
  public boolean earns(int score) {
    return score >= junkBelow && score > 0;
  }

  /** What one graded answer is worth in every mode: nothing for junk, else scaled by the grade. */
  public int points(int score) {
    if (!earns(score)) {
      return 0;
    }
    return participation + Math.round(gradeBonusMax * score / 100f);
  }

  /** A daily answer: {@link #points(int)}, plus the streak bonus when the answer earns anything. */
  public int dailyPoints(int score, int streak) {
    int base = points(score);
    if (base == 0) {
      return 0;
    }
    return base + Math.min(streakBonusCap, streakBonusPerDay * Math.max(0, streak - 1));
  }

  /** The rules in one paragraph, with this deployment's numbers, for `/spar points`. */
  public String describe() {
    return "Every graded answer earns the same in every mode (daily question, each interview step,"
        + " drill, competition question): "
        + participation
        + " points plus up to "
        + gradeBonusMax
        + " more scaled by the grade, so 100/100 earns "
        + points(100)
        + " and "
        + Math.max(junkBelow, 50)
        + "/100 earns "
        + points(Math.max(junkBelow, 50))
        + ". An answer graded under "
        + junkBelow
        + "/100 (a skip, a blank, `x`, `idk`, an echo of the question) earns nothing."
        + " An interview earns the sum of its answered steps once it is finished; a drill earns"
        + " its answer's points when you rate it. A daily answer that earns points adds "
        + streakBonusPerDay
        + " per day of your streak (at most "
        + streakBonusCap
        + "), and only such answers keep a streak going.";
  }
}
