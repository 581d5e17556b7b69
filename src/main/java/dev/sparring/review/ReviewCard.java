package dev.sparring.review;

import dev.sparring.fsrs.Card;
import dev.sparring.fsrs.State;
import java.time.Instant;
import java.util.List;

/**
 * One person's card for one question: its FSRS state (state, learning step, stability, difficulty,
 * reps, lapses, days last scheduled, last review, due), the history counters (ratings given, when
 * first drilled) and the key points missed and not yet covered again.
 */
public record ReviewCard(
    String questionId,
    State state,
    int step,
    double stability,
    double difficulty,
    int reps,
    int lapses,
    int scheduledDays,
    Instant lastReview,
    Instant due,
    int reviews,
    Instant firstReview,
    List<MissedPoint> missed) {

  public ReviewCard {
    state = state == null ? State.NEW : state;
    missed = List.copyOf(missed == null ? List.of() : missed);
  }

  /** A card for a question never drilled, due at {@code due}. */
  public static ReviewCard fresh(String questionId, Instant due) {
    return new ReviewCard(questionId, State.NEW, 0, 0, 0, 0, 0, 0, null, due, 0, null, List.of());
  }

  /** The card's FSRS state. */
  public Card fsrs() {
    return new Card(
        state, step, stability, difficulty, reps, lapses, scheduledDays, lastReview, due);
  }

  /** This card after a rated review that left FSRS state {@code c}. */
  public ReviewCard reviewed(Card c) {
    return new ReviewCard(
        questionId,
        c.state(),
        c.step(),
        c.stability(),
        c.difficulty(),
        c.reps(),
        c.lapses(),
        c.scheduledDays(),
        c.lastReview(),
        c.due(),
        reviews + 1,
        firstReview == null ? c.lastReview() : firstReview,
        missed);
  }

  /** Whether the person has ever rated a drill of this question. */
  public boolean seen() {
    return state != State.NEW;
  }

  public ReviewCard withDue(Instant at) {
    return new ReviewCard(
        questionId,
        state,
        step,
        stability,
        difficulty,
        reps,
        lapses,
        scheduledDays,
        lastReview,
        at,
        reviews,
        firstReview,
        missed);
  }

  public ReviewCard withMissed(List<MissedPoint> points) {
    return new ReviewCard(
        questionId,
        state,
        step,
        stability,
        difficulty,
        reps,
        lapses,
        scheduledDays,
        lastReview,
        due,
        reviews,
        firstReview,
        points);
  }
}
