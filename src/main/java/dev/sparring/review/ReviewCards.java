package dev.sparring.review;

import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored cards: one {@code drill.card} document per person and question, id {@code
 * TEAM#USER#QUESTION}, holding a {@link ReviewCard} as JSON and due when the card is. A document
 * still in the SM-2 shape of earlier versions reads as its FSRS conversion ({@link Sm2Cards}).
 */
public final class ReviewCards {

  /** The stored kind (the drill's, since drills made the first cards). */
  public static final String KIND = "drill.card";

  private ReviewCards() {}

  /** The document id of {@code user}'s card for {@code questionId} in {@code team}. */
  public static String id(String team, String user, String questionId) {
    return prefix(team, user) + questionId;
  }

  private static String prefix(String team, String user) {
    return team + "#" + user + "#";
  }

  /** The person's cards by question id. */
  public static Map<String, ReviewCard> of(Tx tx, String team, String user) {
    Map<String, ReviewCard> out = new LinkedHashMap<>();
    for (Document d : tx.documents().byPrefix(KIND, prefix(team, user), 100_000)) {
      ReviewCard c = read(d.body());
      out.putIfAbsent(c.questionId(), c);
    }
    return out;
  }

  /** The person's card for {@code questionId}, if they have one. */
  public static Optional<ReviewCard> get(Tx tx, String team, String user, String questionId) {
    return tx.documents().get(KIND, id(team, user, questionId)).map(d -> read(d.body()));
  }

  /** Stores {@code card} for the person, due when it is due. */
  public static void save(Tx tx, String team, String user, ReviewCard card) {
    String id = id(team, user, card.questionId());
    Optional<Document> doc = tx.documents().get(KIND, id);
    tx.documents().put(Document.saved(doc, KIND, id, team, Json.write(card), card.due()));
  }

  /** A stored card: FSRS, or converted from SM-2. */
  static ReviewCard read(String body) {
    return Sm2Cards.isSm2(body)
        ? Sm2Cards.convert(Json.read(body, Sm2Cards.Sm2Card.class))
        : Json.read(body, ReviewCard.class);
  }
}
