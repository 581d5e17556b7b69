package dev.sparring.drill;

import dev.sparring.core.Context;
import dev.sparring.core.Json;
import dev.sparring.drill.Sm2.Card;
import dev.sparring.drill.Sm2.Rating;
import dev.sparring.store.Document;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stored drill cards: one {@code drill.card} document per person and question, id {@code
 * TEAM#USER#QUESTION}, holding the {@link Card} as JSON and expiring when it is due.
 */
final class DrillCards {

  static final String CARD = "drill.card";

  private DrillCards() {}

  private static String prefix(String team, String user) {
    return team + "#" + user + "#";
  }

  /** The person's cards by question id. */
  static Map<String, Card> of(Context ctx, String team, String user) {
    return ctx.tx().documents().byPrefix(CARD, prefix(team, user), 100_000).stream()
        .map(d -> Json.read(d.body(), Card.class))
        .collect(Collectors.toMap(Card::questionId, Function.identity(), (a, b) -> a));
  }

  /** Reviews the person's card for {@code questionId} (a fresh one if none) and stores it. */
  static Card review(Context ctx, String team, String user, String questionId, Rating rating) {
    String id = prefix(team, user) + questionId;
    Optional<Document> doc = ctx.tx().documents().get(CARD, id);
    Card before =
        doc.map(d -> Json.read(d.body(), Card.class)).orElse(Card.fresh(questionId, ctx.now()));
    Card after = Sm2.review(before, rating, ctx.now());
    String body = Json.write(after);
    ctx.tx().documents().put(Document.saved(doc, CARD, id, team, body, after.due()));
    return after;
  }
}
