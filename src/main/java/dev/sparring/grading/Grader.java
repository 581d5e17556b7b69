package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Step;
import java.util.List;

/** Grades a free-text answer against the key points of one question or follow-up. */
public interface Grader {

  /** The grade of {@code answer} against these key points, the question unknown. */
  Grade grade(String answer, List<KeyPoint> keyPoints);

  /**
   * The grade of {@code answer} to this step: its key points, and its prompt, whose own words
   * repeated back are no evidence of knowing anything.
   */
  default Grade grade(String answer, Step step) {
    return grade(answer, step.keyPoints());
  }
}
