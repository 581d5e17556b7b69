package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.chat.Inline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generic contradictions: a term negated or dismissed in its clause, a conflicting number. */
class ContradictionTest {

  private final RubricGrader grader = new RubricGrader();

  private static final KeyPoint DLQ =
      new KeyPoint(
          "Failed messages go to a dead letter queue.", List.of("DLQ", "dead letter queue"));
  private static final KeyPoint IDEMPOTENT =
      new KeyPoint("The consumer is idempotent.", List.of("idempotent", "idempotency"));
  private static final KeyPoint TIMEOUT =
      new KeyPoint("A single invocation runs for at most 15 minutes.", List.of("timeout"));
  private static final KeyPoint MEMORY =
      new KeyPoint("Memory goes from 128 MB up to 10,240 MB.", List.of("memory"));
  private static final KeyPoint PAYLOAD =
      new KeyPoint("Synchronous payloads are limited to 6 MB.", List.of("payload"));
  private static final KeyPoint STATELESS =
      new KeyPoint("Handlers keep no state between calls.", List.of("state between calls"));

  private static final List<KeyPoint> POINTS =
      List.of(DLQ, IDEMPOTENT, TIMEOUT, MEMORY, PAYLOAD, STATELESS);

  private Grade grade(String answer) {
    return grader.grade(answer, POINTS);
  }

  private List<KeyPoint> contradicted(String answer) {
    return grade(answer).contradicted().stream().map(Contradiction::point).toList();
  }

  @Test
  void aDismissalAfterTheTermContradictsIt() {
    for (String answer :
        List.of(
            "A DLQ is unnecessary because retries handle everything.",
            "With good retries a dead letter queue is not needed.",
            "A DLQ isn't required for this consumer.",
            "The DLQ is optional here.",
            "A dead letter queue is discouraged in production.",
            "A DLQ really doesn't help.")) {
      Grade g = grade(answer);
      assertThat(g.contradicted()).as(answer).extracting(Contradiction::point).containsExactly(DLQ);
      assertThat(g.covered()).as(answer).doesNotContain(DLQ);
      assertThat(g.missed()).as(answer).contains(DLQ);
    }
  }

  @Test
  void aDismissalSharedByAListOfSubjectsContradictsEachOfThem() {
    assertThat(contradicted("A DLQ and idempotency are unnecessary with good retries."))
        .containsExactlyInAnyOrder(DLQ, IDEMPOTENT);
    assertThat(contradicted("A DLQ or careful retries are optional, really.")).containsExactly(DLQ);
    // A bare negator that far from the term says too little about what it negates.
    assertThat(contradicted("A DLQ and the retry policy don't change the timeout.")).isEmpty();
    // Nor does a dismissal in another clause.
    assertThat(contradicted("Failed messages go to a DLQ, and polling is unnecessary.")).isEmpty();
  }

  @Test
  void aNegationAgreesWithAPointThatRestrictsWhatItNegates() {
    KeyPoint hosts =
        new KeyPoint(
            "Traditional hosts give full control over long processes and local state, which"
                + " serverless restricts.",
            List.of("local state", "persistent", "long processes"));
    String answer = "A serverless function has no persistent local storage between invocations.";
    assertThat(grader.grade(answer, List.of(hosts)).contradicted()).isEmpty();
    // Without the restriction the same negation denies the point.
    KeyPoint plain =
        new KeyPoint(
            "Traditional hosts give full control over long processes and local state.",
            List.of("local state", "persistent", "long processes"));
    assertThat(grader.grade(answer, List.of(plain)).contradicted())
        .extracting(Contradiction::point)
        .containsExactly(plain);
  }

  @Test
  void aNegationBeforeTheTermContradictsIt() {
    assertThat(contradicted("You never need a DLQ for queue consumers.")).containsExactly(DLQ);
    assertThat(contradicted("The consumer is not idempotent, and that is fine."))
        .containsExactly(IDEMPOTENT);
  }

  @Test
  void theContradictionQuotesTheClauseThatMadeIt() {
    Grade g =
        grade("Retries are fine on their own, but a DLQ is unnecessary. The consumer dedups.");
    assertThat(g.contradicted())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.point()).isEqualTo(DLQ);
              assertThat(c.said()).isEqualTo("a DLQ is unnecessary");
            });
    assertThat(g.feedback()).startsWith("\u2717").contains("contradicted 1");
    assertThat(g.missedLine(DLQ))
        .startsWith("You said \u201c")
        .contains("a DLQ is unnecessary")
        .endsWith("\u201d; in fact: Failed messages go to a dead letter queue.");
  }

  @Test
  void aContradictedPointCostsMoreThanAMissedOne() {
    int missed = grade("The consumer is idempotent, so duplicates are harmless.").score();
    int contradicted =
        grade("The consumer is idempotent, so duplicates are harmless. A DLQ is not needed.")
            .score();
    assertThat(contradicted).isLessThan(missed);
  }

  @Test
  void negationsAboutSomethingElseDoNotContradict() {
    for (String answer :
        List.of(
            "Not only a DLQ but also alarms on its depth.",
            "A DLQ catches messages that are not processed, so none are lost.",
            "Failed messages go to a DLQ, and nothing is dropped.",
            "Use a DLQ; never retry forever.",
            "A DLQ is not just a bin: you replay it after fixing the bug.")) {
      Grade g = grade(answer);
      assertThat(g.contradicted()).as(answer).isEmpty();
      assertThat(g.covered()).as(answer).contains(DLQ);
    }
  }

  @Test
  void aNegationThatAgreesWithANegativeKeyPointIsNoContradiction() {
    Grade g = grade("Handlers don't keep any state between calls.");
    assertThat(g.contradicted()).isEmpty();
  }

  @Test
  void aNumberThatConflictsWithTheKeyPointsContradictsIt() {
    assertThat(contradicted("The timeout can be raised to 60 minutes.")).containsExactly(TIMEOUT);
    assertThat(contradicted("Memory can be set up to 3 GB.")).containsExactly(MEMORY);
    assertThat(contradicted("A synchronous payload can be up to 256 MB.")).containsExactly(PAYLOAD);
    assertThat(contradicted("The payload can be 256 KB at most.")).containsExactly(PAYLOAD);
  }

  @Test
  void theSameNumberInOtherUnitsAgrees() {
    Grade g =
        grade(
            "The timeout tops out at 900 seconds, memory at 10 GB, and the payload at 6MB or"
                + " 6,144 KB.");
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.covered()).contains(TIMEOUT, MEMORY, PAYLOAD);
  }

  @Test
  void aNumberAboutSomethingElseIsNoContradiction() {
    for (String answer :
        List.of(
            "Set the timeout to 15 minutes, and a cold start adds about 200 ms.",
            "The timeout is 15 minutes while API Gateway gives up after 29 seconds.",
            "The timeout triggers after 3 attempts.",
            "Memory matters; a cold start took 900 ms.")) {
      Grade g = grade(answer);
      assertThat(g.contradicted()).as(answer).isEmpty();
    }
  }

  @Test
  void aFigureInAClauseAboutWhatThePointMeasuresContradictsItWithoutATerm() {
    KeyPoint uploads =
        new KeyPoint(
            "Uploads are capped at 50 MB per file and 2 minutes per request.",
            List.of("upload limit", "size cap"));
    // The term's clause has no figure; the next clause is about capping a file's upload.
    Grade g =
        grader.grade(
            "The upload limit is generous, since a single file upload is capped at 500 MB.",
            List.of(uploads));
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(uploads);
    // Two words of the point's clause are not enough to say the figure is about the same thing.
    Grade other =
        grader.grade(
            "The upload limit is generous, though a file upload over mobile takes 30 seconds.",
            List.of(uploads));
    assertThat(other.contradicted()).isEmpty();
  }

  @Test
  void aFigureInAClauseAboutWhatTheQuestionAsksContradictsThePointUnlessAnotherPointStatesIt() {
    KeyPoint file = new KeyPoint("A single file can be at most 50 MB.", List.of("50 MB"));
    KeyPoint batch = new KeyPoint("A whole batch can hold up to 500 MB.", List.of("500 MB batch"));
    dev.sparring.bank.Step alone =
        new dev.sparring.bank.Step(
            0, "What is the largest upload the service accepts?", List.of(file));
    // The clause with the wrong figure has no term of the point, only the question's words.
    Grade g =
        grader.grade(
            "The largest upload the service accepts is 500 MB, and a typical file is 50 MB.",
            alone);
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(file);
    dev.sparring.bank.Step both =
        new dev.sparring.bank.Step(
            0, "What is the largest upload the service accepts?", List.of(file, batch));
    Grade other =
        grader.grade("The largest upload the service accepts is 500 MB, for a whole batch.", both);
    assertThat(other.contradicted()).isEmpty();
  }

  @Test
  void quantitiesAreNormalisedToOneUnitPerDimension() {
    assertThat(Quantities.in("10,240 MB").get(0).agrees(Quantities.in("10 GB").get(0))).isTrue();
    assertThat(Quantities.in("15 min").get(0).agrees(Quantities.in("900s").get(0))).isTrue();
    assertThat(Quantities.in("1.5 hours").get(0).agrees(Quantities.in("90 minutes").get(0)))
        .isTrue();
    assertThat(Quantities.in("6 MB").get(0).agrees(Quantities.in("6 minutes").get(0))).isFalse();
    assertThat(Quantities.in("3 steps, 2,000 rps and 10 retries")).isEmpty();
  }

  private static final KeyPoint SCALING =
      new KeyPoint(
          "Capacity grows and shrinks automatically with traffic.",
          List.of("scales automatically", "auto scaling"),
          List.of(
              new dev.sparring.bank.Misconception(
                  "You have to add instances by hand when traffic grows.",
                  List.of("scaling is manual", "add instances by hand"),
                  "The platform adds and removes instances for you as traffic changes.")));

  @Test
  void aListedMisconceptionContradictsItsPointAndShowsItsCorrection() {
    Grade g =
        grader.grade(
            "It is cheap, but scaling is manual, so you add capacity before a launch.",
            List.of(SCALING, DLQ));
    assertThat(g.contradicted())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.point()).isEqualTo(SCALING);
              assertThat(Inline.unwrap(c.line()))
                  .isEqualTo(
                      "You said \u201cscaling is manual\u201d; in fact: The platform adds and removes"
                          + " instances for you as traffic changes.");
            });
    assertThat(g.covered()).doesNotContain(SCALING);
  }

  @Test
  void aMisconceptionOverridesTheTermsOfItsPointAndCostsMoreThanAMiss() {
    // Two of the DLQ point's terms: once an answer says something false, one would not be enough.
    String both =
        "Failed messages go to a DLQ, the dead letter queue. It scales automatically, although you"
            + " add instances by hand at peaks.";
    String missing =
        "Failed messages go to a DLQ, the dead letter queue. It is a managed service that we"
            + " configure.";
    Grade g = grader.grade(both, List.of(SCALING, DLQ));
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(SCALING);
    assertThat(g.covered()).containsExactly(DLQ);
    assertThat(g.score()).isLessThan(grader.grade(missing, List.of(SCALING, DLQ)).score());
  }

  @Test
  void aNegatedMisconceptionIsNotHeldAgainstTheAnswer() {
    Grade g =
        grader.grade(
            "Nobody needs to add instances by hand; it scales automatically with the load.",
            List.of(SCALING, DLQ));
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.covered()).contains(SCALING);
    assertThat(
            grader.grade("You never add instances by hand.", List.of(SCALING, DLQ)).contradicted())
        .isEmpty();
  }
}
