package dev.sparring.review;

import dev.sparring.core.Json;
import dev.sparring.fsrs.Memory;
import dev.sparring.fsrs.Parameters;
import dev.sparring.fsrs.State;
import dev.sparring.store.Document;
import dev.sparring.store.Store;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drill cards of earlier versions, scheduled by SM-2 ({@code ease}, {@code intervalDays}, ...), as
 * FSRS cards: every count and date is kept, and the memory is derived from the interval and ease as
 * fsrs-rs's {@code FSRS::memory_state_from_sm2} (src/inference.rs) derives it. A stored SM-2 card
 * reads as its conversion at once; {@link #migrate} rewrites them all once at start-up.
 */
public final class Sm2Cards {

  private static final Logger log = LoggerFactory.getLogger(Sm2Cards.class);

  /**
   * The retention SM-2 reviews are assumed to have run at (Anki's default; fsrs-rs asks for one).
   */
  static final double SM2_RETENTION = 0.9;

  private static final Memory MEMORY = new Memory(Parameters.defaults());
  private static final String SCOPE = "review";
  private static final String DONE = "sm2-migrated";
  private static final int BATCH = 200;

  private Sm2Cards() {}

  /** The SM-2 card as earlier versions stored it. */
  record Sm2Card(
      String questionId,
      double ease,
      int intervalDays,
      int reps,
      int lapses,
      int reviews,
      Instant lastReview,
      Instant due) {}

  /** The fields that tell the two shapes apart. */
  private record Shape(Double ease, String state) {}

  static boolean isSm2(String body) {
    Shape s = Json.read(body, Shape.class);
    return s.ease() != null && s.state() == null;
  }

  /**
   * The FSRS card for an SM-2 one: in review with the interval as its last scheduled gap, or, at
   * interval 0 (rated Again, back in ten minutes), relearning (learning if it never passed).
   */
  static ReviewCard convert(Sm2Card c) {
    double[] memory = MEMORY.fromSm2(Math.max(c.ease(), 1.3), c.intervalDays(), SM2_RETENTION);
    State state =
        c.reviews() == 0
            ? State.NEW
            : c.intervalDays() > 0
                ? State.REVIEW
                : c.reviews() > c.lapses() ? State.RELEARNING : State.LEARNING;
    boolean fresh = state == State.NEW;
    return new ReviewCard(
        c.questionId(),
        state,
        0,
        fresh ? 0 : memory[0],
        fresh ? 0 : memory[1],
        c.reviews(),
        c.lapses(),
        c.intervalDays(),
        c.lastReview(),
        c.due(),
        c.reviews(),
        null,
        List.of());
  }

  /**
   * Rewrites every stored SM-2 card as FSRS, once per store (a marker remembers it is done):
   * idempotent, and safe on several replicas (each card is rewritten only while still SM-2, by
   * compare-and-set). Returns how many cards this run converted.
   */
  public static int migrate(Store store, java.time.Clock clock) {
    if (store.transact(tx -> tx.kv().get(SCOPE, DONE)).isPresent()) {
      return 0;
    }
    List<String> ids =
        store.transact(
            tx ->
                tx.documents().byPrefix(ReviewCards.KIND, "", Integer.MAX_VALUE).stream()
                    .filter(d -> isSm2(d.body()))
                    .map(Document::id)
                    .toList());
    int converted = 0;
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      converted += store.transact(tx -> convertAll(tx, batch));
    }
    store.transact(
        tx -> {
          tx.kv().put(SCOPE, DONE, clock.instant().toString());
          return null;
        });
    if (converted > 0) {
      log.info("converted {} drill cards from SM-2 to FSRS", converted);
    }
    return converted;
  }

  private static int convertAll(dev.sparring.store.Tx tx, List<String> ids) {
    int n = 0;
    for (String id : ids) {
      Document d = tx.documents().get(ReviewCards.KIND, id).orElse(null);
      if (d != null && isSm2(d.body())) {
        ReviewCard card = convert(Json.read(d.body(), Sm2Card.class));
        if (tx.documents().compareAndSet(d.next(Json.write(card), card.due()), d.version())) {
          n++;
        }
      }
    }
    return n;
  }
}
