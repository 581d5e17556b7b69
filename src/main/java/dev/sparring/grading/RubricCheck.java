package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Misconception;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.bank.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a bank's rubrics the way the grader reads them, beyond their shape: every misconception's
 * claim is recognised by one of its own terms, and neither a model answer made of the step's own
 * key points nor any key point's term on its own contradicts anything, so a correct answer in the
 * pack's words can never be marked wrong.
 */
public final class RubricCheck {

  private final RubricGrader grader;

  public RubricCheck(RubricGrader grader) {
    this.grader = grader;
  }

  /** One finding: where, and what is wrong. */
  public record Finding(String questionId, int step, int keyPoint, String message) {
    @Override
    public String toString() {
      return questionId
          + " step "
          + step
          + (keyPoint < 0 ? "" : " key point " + (keyPoint + 1))
          + ": "
          + message;
    }
  }

  public List<Finding> check(QuestionBank bank) {
    List<Finding> out = new ArrayList<>();
    for (Question q : bank.questions()) {
      for (Step step : q.steps()) {
        check(q.id(), step, out);
      }
    }
    return out;
  }

  private void check(String id, Step step, List<Finding> out) {
    List<KeyPoint> points = step.keyPoints();
    String model = points.stream().map(KeyPoint::point).collect(Collectors.joining(" "));
    for (Contradiction c : grader.grade(model, points).contradicted()) {
      out.add(
          new Finding(
              id,
              step.index(),
              points.indexOf(c.point()),
              "the step's own key points read as contradicting this one (\""
                  + c.said()
                  + "\"); reword the point or the misconception's terms"));
    }
    for (int i = 0; i < points.size(); i++) {
      KeyPoint kp = points.get(i);
      for (String term : kp.terms()) {
        for (Contradiction c : grader.grade(term, points).contradicted()) {
          out.add(
              new Finding(
                  id,
                  step.index(),
                  i,
                  "term \""
                      + term
                      + "\" on its own reads as contradicting key point "
                      + (points.indexOf(c.point()) + 1)
                      + "; reword the term"));
        }
      }
      for (int w = 0; w < kp.wrong().size(); w++) {
        Misconception m = kp.wrong().get(w);
        if (!grader.statesByTerms(m.claim(), kp, w)) {
          out.add(
              new Finding(
                  id,
                  step.index(),
                  i,
                  "misconception \""
                      + m.claim()
                      + "\" is not recognised in its own claim; add a term its claim contains"));
        }
      }
    }
  }
}
