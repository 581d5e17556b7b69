package dev.sparring.interview;

import dev.sparring.bank.Question;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Message.Button;
import dev.sparring.chat.Texts;
import dev.sparring.feedback.Feedback;
import dev.sparring.grading.Grade;
import dev.sparring.store.Conversation;
import java.time.Duration;
import java.util.List;

/**
 * What an interview says while it runs: the question that opens its thread, each follow-up with the
 * verdict on the answer before it, and the short replies to its commands and buttons.
 */
final class InterviewTexts {

  static final String ENDED = "This interview has ended. Start another with `/spar interview`.";
  static final String GONE = "That interview no longer exists.";
  static final String NOT_OWNER = "Only the person being interviewed can use these buttons.";
  static final String NONE_RUNNING =
      "You have no interview running. Start one with `/spar interview`.";
  static final String STOPPED = "Interview stopped; the summary is in its thread.";

  private InterviewTexts() {}

  /** "Question" for the opening step, "Follow-up N" for the others. */
  static String stepName(int step) {
    return step == 0 ? "Question" : "Follow-up " + step;
  }

  /** The message that opens the thread: the question, and the Hint, Skip and Stop buttons. */
  static Message question(Question q, String who, String id) {
    String topics = q.topics().isEmpty() ? "" : " \u00b7 " + String.join(", ", q.topics());
    String body =
        "**Question** (1 of "
            + q.stepCount()
            + ")\n"
            + q.prompt()
            + "\n\n_"
            + who
            + ", reply in this thread; each reply brings the next follow-up._";
    return new Message(
        "Mock interview \u00b7 " + q.id() + " \u00b7 " + q.level().label() + topics,
        body,
        List.of(),
        List.of(
            new Button(Interviews.HINT, "Hint", id, Button.Style.SECONDARY),
            new Button(Interviews.SKIP, "Skip", id, Button.Style.SECONDARY),
            new Button(Interviews.STOP, "Stop", id, Button.Style.DANGER)));
  }

  static String started(Question q) {
    return "Your interview on `" + q.id() + "` is in a new thread: answer there.";
  }

  static String alreadyRunning(Conversation c, int stepCount) {
    return "You already have an interview running (`"
        + c.questionId()
        + "`, step "
        + (c.step() + 1)
        + " of "
        + stepCount
        + "). Answer in its thread, or end it with `/spar interview stop`.";
  }

  static String cut(int maxAnswerChars) {
    return "Your answer was longer than "
        + maxAnswerChars
        + " characters; only the first "
        + maxAnswerChars
        + " count.";
  }

  /**
   * Follow-up {@code next}, after the verdict on the answer before it ({@code null} when that was
   * skipped): read first, so a contradiction is corrected before the person answers again.
   */
  static Message followUp(Question q, int next, Grade previous) {
    String verdict =
        previous == null ? "" : "**Your answer:** " + Feedback.verdict(previous) + "\n\n";
    return Message.of(
        "Follow-up " + next + " of " + (q.stepCount() - 1), verdict + q.step(next).prompt());
  }

  /** Heads the summary of an interview that nobody answered for {@code idleTimeout}. */
  static String expired(Duration idleTimeout) {
    return "_This interview expired after "
        + Texts.duration(idleTimeout)
        + " without a reply. Here is how it went; start a new one with `/spar interview`._"
        + "\n\n";
  }

  static Message questionGone(Conversation c) {
    return Message.text(
        "This interview's question (`"
            + c.questionId()
            + "`) is no longer in the question bank, so the interview has ended."
            + " Start another with `/spar interview`.");
  }

  static String nothingToResume(String questionId) {
    return (questionId == null
            ? "You have no expired interview to resume."
            : "You have no expired interview on " + Inline.code(questionId, 60) + " to resume.")
        + " `/spar history` lists your interviews; `/spar interview` starts a new one.";
  }

  /** Posted in the thread of a resumed interview: the step it stopped at, asked again. */
  static Message resumed(Question q, int step, String who) {
    return Message.of(
        "Interview resumed \u00b7 "
            + stepName(step)
            + " ("
            + (step + 1)
            + " of "
            + q.stepCount()
            + ")",
        q.step(step).prompt()
            + "\n\n_"
            + who
            + ", reply in this thread; the answers you gave before still count._");
  }

  static String resumedNote(Question q, int step) {
    return "Your interview on `"
        + q.id()
        + "` is open again at "
        + stepName(step).toLowerCase(java.util.Locale.ROOT)
        + ", in its original thread.";
  }
}
