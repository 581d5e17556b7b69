package dev.sparring.bank;

import java.util.List;

/** One prompt of an interview (0 = the question, then the follow-ups) and its rubric. */
public record Step(int index, String prompt, List<KeyPoint> keyPoints) {
  public Step {
    keyPoints = List.copyOf(keyPoints);
  }
}
