package dev.sparring.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The FSRS-6 scheduler, as ts-fsrs 5.4.2's {@code BasicScheduler} (short-term stability on) runs
 * it: a new card goes through the learning steps (Again back to the first, Hard repeats the step,
 * Good moves on or graduates, Easy graduates); in review, Hard, Good and Easy schedule the interval
 * at which recall falls to the desired retention (Hard no later than Good, Easy later than Good),
 * and Again lapses the card into the relearning steps. Elapsed time counts UTC calendar days.
 *
 * <p>One deliberate difference: the reference can push Good and Easy a day or two past the maximum
 * interval (to keep them after Hard); here no interval exceeds the maximum, as in Anki.
 */
public final class Fsrs {

  private final Parameters p;
  private final Memory memory;

  public Fsrs(Parameters parameters) {
    this.p = parameters;
    this.memory = new Memory(parameters);
  }

  public Parameters parameters() {
    return p;
  }

  public Memory memory() {
    return memory;
  }

  /**
   * {@code card} after a review rated {@code rating} at {@code now}; {@code cardId} seeds the fuzz
   * (with the review count, so each review of a card fuzzes its own way).
   */
  public Card review(Card card, Rating rating, Instant now, String cardId) {
    int elapsed =
        card.state() == State.NEW || card.lastReview() == null ? 0 : days(card.lastReview(), now);
    int reps = card.reps() + 1;
    String seed = cardId + reps;
    Card base =
        new Card(
            card.state(),
            card.step(),
            card.stability(),
            card.difficulty(),
            reps,
            card.lapses(),
            card.scheduledDays(),
            now,
            card.due());
    if (card.state() == State.REVIEW) {
      return reviewed(base, rating, elapsed, now, seed);
    }
    double[] m = memory.next(card.stability(), card.difficulty(), elapsed, rating);
    State to = card.state() == State.NEW ? State.LEARNING : card.state();
    return steps(base.withMemory(m[0], m[1]), card, rating, to, elapsed, now, seed);
  }

  /** A card in review: the four outcomes as the reference orders them, then the one rated. */
  private Card reviewed(Card base, Rating rating, int elapsed, Instant now, String seed) {
    double s = base.stability();
    double d = base.difficulty();
    if (rating == Rating.AGAIN) {
      double[] m = memory.next(s, d, elapsed, Rating.AGAIN);
      Card lapsed =
          steps(base.withMemory(m[0], m[1]), base, rating, State.RELEARNING, elapsed, now, seed);
      return new Card(
          lapsed.state(),
          lapsed.step(),
          lapsed.stability(),
          lapsed.difficulty(),
          lapsed.reps(),
          lapsed.lapses() + 1,
          lapsed.scheduledDays(),
          lapsed.lastReview(),
          lapsed.due());
    }
    double[] hard = memory.next(s, d, elapsed, Rating.HARD);
    double[] good = memory.next(s, d, elapsed, Rating.GOOD);
    double[] easy = memory.next(s, d, elapsed, Rating.EASY);
    int hardDays = interval(hard[0], elapsed, seed);
    int goodDays = interval(good[0], elapsed, seed);
    hardDays = Math.min(hardDays, goodDays);
    goodDays = Math.max(goodDays, hardDays + 1);
    int easyDays = Math.max(interval(easy[0], elapsed, seed), goodDays + 1);
    double[] m = rating == Rating.HARD ? hard : rating == Rating.GOOD ? good : easy;
    int chosen = rating == Rating.HARD ? hardDays : rating == Rating.GOOD ? goodDays : easyDays;
    chosen = Math.min(chosen, p.maximumInterval());
    return base.withMemory(m[0], m[1])
        .with(State.REVIEW, 0, chosen, now.plus(Duration.ofDays(chosen)));
  }

  /**
   * Applies the (re)learning steps of {@code before} to {@code next}: a step under a day keeps the
   * card in {@code to}; no step left (or none at all) graduates it to review.
   */
  private Card steps(
      Card next, Card before, Rating rating, State to, int elapsed, Instant now, String seed) {
    boolean relearn = before.state() == State.RELEARNING || before.state() == State.REVIEW;
    List<Duration> steps = relearn ? p.relearningSteps() : p.learningSteps();
    long minutes = 0;
    int nextStep = 0;
    int cur = before.step();
    if (!steps.isEmpty() && cur < steps.size()) {
      if (before.state() == State.REVIEW) {
        if (rating == Rating.AGAIN) {
          minutes = steps.get(Math.max(0, cur)).toMinutes();
        }
      } else if (rating == Rating.AGAIN) {
        minutes = steps.get(0).toMinutes();
      } else if (rating == Rating.HARD) {
        minutes = hardMinutes(steps);
        nextStep = cur;
      } else if (rating == Rating.GOOD && cur + 1 < steps.size()) {
        minutes = steps.get(cur + 1).toMinutes();
        nextStep = cur + 1;
      }
    }
    if (minutes > 0 && minutes < 1440) {
      return next.with(to, nextStep, 0, now.plus(Duration.ofMinutes(minutes)));
    }
    if (minutes >= 1440) {
      return next.with(
          State.REVIEW, nextStep, (int) (minutes / 1440), now.plus(Duration.ofMinutes(minutes)));
    }
    int days = Math.min(interval(next.stability(), elapsed, seed), p.maximumInterval());
    return next.with(State.REVIEW, 0, days, now.plus(Duration.ofDays(days)));
  }

  /** Hard in a step: half-way between the first two steps, or 1.5 times the only one. */
  private static long hardMinutes(List<Duration> steps) {
    long first = steps.get(0).toMinutes();
    return steps.size() == 1
        ? Math.round(first * 1.5)
        : Math.round((first + steps.get(1).toMinutes()) / 2.0);
  }

  /** The whole days at which recall of {@code stability} falls to the desired retention, fuzzed. */
  private int interval(double stability, int elapsed, String seed) {
    int days = intervalDays(stability);
    return p.fuzz() ? Fuzz.apply(days, elapsed, p.maximumInterval(), seed) : days;
  }

  /**
   * The interval for a memory of {@code stability} at the desired retention: whole days, at least
   * one, at most the maximum (not fuzzed).
   */
  public int intervalDays(double stability) {
    long days = Math.round(stability * memory.modifier(p.desiredRetention()));
    return (int) Math.min(Math.max(1, days), p.maximumInterval());
  }

  /**
   * The retrievability of {@code card} at {@code at} as the reference reports it (whole days since
   * the last review; 0 for a new card).
   */
  public double retrievability(Card card, Instant at) {
    if (card.state() == State.NEW || card.lastReview() == null) {
      return 0;
    }
    long days = Math.max(0, Duration.between(card.lastReview(), at).toDays());
    return memory.retrievability(days, card.stability());
  }

  /** The retrievability of {@code card} at {@code at}, in fractional days (0 for a new card). */
  public double recall(Card card, Instant at) {
    if (card.state() == State.NEW || card.lastReview() == null) {
      return 0;
    }
    double days = Math.max(0, Duration.between(card.lastReview(), at).toSeconds() / 86400.0);
    return memory.retrievability(days, card.stability());
  }

  /** UTC calendar days from {@code from} to {@code to}. */
  static int days(Instant from, Instant to) {
    return (int)
        ChronoUnit.DAYS.between(
            from.atOffset(ZoneOffset.UTC).toLocalDate(), to.atOffset(ZoneOffset.UTC).toLocalDate());
  }
}
