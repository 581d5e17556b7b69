package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Misconception;
import dev.sparring.bank.PackLoader;
import dev.sparring.bank.Question;
import dev.sparring.bank.Step;
import dev.sparring.chat.Inline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key points a person wrote (a team's question) are marked to be shown as data, never changed: they
 * grade exactly as the same points of a pack file, with the offline grader and with meaning.
 */
class PersonsKeyPointGradingTest {

  @Test
  void theSamePointsGradeTheSameWhoeverWroteThem() {
    List<Question> questions =
        new PackLoader().load(List.of(Path.of("prompts"))).bank().questions();
    List<RubricGrader> graders = List.of(new RubricGrader(), SharedMeaning.grader());
    int compared = 0;
    int contradicted = 0;
    for (Question q : questions.subList(0, Math.min(12, questions.size()))) {
      for (Step step : q.steps()) {
        Step typed =
            new Step(
                step.index(),
                step.prompt(),
                step.keyPoints().stream().map(KeyPoint::asData).toList());
        for (String answer : answers(step)) {
          for (RubricGrader grader : graders) {
            Grade a = grader.grade(answer, step);
            Grade b = grader.grade(answer, typed);
            assertThat(outcome(b, typed)).as(answer).isEqualTo(outcome(a, step));
            compared++;
            contradicted += a.contradicted().isEmpty() ? 0 : 1;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(200);
    assertThat(contradicted).isGreaterThan(20);
  }

  /** A strong answer, a partial one, each misconception of the first point, and a shrug. */
  private static List<String> answers(Step step) {
    List<String> out = new ArrayList<>();
    out.add(String.join(" ", step.keyPoints().stream().map(KeyPoint::point).toList()));
    out.add(step.keyPoints().get(0).point());
    for (Misconception m : step.keyPoints().get(0).wrong()) {
      out.add(m.claim());
    }
    out.add("I would have to look that up.");
    return out;
  }

  /** What a grade says, by the points' positions, with its texts as a person reads them. */
  private static List<Object> outcome(Grade g, Step step) {
    List<KeyPoint> points = step.keyPoints();
    return List.of(
        g.score(),
        g.covered().stream().map(points::indexOf).toList(),
        g.missed().stream().map(points::indexOf).toList(),
        g.contradicted().stream()
            .map(c -> points.indexOf(c.point()) + ": " + Inline.plain(c.line()))
            .toList(),
        Inline.plain(g.feedback()));
  }
}
