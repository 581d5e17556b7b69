package dev.sparring.feedback;

import dev.sparring.bank.KeyPoint;
import java.util.List;

/**
 * A graded answer as a dispute sees it: {@code ref} names it ("iv:CONVERSATION:STEP"), {@code user}
 * is who gave it (the only one who may dispute it), read from the store, never from a button.
 */
public record DisputeSubject(
    String ref,
    String team,
    String channel,
    String user,
    String questionId,
    int step,
    List<KeyPoint> keyPoints,
    String answer) {
  public DisputeSubject {
    keyPoints = List.copyOf(keyPoints);
  }

  /** "question" or "follow-up N". */
  public String stepName() {
    return step == 0 ? "question" : "follow-up " + step;
  }
}
