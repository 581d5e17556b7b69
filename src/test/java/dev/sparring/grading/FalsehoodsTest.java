package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Misconception;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sweeping claim the bank knows to be false puts any answer that makes it in doubt. */
class FalsehoodsTest {

  private static final KeyPoint DLQ =
      new KeyPoint(
          "A dead-letter queue keeps the messages that keep failing for inspection.",
          List.of("dead-letter queue", "DLQ", "kept for inspection"));

  private static final KeyPoint BOUNDED =
      new KeyPoint(
          "Retries are bounded by a maximum receive count.",
          List.of("max receive count", "maxReceiveCount"),
          List.of(
              new Misconception(
                  "Messages are retried forever until they succeed.",
                  List.of("retried forever"),
                  "Retries stop at maxReceiveCount, then the message moves to the DLQ.")));

  /** Another question's point, with one sweeping misconception term and one specific one. */
  private static final KeyPoint COST =
      new KeyPoint(
          "Pay-per-use is cheap for spiky or low traffic.",
          List.of("spiky traffic"),
          List.of(
              new Misconception(
                  "Serverless is always cheaper than servers.",
                  List.of("always cheaper"),
                  "Steady high load is often cheaper on containers or VMs."),
              new Misconception(
                  "Lambda memory tops out at 3 GB.",
                  List.of("3 GB"),
                  "Memory goes up to 10,240 MB.")));

  private final Falsehoods bank = Falsehoods.of(List.of(DLQ, BOUNDED, COST));
  private final RubricGrader knowing = new RubricGrader(Meaning.NONE, bank);
  private final RubricGrader plain = new RubricGrader();

  private Grade grade(RubricGrader grader, String answer) {
    return grader.grade(answer, List.of(DLQ, BOUNDED));
  }

  @Test
  void aSweepingFalsehoodAboutAnotherQuestionTakesAwayCreditForVocabulary() {
    String answer = "A DLQ holds what fails, and a serverless queue is always cheaper anyway.";
    assertThat(grade(plain, answer).covered()).containsExactly(DLQ);
    Grade g = grade(knowing, answer);
    assertThat(g.covered()).isEmpty();
    // Its correction was written for another question: it is not shown as this answer's mistake,
    // but the answer's words are quoted so the person sees why credit is harder to earn.
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.score()).isLessThan(grade(plain, answer).score());
    assertThat(g.feedback())
        .startsWith(
            "\u2717 \u201c"
                + dev.sparring.chat.Inline.data("a serverless queue is always cheaper anyway")
                + "\u201d")
        .contains("is a common misconception")
        .doesNotContain("containers or VMs");
    assertThat(grade(plain, answer).feedback()).doesNotContain("misconception");
  }

  @Test
  void theQuotedFalsehoodIsThePersonsTextShownAsData() {
    String answer = "A DLQ holds what fails, and <!channel> *serverless* is always cheaper.";
    String feedback = grade(knowing, answer).feedback();
    assertThat(feedback)
        .contains(dev.sparring.chat.Inline.data("channel> *serverless* is always cheaper"));
  }

  @Test
  void twoOfAPointsTermsStillShowItInAnAnswerInDoubt() {
    String answer =
        "A DLQ holds what fails so it is kept for inspection, and serverless is always cheaper.";
    assertThat(grade(knowing, answer).covered()).containsExactly(DLQ);
  }

  @Test
  void aSpecificMisconceptionOfAnotherQuestionIsNoMistakeHere() {
    String answer = "A DLQ holds what fails, even for a consumer that runs at 3 GB.";
    assertThat(grade(knowing, answer).covered()).containsExactly(DLQ);
  }

  @Test
  void aDeniedOrSupposedFalsehoodIsNotStated() {
    assertThat(
            grade(knowing, "A DLQ holds what fails; serverless is not always cheaper.").covered())
        .containsExactly(DLQ);
    assertThat(
            grade(knowing, "A DLQ holds what fails, even if some think it is always cheaper.")
                .covered())
        .containsExactly(DLQ);
  }

  @Test
  void theStepsOwnMisconceptionsAreReadAsContradictionsWithTheirCorrection() {
    Text text = Text.of("A DLQ holds what fails, though messages are retried forever.");
    assertThat(bank.stated(text, List.of(DLQ, BOUNDED))).isNull();
    // The same step read from another copy of the bank (a team's view, a reload) is still its own.
    KeyPoint copy = new KeyPoint(BOUNDED.point(), BOUNDED.terms(), BOUNDED.wrong());
    assertThat(bank.stated(text, List.of(DLQ, copy))).isNull();
    assertThat(bank.stated(text, List.of(DLQ)).wrong().claim())
        .isEqualTo("Messages are retried forever until they succeed.");
    Grade g = grade(knowing, text.raw);
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(BOUNDED);
  }

  @Test
  void onlySweepingTermsAreKnownBeyondTheirStep() {
    assertThat(bank.size()).isEqualTo(2); // "retried forever" and "always cheaper", not "3 GB"
    assertThat(Falsehoods.NONE.size()).isZero();
  }
}
