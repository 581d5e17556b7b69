package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import java.util.List;

/**
 * The outcome of grading one answer. Contradicted key points are also among the missed ones; each
 * comes with the clause of the answer that contradicts it.
 */
public record Grade(
    int score,
    List<KeyPoint> covered,
    List<KeyPoint> missed,
    String feedback,
    List<Contradiction> contradicted) {
  public Grade {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0..100, was " + score);
    }
    covered = List.copyOf(covered);
    missed = List.copyOf(missed);
    contradicted = List.copyOf(contradicted);
  }

  public Grade(int score, List<KeyPoint> covered, List<KeyPoint> missed, String feedback) {
    this(score, covered, missed, feedback, List.of());
  }

  /**
   * How a message shows a key point that was not covered: the point, or what the answer said
   * against it.
   */
  public String missedLine(KeyPoint point) {
    for (Contradiction c : contradicted) {
      if (c.point().equals(point)) {
        return c.line();
      }
    }
    return point.shown();
  }
}
