package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import java.util.List;

/** The outcome of grading one answer. */
public record Grade(int score, List<KeyPoint> covered, List<KeyPoint> missed, String feedback) {
  public Grade {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0..100, was " + score);
    }
    covered = List.copyOf(covered);
    missed = List.copyOf(missed);
  }
}
