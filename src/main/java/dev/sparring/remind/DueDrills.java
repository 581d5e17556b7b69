package dev.sparring.remind;

import dev.sparring.core.Agenda;
import dev.sparring.core.Context;
import dev.sparring.store.Document;
import java.util.List;

/**
 * The drill cards due for a person, read from the drill's stored cards: documents of kind {@value
 * #CARD}, id {@code TEAM#USER#QUESTION}, due (in the store's due index) when the card is due. Read
 * through the store, not the drill package, which sits on this package's layer. The goal's plan for
 * the day is the drill's to say: a drill that implements {@link Agenda} adds it (and may then count
 * its due cards itself, in place of this).
 */
final class DueDrills implements Agenda {

  static final String CARD = "drill.card";

  /** Cards read per person at most: a count above it is shown as "more than". */
  static final int MAX_READ = 2_000;

  @Override
  public List<Item> today(Context ctx, Day day) {
    String prefix = day.team().key() + "#" + day.user().key() + "#";
    List<Document> cards = ctx.tx().documents().byPrefix(CARD, prefix, MAX_READ);
    long due =
        cards.stream().filter(d -> d.dueAt() != null && !d.dueAt().isAfter(ctx.now())).count();
    if (due == 0) {
      return List.of();
    }
    String count =
        (cards.size() >= MAX_READ ? "More than " + (due - 1) : Long.toString(due))
            + (due == 1 ? " drill card is" : " drill cards are");
    return List.of(
        new Item(10, "**" + count + " due for review.** `/spar drill` takes them in turn."));
  }
}
