package dev.sparring.review;

import java.time.Instant;

/**
 * One key point a person missed (or contradicted) in an answer to a question: the step it belongs
 * to (0 the question, then its follow-ups) and its position there, its text as it was, how often it
 * was missed, when last and where ({@code daily}, {@code interview}, {@code compete}, {@code
 * drill}).
 */
public record MissedPoint(
    int step,
    int index,
    String point,
    boolean contradicted,
    int times,
    Instant last,
    String source) {

  /** Whether this is the same key point as {@code step}, {@code index}. */
  boolean is(int otherStep, int otherIndex) {
    return step == otherStep && index == otherIndex;
  }
}
