package dev.sparring.compete;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Point rules and season length, from config ({@code scoring.*}, {@code seasons.*}).
 *
 * @param participation points for answering a daily or competition question
 * @param gradeBonusMax extra points for a perfect grade (scaled by the score)
 * @param streakBonusPerDay extra points per day of an ongoing streak
 * @param streakBonusCap the most a streak can add to one answer
 * @param interviewCompletion points for finishing a mock interview
 * @param drillReview points for a rated drill review
 * @param seasonLength a fixed length, or null for calendar months
 * @param seasonZone the zone in which calendar seasons start
 */
public record ScoringRules(
    int participation,
    int gradeBonusMax,
    int streakBonusPerDay,
    int streakBonusCap,
    int interviewCompletion,
    int drillReview,
    Duration seasonLength,
    ZoneId seasonZone) {

  public static ScoringRules defaults() {
    return new ScoringRules(10, 10, 2, 10, 20, 2, null, ZoneId.of("UTC"));
  }

  /** Participation, plus the grade bonus, plus the streak bonus. */
  public int answerPoints(int score, int streak) {
    int grade = Math.round(gradeBonusMax * score / 100f);
    int bonus = Math.min(streakBonusCap, streakBonusPerDay * Math.max(0, streak - 1));
    return participation + grade + bonus;
  }
}
