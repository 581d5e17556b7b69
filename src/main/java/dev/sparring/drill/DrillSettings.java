package dev.sparring.drill;

import dev.sparring.fsrs.Fsrs;
import dev.sparring.fsrs.Parameters;

/**
 * Drill tuning from config ({@code drill.*}): the desired retention FSRS schedules reviews at (the
 * chance of recalling a card when it comes back), the longest gap between two reviews, and how many
 * cards a day an interview-date goal may plan.
 */
public record DrillSettings(double retention, int maxIntervalDays, int goalDailyCap) {

  /** The retention range accepted: below it reviews come too rarely to help, above it too often. */
  public static final double MIN_RETENTION = 0.7;

  public static final double MAX_RETENTION = 0.97;

  public DrillSettings {
    if (!(retention >= MIN_RETENTION && retention <= MAX_RETENTION)) {
      throw new IllegalArgumentException(
          "drill.retention must be between 0.7 and 0.97 (got " + retention + ")");
    }
    if (maxIntervalDays < 1 || maxIntervalDays > 36500) {
      throw new IllegalArgumentException("drill.maxIntervalDays must be between 1 and 36500");
    }
    if (goalDailyCap < 1 || goalDailyCap > 1000) {
      throw new IllegalArgumentException("drill.goalDailyCap must be between 1 and 1000");
    }
  }

  public static DrillSettings defaults() {
    return new DrillSettings(0.9, 365, 20);
  }

  /** The scheduler these settings make: FSRS-6 defaults, ten-minute (re)learning steps, fuzz. */
  Fsrs scheduler() {
    return new Fsrs(
        Parameters.defaults().withRetention(retention).withMaximumInterval(maxIntervalDays));
  }
}
