package dev.sparring.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.core.Context;
import dev.sparring.core.Effects;
import dev.sparring.fsrs.Fsrs;
import dev.sparring.fsrs.Parameters;
import dev.sparring.fsrs.State;
import dev.sparring.grading.Grade;
import dev.sparring.grading.RubricGrader;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Missed key points on a person's cards: merged per point, cleared when covered, weakest first. */
class ReviewsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private final Question basic = TestPacks.demo().get("demo-basic").orElseThrow();
  private final RubricGrader grader = new RubricGrader();

  private <T> T at(Instant now, Function<Context, T> work) {
    return store.transact(tx -> work.apply(new Context(tx, new Effects(), now, Set.of())));
  }

  private Reviews.Outcome answer(Instant now, String text) {
    Grade g = grader.grade(text, basic.keyPoints());
    return at(now, ctx -> Reviews.missed(ctx, "T1", "ana", basic, 0, g, text, Reviews.DAILY));
  }

  private java.util.Optional<ReviewCard> find() {
    return store.transact(tx -> ReviewCards.get(tx, "T1", "ana", "demo-basic"));
  }

  private ReviewCard card() {
    return find().orElseThrow();
  }

  @Test
  void missingAPointTwiceKeepsOneEntryAndCoveringItClearsIt() {
    answer(T0, "A queue decouples producers from consumers, that is the whole point of it.");
    ReviewCard first = card();
    assertThat(first.state()).isEqualTo(State.NEW);
    assertThat(first.due()).isEqualTo(T0);
    assertThat(first.missed())
        .extracting(MissedPoint::index, MissedPoint::times, MissedPoint::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 1, "daily"),
            org.assertj.core.groups.Tuple.tuple(2, 1, "daily"),
            org.assertj.core.groups.Tuple.tuple(3, 1, "daily"));

    Instant later = T0.plus(Duration.ofDays(3));
    Reviews.Outcome o =
        answer(later, "It absorbs a burst of load and decouples the two sides nicely.");
    assertThat(o.cleared())
        .extracting(MissedPoint::point)
        .containsExactly("It absorbs bursts of load.");
    assertThat(card().missed())
        .extracting(MissedPoint::index, MissedPoint::times)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, 2), org.assertj.core.groups.Tuple.tuple(3, 2));
    assertThat(card().missed()).allSatisfy(m -> assertThat(m.last()).isEqualTo(later));
    // A contradiction is remembered as one.
    answer(
        later,
        "Retries are optional anyway; a queue decouples producers from consumers, for loose"
            + " coupling.");
    assertThat(card().missed().stream().filter(MissedPoint::contradicted))
        .extracting(MissedPoint::point)
        .containsExactly("Consumers can retry failed messages.");

    // Covering everything clears the card's weak points; the card stays.
    Reviews.Outcome all =
        answer(
            later,
            "It decouples producers and consumers, absorbs bursts, retries, and persists messages durably.");
    assertThat(all.cleared()).hasSize(3);
    assertThat(card().missed()).isEmpty();
  }

  @Test
  void aSkipOrABlankRecordsNothingAndACompleteAnswerMakesNoCard() {
    for (String skip : List.of("", "skip", "idk", "x", "I don't know this one sorry", "no idea")) {
      Grade g = grader.grade(skip, basic.keyPoints());
      assertThat(Reviews.attempted(skip, g)).as(skip).isFalse();
      answer(T0, skip);
    }
    answer(
        T0,
        "It decouples producers and consumers, absorbs bursts, retries, and persists messages durably.");
    assertThat(find()).isEmpty();
    String wrong = "I would put the messages in a database table and poll it every minute.";
    assertThat(Reviews.attempted(wrong, grader.grade(wrong, basic.keyPoints()))).isTrue();
    answer(T0, wrong);
    assertThat(card().missed()).hasSize(4);
  }

  @Test
  void aMissMakesADrilledCardDueNowAndKeepsItsMemory() {
    ReviewCard drilled =
        new ReviewCard(
            "demo-basic",
            State.REVIEW,
            0,
            12.0,
            5.0,
            3,
            0,
            12,
            T0,
            T0.plus(Duration.ofDays(12)),
            3,
            T0,
            List.of());
    store.transact(
        tx -> {
          ReviewCards.save(tx, "T1", "ana", drilled);
          return null;
        });
    Instant later = T0.plus(Duration.ofDays(2));
    answer(later, "A queue decouples producers from consumers, that is the whole point of it.");
    assertThat(card().due()).isEqualTo(later);
    assertThat(card().stability()).isEqualTo(12.0);
    assertThat(card().reviews()).isEqualTo(3);
    List<dev.sparring.store.Document> due =
        store.transact(tx -> tx.documents().due(ReviewCards.KIND, later, 5));
    assertThat(due).hasSize(1);
  }

  @Test
  void weakestFirstIsLowestRecallThenMostPointsMissed() {
    Fsrs fsrs = new Fsrs(Parameters.defaults());
    Instant now = T0.plus(Duration.ofDays(10));
    MissedPoint m = new MissedPoint(0, 0, "p", false, 1, T0, "daily");
    List<MissedPoint> one = List.of(m);
    List<MissedPoint> three = List.of(m, m, m);
    ReviewCard strong =
        new ReviewCard("strong", State.REVIEW, 0, 100, 5, 3, 0, 100, T0, now, 3, T0, three);
    ReviewCard fading =
        new ReviewCard("fading", State.REVIEW, 0, 5, 5, 3, 0, 5, T0, now, 3, T0, one);
    ReviewCard fadingMore =
        new ReviewCard("fading-more", State.REVIEW, 0, 5, 5, 3, 0, 5, T0, now, 3, T0, three);
    ReviewCard unseen = ReviewCard.fresh("unseen", T0).withMissed(one);
    ReviewCard clean =
        new ReviewCard("clean", State.REVIEW, 0, 1, 5, 3, 0, 1, T0, now, 3, T0, List.of());
    assertThat(fsrs.recall(strong.fsrs(), now)).isGreaterThan(fsrs.recall(fading.fsrs(), now));
    assertThat(Reviews.weakest(List.of(strong, clean, fading, unseen, fadingMore), fsrs, now))
        .extracting(ReviewCard::questionId)
        .containsExactly("unseen", "fading-more", "fading", "strong");
  }

  @Test
  void aPointOfAnotherStepIsOnlyClearedByCovered() {
    Question q = basic;
    List<KeyPoint> followUp = q.step(1).keyPoints();
    String text = "When a consumer takes it the message is hidden for a while, then nothing else.";
    Grade g = grader.grade(text, followUp);
    at(T0, ctx -> Reviews.missed(ctx, "T1", "ana", q, 1, g, text, Reviews.INTERVIEW));
    assertThat(card().missed())
        .extracting(MissedPoint::step, MissedPoint::index)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1));
    String later = "It reappears, visible again, if you do not delete it in time.";
    Grade g2 = grader.grade(later, followUp);
    List<MissedPoint> cleared = at(T0, ctx -> Reviews.covered(ctx, "T1", "ana", q, 1, g2));
    assertThat(cleared)
        .extracting(MissedPoint::point)
        .containsExactly("It reappears if not deleted in time.");
    assertThat(card().missed()).isEmpty();
  }
}
