package dev.sparring.drill;

import dev.sparring.core.Context;
import dev.sparring.fsrs.Card;
import dev.sparring.fsrs.Fsrs;
import dev.sparring.fsrs.Rating;
import dev.sparring.review.ReviewCard;
import dev.sparring.review.ReviewCards;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A person's drill cards ({@link ReviewCards}), and one rated review scheduled by FSRS. */
final class DrillCards {

  private DrillCards() {}

  /** The person's cards by question id. */
  static Map<String, ReviewCard> of(Context ctx, String team, String user) {
    return ReviewCards.of(ctx.tx(), team, user);
  }

  /**
   * Reviews the person's card for {@code questionId} (a new one if none) with {@code fsrs}, lets
   * {@code adjust} move its next review (a goal), and stores it. The card's id seeds the interval
   * fuzz, so replicas agree on the day.
   */
  static ReviewCard review(
      Context ctx,
      Fsrs fsrs,
      String team,
      String user,
      String questionId,
      Rating rating,
      UnaryOperator<ReviewCard> adjust) {
    ReviewCard before =
        ReviewCards.get(ctx.tx(), team, user, questionId)
            .orElse(ReviewCard.fresh(questionId, ctx.now()));
    Card after =
        fsrs.review(before.fsrs(), rating, ctx.now(), ReviewCards.id(team, user, questionId));
    ReviewCard card = adjust.apply(before.reviewed(after));
    ReviewCards.save(ctx.tx(), team, user, card);
    return card;
  }
}
