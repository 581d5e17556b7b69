package dev.sparring.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A person contesting the grade of one of their answers: which answer ({@code answerRef}, e.g. an
 * interview step), which key point ({@code pointNo} 1.. in the step's order, 0 for the score
 * overall, with the point's text as it was), the answer, and why. {@code answer} and {@code reason}
 * are text from a person: data, never markup.
 */
public record Dispute(
    String team,
    String channel,
    String user,
    String answerRef,
    String questionId,
    int step,
    int pointNo,
    String keyPoint,
    String answer,
    String reason,
    Instant at) {

  /** The longest reason kept. */
  public static final int MAX_REASON = 500;

  public Dispute {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(answerRef, "answerRef");
    Objects.requireNonNull(questionId, "questionId");
    Objects.requireNonNull(at, "at");
    keyPoint = keyPoint == null ? "" : keyPoint;
    answer = answer == null ? "" : answer;
    reason = reason == null ? "" : reason;
  }

  /** Whether it contests the score as a whole rather than one key point. */
  public boolean overall() {
    return pointNo == 0;
  }
}
