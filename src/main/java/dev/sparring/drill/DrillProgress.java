package dev.sparring.drill;

import dev.sparring.chat.Message;
import dev.sparring.drill.Sm2.Card;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/**
 * A person's drill progress from their cards: the short section of their home view and the {@code
 * /spar drill stats} report (cards, due reviews, retention, typical gap, next review).
 */
final class DrillProgress {

  static final String NO_CARDS =
      "No drills yet. Start with `/spar drill` (or `/spar drill cold-starts`).";

  private DrillProgress() {}

  /** The home view's "Drills" section. */
  static Message home(Collection<Card> cards, Instant now) {
    long due = due(cards, now);
    return Message.of(
        "Drills",
        cards.isEmpty()
            ? "No drills yet: `/spar drill` serves one question, then spaced repetition."
            : due
                + (due == 1 ? " review" : " reviews")
                + " due now, "
                + cards.size()
                + " cards in all. `/spar drill` to practise.");
  }

  /** The stats of at least one card, out of the {@code questions} in the bank. */
  static Message stats(Collection<Card> cards, int questions, Instant now) {
    long due = due(cards, now);
    long learned = cards.stream().filter(c -> c.intervalDays() >= 21).count();
    int reviews = cards.stream().mapToInt(Card::reviews).sum();
    int lapses = cards.stream().mapToInt(Card::lapses).sum();
    double ease = cards.stream().mapToDouble(Card::ease).average().orElse(Sm2.START_EASE);
    int[] gaps = cards.stream().mapToInt(Card::intervalDays).sorted().toArray();
    int typical = gaps[gaps.length / 2];
    Instant next =
        cards.stream()
            .map(Card::due)
            .filter(d -> d.isAfter(now))
            .min(Comparator.naturalOrder())
            .orElse(null);
    String body =
        String.format(
            Locale.ROOT,
            "**Cards:** %d of %d questions (%d mature, interval 21 days or more)%n"
                + "**Due now:** %d%n**Reviews:** %d, retention %d%%%n"
                + "**Typical gap before the next review:** %s (each Good rating stretches it"
                + " about %.1f\u00d7)%n"
                + "**Next review:** %s",
            cards.size(),
            questions,
            learned,
            due,
            reviews,
            reviews == 0 ? 100 : Math.round(100.0 * (reviews - lapses) / reviews),
            typical == 0 ? "under a day" : typical + (typical == 1 ? " day" : " days"),
            ease,
            next == null ? (due > 0 ? "now" : "none") : DrillTexts.when(now, next));
    return Message.of("Your drills", body);
  }

  private static long due(Collection<Card> cards, Instant now) {
    return cards.stream().filter(c -> !c.due().isAfter(now)).count();
  }
}
