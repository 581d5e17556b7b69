package dev.sparring.interview;

import java.time.Duration;

/** Interview tuning from config ({@code interview.*}). */
public record InterviewSettings(Duration idleTimeout, int maxAnswerChars) {
  public InterviewSettings {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("interview.idleTimeout must be positive");
    }
    if (maxAnswerChars < 100) {
      throw new IllegalArgumentException("interview.maxAnswerChars must be at least 100");
    }
  }

  public static InterviewSettings defaults() {
    return new InterviewSettings(Duration.ofHours(24), 4000);
  }
}
