package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.testing.TestPacks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RubricGrader#judged} scores decided points with the very formula of the grader. */
class RubricJudgedTest {

  private final RubricGrader grader = new RubricGrader();

  private static final KeyPoint DLQ =
      new KeyPoint("Failed messages go to a dead letter queue.", List.of("DLQ"));
  private static final KeyPoint IDEMPOTENT =
      new KeyPoint("The consumer is idempotent.", List.of("idempotent"));
  private static final KeyPoint TIMEOUT =
      new KeyPoint("A single invocation runs for at most 15 minutes.", List.of("timeout"));
  private static final List<KeyPoint> POINTS = List.of(DLQ, IDEMPOTENT, TIMEOUT);

  private static final List<String> ANSWERS =
      List.of(
          "",
          "idk",
          "DLQ, idempotent, timeout",
          "The consumer is idempotent because messages arrive twice, and failures go to a DLQ.",
          "A DLQ is unnecessary; the timeout is 60 minutes, so the consumer must be idempotent.",
          "I would never make it idempotent and a DLQ is overkill.");

  @Test
  void theGradersOwnDecisionsScoreExactlyAsItsGrade() {
    for (String answer : ANSWERS) {
      Grade g = grader.grade(answer, POINTS);
      assertThat(grader.judged(answer, POINTS, g.covered(), g.contradicted()))
          .as(answer)
          .isEqualTo(g);
    }
    for (Question q : TestPacks.demo().questions()) {
      for (int s = 0; s < q.stepCount(); s++) {
        List<KeyPoint> points = q.step(s).keyPoints();
        String answer =
            "I would use "
                + points.get(0).terms().get(0)
                + " because it keeps retries safe, and never "
                + points.get(points.size() - 1).terms().get(0)
                + ".";
        Grade g = grader.grade(answer, points);
        assertThat(grader.judged(answer, points, g.covered(), g.contradicted()))
            .as(answer)
            .isEqualTo(g);
      }
    }
  }

  @Test
  void otherDecisionsChangeTheScoreByTheSameRules() {
    String answer = "The consumer is idempotent because messages arrive twice.";
    Grade none = grader.judged(answer, POINTS, List.of(), List.of());
    Grade one = grader.judged(answer, POINTS, List.of(IDEMPOTENT), List.of());
    Grade two = grader.judged(answer, POINTS, List.of(IDEMPOTENT, DLQ), List.of());
    Grade contradicted =
        grader.judged(
            answer, POINTS, List.of(IDEMPOTENT), List.of(new Contradiction(TIMEOUT, "no limit")));
    assertThat(none.score()).isLessThan(one.score());
    assertThat(one.score()).isLessThan(two.score());
    assertThat(contradicted.score()).isLessThan(one.score());
    assertThat(contradicted.missed()).containsExactly(DLQ, TIMEOUT);
    assertThat(contradicted.feedback()).contains("contradicted 1");
  }

  @Test
  void pointsOutsideTheStepAreIgnoredAndAContradictionWinsOverCredit() {
    KeyPoint other = new KeyPoint("Something else entirely.", List.of("else"));
    String answer = "The consumer is idempotent because messages arrive twice.";
    Grade g =
        grader.judged(
            answer,
            POINTS,
            List.of(IDEMPOTENT, other, DLQ),
            List.of(new Contradiction(other, "x"), new Contradiction(DLQ, "no DLQ")));
    assertThat(g.covered()).containsExactly(IDEMPOTENT);
    assertThat(g.missed()).containsExactly(DLQ, TIMEOUT);
    assertThat(g.contradicted()).containsExactly(new Contradiction(DLQ, "no DLQ"));
  }
}
