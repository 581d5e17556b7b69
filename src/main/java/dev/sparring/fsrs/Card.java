package dev.sparring.fsrs;

import java.time.Instant;

/**
 * The FSRS state of one card: its {@link State} and learning {@code step} (the index into the
 * (re)learning steps), memory ({@code stability} in days, {@code difficulty} 1 to 10; both 0 while
 * new), how often it was reviewed and lapsed (forgotten in review), the days last scheduled, and
 * when it was last reviewed (null while new) and is due.
 */
public record Card(
    State state,
    int step,
    double stability,
    double difficulty,
    int reps,
    int lapses,
    int scheduledDays,
    Instant lastReview,
    Instant due) {

  /** A card never reviewed, due at {@code now}. */
  public static Card fresh(Instant now) {
    return new Card(State.NEW, 0, 0, 0, 0, 0, 0, null, now);
  }

  Card with(State s, int newStep, int days, Instant newDue) {
    return new Card(s, newStep, stability, difficulty, reps, lapses, days, lastReview, newDue);
  }

  Card withMemory(double s, double d) {
    return new Card(state, step, s, d, reps, lapses, scheduledDays, lastReview, due);
  }
}
