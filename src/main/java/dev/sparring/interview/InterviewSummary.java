package dev.sparring.interview;

import static dev.sparring.interview.InterviewTexts.stepName;

import dev.sparring.bank.Question;
import dev.sparring.bank.Step;
import dev.sparring.chat.Message;
import dev.sparring.chat.Message.Button;
import dev.sparring.chat.Texts;
import dev.sparring.feedback.Disputes;
import dev.sparring.feedback.Feedback;
import dev.sparring.grading.Grade;
import dev.sparring.store.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The graded summary that ends an interview: each step's grade with the key points covered and
 * missed (skipped and unanswered steps with all their key points), the points, the model answer,
 * and a Dispute button per graded step.
 */
final class InterviewSummary {

  static final String MODEL_SHORTENED =
      "_(Shortened at a whole sentence; every key point is listed above.)_";

  /** Buttons a summary carries at most (Discord shows 25 on a message). */
  private static final int MAX_DISPUTE_BUTTONS = 20;

  private final int junkBelow;

  InterviewSummary(int junkBelow) {
    this.junkBelow = junkBelow;
  }

  /**
   * The summary of conversation {@code id} on {@code q} from its graded answers, after {@code
   * notice}; {@code earned} is the points awarded, or -1 when none were due.
   */
  Message of(String id, Question q, Graded graded, String notice, String title, int earned) {
    List<Answer> answers = graded.answers();
    List<String> lines = new ArrayList<>();
    List<Button> disputes = new ArrayList<>();
    for (Answer a : answers) {
      Step step = q.step(a.step());
      if (a.text().equals(Interviews.SKIPPED)) {
        lines.add("**" + stepName(a.step()) + ": skipped** " + Texts.clip(step.prompt(), 160));
        step.keyPoints().forEach(k -> lines.add("- " + k.shown()));
        lines.add("");
        continue;
      }
      Grade grade = graded.grades().get(a.step());
      lines.add(
          "**"
              + stepName(a.step())
              + ": "
              + grade.score()
              + "/100** "
              + Texts.clip(step.prompt(), 160));
      grade.covered().forEach(k -> lines.add("- \u2713 " + k.shown()));
      grade.missed().forEach(k -> lines.add("- \u2717 " + grade.missedLine(k)));
      lines.add("_" + grade.feedback() + "_");
      lines.add("");
      if (disputes.size() < MAX_DISPUTE_BUTTONS) {
        disputes.add(
            Disputes.button(
                "Dispute " + stepName(a.step()).toLowerCase(Locale.ROOT),
                InterviewDisputes.ref(id, a.step())));
      }
    }
    for (int s = answers.size(); s < q.stepCount(); s++) {
      Step step = q.step(s);
      lines.add("**" + stepName(s) + ": not answered** " + Texts.clip(step.prompt(), 160));
      step.keyPoints().forEach(k -> lines.add("- " + k.shown()));
      lines.add("");
    }
    if (earned > 0) {
      lines.add("**+" + earned + " points**");
    } else if (earned == 0) {
      lines.add(
          "_No points: skipped answers and answers graded under "
              + junkBelow
              + "/100 earn nothing._");
    }
    lines.add("");
    lines.add("**Model answer**");
    for (Step step : q.steps()) {
      String model = Feedback.modelAnswer(step);
      if (!model.isEmpty()) {
        lines.add(
            "_"
                + stepName(step.index())
                + ":_ "
                + Feedback.shortened(model, Feedback.MAX_LINE - 40, MODEL_SHORTENED));
      }
    }
    List<String> sources =
        Feedback.sources(q.steps().stream().flatMap(s -> s.keyPoints().stream()).toList());
    if (!sources.isEmpty()) {
      lines.add("");
      lines.add("**Sources**");
      lines.addAll(sources);
    }
    StringBuilder body = new StringBuilder(notice);
    // Whole lines only: the renderers split a long summary between lines, never inside one.
    for (String line : lines) {
      Feedback.wrap(line, Feedback.MAX_LINE).forEach(l -> body.append(l).append('\n'));
    }
    return new Message(
        title + " \u00b7 " + q.id() + " \u00b7 " + graded.average(q) + "/100",
        body.toString().strip(),
        List.of(),
        disputes);
  }
}
