package dev.sparring.interview;

import dev.sparring.bank.Question;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.store.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An interview's answers with the grade of each answered (not skipped) step, graded once and shared
 * by the verdict, the points, the summary and the history.
 */
record Graded(List<Answer> answers, Map<Integer, Grade> grades) {

  static Graded of(Grader grader, Question q, List<Answer> answers) {
    Map<Integer, Grade> grades = new HashMap<>();
    for (Answer a : answers) {
      if (!a.text().equals(Interviews.SKIPPED) && a.step() < q.stepCount()) {
        grades.put(a.step(), grader.grade(a.text(), q.step(a.step())));
      }
    }
    return new Graded(List.copyOf(answers), Map.copyOf(grades));
  }

  /** The interview's grade: the mean over all its steps, skipped and unanswered ones counting 0. */
  int average(Question q) {
    int total = grades.values().stream().mapToInt(Grade::score).sum();
    return answers.isEmpty() ? 0 : Math.round((float) total / q.stepCount());
  }
}
