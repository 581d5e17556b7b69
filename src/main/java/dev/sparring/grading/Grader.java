package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import java.util.List;

/** Grades a free-text answer against the key points of one question or follow-up. */
public interface Grader {

  Grade grade(String answer, List<KeyPoint> keyPoints);
}
