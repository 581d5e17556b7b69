package dev.sparring.drill;

import dev.sparring.chat.Message;
import dev.sparring.fsrs.Fsrs;
import dev.sparring.review.ReviewCard;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/**
 * A person's drill progress from their cards: the short section of their home view and the {@code
 * /spar drill stats} report (cards, due reviews, retention, typical gap, recall, next review).
 */
final class DrillProgress {

  static final String NO_CARDS =
      "No drills yet. Start with `/spar drill` (or `/spar drill cold-starts`).";

  private DrillProgress() {}

  /** The home view's "Drills" section ({@code goal}: the goal's line, or empty). */
  static Message home(Collection<ReviewCard> cards, Instant now, String goal) {
    long due = due(cards, now);
    return Message.of(
        "Drills",
        (cards.isEmpty()
                ? "No drills yet: `/spar drill` serves one question, then spaced repetition."
                : due
                    + (due == 1 ? " review" : " reviews")
                    + " due now, "
                    + cards.size()
                    + " cards in all. `/spar drill` to practise.")
            + goal);
  }

  /** The stats of at least one card, out of the {@code questions} in the bank. */
  static Message stats(Collection<ReviewCard> cards, int questions, Fsrs fsrs, Instant now) {
    long due = due(cards, now);
    long mature = cards.stream().filter(c -> c.scheduledDays() >= 21).count();
    int reviews = cards.stream().mapToInt(ReviewCard::reviews).sum();
    int lapses = cards.stream().mapToInt(ReviewCard::lapses).sum();
    int[] gaps = cards.stream().mapToInt(ReviewCard::scheduledDays).sorted().toArray();
    int typical = gaps[gaps.length / 2];
    double recall =
        cards.stream()
            .filter(ReviewCard::seen)
            .mapToDouble(c -> fsrs.recall(c.fsrs(), now))
            .average()
            .orElse(0);
    long weak = cards.stream().filter(c -> !c.missed().isEmpty()).count();
    Instant next =
        cards.stream()
            .map(ReviewCard::due)
            .filter(d -> d.isAfter(now))
            .min(Comparator.naturalOrder())
            .orElse(null);
    String body =
        String.format(
            Locale.ROOT,
            "**Cards:** %d of %d questions (%d mature, interval 21 days or more)%n"
                + "**Due now:** %d%n**Reviews:** %d, retention %d%%%n"
                + "**Typical gap before the next review:** %s%n"
                + "**Recall now:** %d%% on average (reviews come when it falls to %d%%)%n"
                + "**Weak points:** %s%n"
                + "**Next review:** %s",
            cards.size(),
            questions,
            mature,
            due,
            reviews,
            reviews == 0 ? 100 : Math.round(100.0 * (reviews - lapses) / reviews),
            typical == 0 ? "under a day" : typical + (typical == 1 ? " day" : " days"),
            Math.round(100 * recall),
            Math.round(100 * fsrs.parameters().desiredRetention()),
            weak == 0
                ? "none on record"
                : weak + (weak == 1 ? " question" : " questions") + " (`/spar drill weak`)",
            next == null ? (due > 0 ? "now" : "none") : DrillTexts.when(now, next));
    return Message.of("Your drills", body);
  }

  private static long due(Collection<ReviewCard> cards, Instant now) {
    return cards.stream().filter(c -> !c.due().isAfter(now)).count();
  }
}
