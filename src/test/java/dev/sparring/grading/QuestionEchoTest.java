package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeating the question's own words back covers nothing; answering it still does. */
class QuestionEchoTest {

  private final RubricGrader grader = new RubricGrader();

  private static final KeyPoint DELAY =
      new KeyPoint(
          "A cold start is the extra delay while the platform sets up a fresh instance.",
          List.of("cold start", "extra latency", "new instance"));
  private static final KeyPoint WARM =
      new KeyPoint(
          "Warm starts reuse an instance that is already running.", List.of("warm start", "reuse"));
  private static final Step STEP = new Step(0, "What is a cold start?", List.of(DELAY, WARM));

  @Test
  void anEchoOfTheQuestionCoversNothing() {
    Grade g = grader.grade("A cold start is when a serverless function has a cold start.", STEP);
    assertThat(g.covered()).isEmpty();
    assertThat(g.score()).isLessThan(15);
  }

  @Test
  void theSameWordsWithAnAnswerStillCount() {
    Grade g =
        grader.grade(
            "A cold start is the extra latency of spinning up a new instance; a warm start reuses"
                + " one.",
            STEP);
    assertThat(g.covered()).containsExactly(DELAY, WARM);
  }

  @Test
  void withoutTheQuestionTheTermCountsAsBefore() {
    assertThat(
            grader
                .grade(
                    "A cold start is when a serverless function has a cold start.",
                    STEP.keyPoints())
                .covered())
        .containsExactly(DELAY);
  }

  @Test
  void anUnaskedStepGradesAsTheKeyPointsAlone() {
    String answer = "A cold start is when a serverless function has a cold start.";
    assertThat(grader.grade(answer, RubricGrader.unasked(STEP.keyPoints())))
        .isEqualTo(grader.grade(answer, STEP.keyPoints()));
  }
}
