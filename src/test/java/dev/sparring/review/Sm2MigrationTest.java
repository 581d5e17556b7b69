package dev.sparring.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sparring.fsrs.Fsrs;
import dev.sparring.fsrs.Parameters;
import dev.sparring.fsrs.Rating;
import dev.sparring.fsrs.State;
import dev.sparring.store.Document;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.store.memory.MemoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drill cards stored by SM-2 become FSRS cards: on read, and once for all at start-up. */
class Sm2MigrationTest {

  private static final Instant LAST = Instant.parse("2026-02-20T09:00:00Z");
  private static final Instant DUE = Instant.parse("2026-03-12T09:00:00Z");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  /** The JSON SM-2 drill cards were stored as. */
  private static String sm2(
      String q, double ease, int interval, int reps, int lapses, int reviews, Instant due) {
    return "{\"questionId\":\""
        + q
        + "\",\"ease\":"
        + ease
        + ",\"intervalDays\":"
        + interval
        + ",\"reps\":"
        + reps
        + ",\"lapses\":"
        + lapses
        + ",\"reviews\":"
        + reviews
        + ",\"lastReview\":\""
        + LAST
        + "\",\"due\":\""
        + due
        + "\"}";
  }

  private static void seed(Store store) {
    store.transact(
        tx -> {
          tx.documents()
              .put(
                  Document.create(
                      ReviewCards.KIND,
                      "T1#ana#demo-senior",
                      "T1",
                      sm2("demo-senior", 2.5, 20, 4, 1, 6, DUE),
                      DUE));
          tx.documents()
              .put(
                  Document.create(
                      ReviewCards.KIND,
                      "T1#ana#demo-basic",
                      "T1",
                      sm2("demo-basic", 2.3, 0, 0, 2, 3, LAST.plusSeconds(600)),
                      LAST.plusSeconds(600)));
          tx.documents()
              .put(
                  Document.create(
                      ReviewCards.KIND,
                      "T2#bo#demo-basic",
                      "T2",
                      sm2("demo-basic", 1.3, 0, 0, 1, 1, LAST.plusSeconds(600)),
                      LAST.plusSeconds(600)));
          return null;
        });
  }

  private static Map<String, String> bodies(Store store) {
    return store.transact(
        tx -> {
          Map<String, String> out = new java.util.TreeMap<>();
          tx.documents()
              .byPrefix(ReviewCards.KIND, "", 100)
              .forEach(d -> out.put(d.id(), d.body() + "@" + d.dueAt() + "#" + d.version()));
          return out;
        });
  }

  @Test
  void onTheMemoryStore() {
    migrates(new MemoryStore());
  }

  @Test
  void onSqlite() {
    try (Store store =
        SqliteStore.open(dir.resolve("sparring.db"), SqliteStore.Durability.NORMAL)) {
      migrates(store);
    }
    // Reopened, the cards are FSRS and the migration finds nothing more to do.
    try (Store store =
        SqliteStore.open(dir.resolve("sparring.db"), SqliteStore.Durability.NORMAL)) {
      Map<String, String> before = bodies(store);
      assertThat(Sm2Cards.migrate(store, CLOCK)).isZero();
      assertThat(bodies(store)).isEqualTo(before);
      assertThat(before.values()).noneMatch(b -> b.contains("\"ease\""));
    }
  }

  private void migrates(Store store) {
    seed(store);
    // An old document reads as FSRS before any migration ran.
    ReviewCard read =
        store.transact(tx -> ReviewCards.get(tx, "T1", "ana", "demo-senior")).orElseThrow();
    assertThat(read.state()).isEqualTo(State.REVIEW);
    assertThat(read.stability()).isCloseTo(20.0, within(1e-6));

    assertThat(Sm2Cards.migrate(store, CLOCK)).isEqualTo(3);
    Map<String, String> once = bodies(store);
    assertThat(once.values()).noneMatch(b -> b.contains("\"ease\""));

    Map<String, ReviewCard> cards = store.transact(tx -> ReviewCards.of(tx, "T1", "ana"));
    ReviewCard senior = cards.get("demo-senior");
    assertThat(senior).isEqualTo(read);
    assertThat(senior.due()).isEqualTo(DUE);
    assertThat(senior.lastReview()).isEqualTo(LAST);
    assertThat(senior.reviews()).isEqualTo(6);
    assertThat(senior.lapses()).isEqualTo(1);
    assertThat(senior.reps()).isEqualTo(6);
    assertThat(senior.scheduledDays()).isEqualTo(20);
    // fsrs-rs memory_state_from_sm2: at 90% the stability is the interval, and the difficulty is
    // the one at which a Good review on time grows it by the ease.
    double[] expected = new dev.sparring.fsrs.Memory(Parameters.defaults()).fromSm2(2.5, 20, 0.9);
    assertThat(senior.difficulty()).isCloseTo(expected[1], within(1e-9)).isBetween(1.0, 10.0);
    ReviewCard basic = cards.get("demo-basic");
    assertThat(basic.state()).as("rated Again last, passed before").isEqualTo(State.RELEARNING);
    assertThat(basic.due()).isEqualTo(LAST.plusSeconds(600));
    assertThat(basic.lapses()).isEqualTo(2);
    assertThat(basic.reviews()).isEqualTo(3);
    ReviewCard never =
        store.transact(tx -> ReviewCards.get(tx, "T2", "bo", "demo-basic")).orElseThrow();
    assertThat(never.state()).as("never passed").isEqualTo(State.LEARNING);
    // The due date is also the document's, for anything that finds cards by due time.
    List<Document> due = store.transact(tx -> tx.documents().due(ReviewCards.KIND, DUE, 10));
    assertThat(due)
        .extracting(Document::id)
        .containsExactly("T1#ana#demo-basic", "T2#bo#demo-basic", "T1#ana#demo-senior");

    // A second run changes nothing, marker or not.
    assertThat(Sm2Cards.migrate(store, CLOCK)).isZero();
    assertThat(bodies(store)).isEqualTo(once);
    store.transact(tx -> tx.kv().delete("review", "sm2-migrated"));
    assertThat(Sm2Cards.migrate(store, CLOCK)).isZero();
    assertThat(bodies(store)).isEqualTo(once);

    // The converted card goes on with FSRS: a Good review on time grows it by about its ease.
    Fsrs fsrs = new Fsrs(Parameters.defaults().withFuzz(false));
    dev.sparring.fsrs.Card next = fsrs.review(senior.fsrs(), Rating.GOOD, DUE, "x");
    assertThat(next.scheduledDays()).isBetween(45, 55);
    assertThat(next.reps()).isEqualTo(7);
    assertThat(senior.reviewed(next).reviews()).isEqualTo(7);
    assertThat(senior.reviewed(next).missed()).isEqualTo(List.of());
  }
}
