package dev.sparring.drill;

import java.time.Duration;
import java.time.Instant;

/**
 * SM-2 spaced repetition with Anki's four ratings. A card's interval grows by its ease factor on
 * each successful review; "Again" resets it (and brings the card back in ten minutes), "Hard" grows
 * it slowly and lowers the ease, "Easy" grows it faster and raises the ease.
 */
public final class Sm2 {

  static final double MIN_EASE = 1.3;
  static final double START_EASE = 2.5;
  static final Duration RELEARN = Duration.ofMinutes(10);

  private Sm2() {}

  /** Self-ratings, from worst to best. */
  public enum Rating {
    AGAIN,
    HARD,
    GOOD,
    EASY;

    public String label() {
      return name().charAt(0) + name().substring(1).toLowerCase();
    }

    /** The rating the grade suggests: under 40 Again, under 60 Hard, under 85 Good, else Easy. */
    public static Rating suggest(int score) {
      return score < 40 ? AGAIN : score < 60 ? HARD : score < 85 ? GOOD : EASY;
    }
  }

  /** The scheduling state of one question for one person. */
  public record Card(
      String questionId,
      double ease,
      int intervalDays,
      int reps,
      int lapses,
      int reviews,
      Instant lastReview,
      Instant due) {

    public static Card fresh(String questionId, Instant now) {
      return new Card(questionId, START_EASE, 0, 0, 0, 0, null, now);
    }
  }

  /** The card after a review rated {@code rating} at {@code now}. */
  public static Card review(Card c, Rating rating, Instant now) {
    double ease = c.ease();
    int interval;
    int reps = c.reps();
    int lapses = c.lapses();
    Instant due;
    switch (rating) {
      case AGAIN -> {
        ease = Math.max(MIN_EASE, ease - 0.2);
        interval = 0;
        reps = 0;
        lapses++;
        due = now.plus(RELEARN);
      }
      case HARD -> {
        ease = Math.max(MIN_EASE, ease - 0.15);
        interval =
            reps == 0
                ? 1
                : Math.max(c.intervalDays() + 1, (int) Math.round(c.intervalDays() * 1.2));
        reps++;
        due = now.plus(Duration.ofDays(interval));
      }
      case GOOD -> {
        interval = reps == 0 ? 1 : reps == 1 ? 3 : (int) Math.round(c.intervalDays() * ease);
        interval = Math.max(interval, c.intervalDays() + 1);
        reps++;
        due = now.plus(Duration.ofDays(interval));
      }
      default -> {
        ease = ease + 0.15;
        int good = reps == 0 ? 1 : reps == 1 ? 3 : (int) Math.round(c.intervalDays() * c.ease());
        interval = Math.max(reps == 0 ? 4 : (int) Math.round(good * 1.3), good + 1);
        reps++;
        due = now.plus(Duration.ofDays(interval));
      }
    }
    return new Card(c.questionId(), ease, interval, reps, lapses, c.reviews() + 1, now, due);
  }
}
