package dev.sparring.drill;

import dev.sparring.bank.Filter;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Message.Button;
import dev.sparring.chat.Texts;
import dev.sparring.feedback.Disputes;
import dev.sparring.fsrs.Rating;
import dev.sparring.grading.Grade;
import dev.sparring.review.MissedPoint;
import dev.sparring.review.ReviewCard;
import dev.sparring.review.Reviews;
import dev.sparring.store.Conversation;
import dev.sparring.store.Conversation.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a drill says: the question that opens its thread, the graded answer with the rating buttons,
 * the reply to a rating, and the short replies to its commands and buttons.
 */
final class DrillTexts {

  static final String GONE = "That drill no longer exists.";
  static final String QUESTION_LEFT = "This question left the bank; start another drill.";
  static final String NOT_A_RATING = "That button is not one of Again, Hard, Good or Easy.";
  static final String NOT_OWNER_RATE = "Only the person drilling can rate this answer.";
  static final String NOT_OWNER_HINT = "Only the person drilling can ask for hints.";
  static final String ANSWER_FIRST = "Answer first, then rate yourself.";
  static final String ALREADY_RATED = "This drill is already rated.";
  static final String HINTS_BEFORE =
      "You have answered this drill; hints are for before you answer.";

  private DrillTexts() {}

  /**
   * The message that opens the thread ({@code kind}: "Review", "New question", ...); with the
   * points missed before on {@code card} (null: none) counted, and the follow-ups they belong to.
   */
  static Message question(Question q, String kind, String who, String id, ReviewCard card) {
    StringBuilder b = new StringBuilder(q.prompt());
    List<MissedPoint> missed = card == null ? List.of() : card.missed();
    if (!missed.isEmpty()) {
      MissedPoint last = missed.stream().max(Comparator.comparing(MissedPoint::last)).get();
      b.append("\n\n_You missed ")
          .append(missed.size())
          .append(missed.size() == 1 ? " key point" : " key points")
          .append(" of this question before (last in ")
          .append(SOURCES.getOrDefault(last.source(), "an answer"))
          .append(")._");
      missed.stream()
          .map(MissedPoint::step)
          .filter(step -> step > 0 && step < q.stepCount())
          .distinct()
          .sorted()
          .forEach(step -> b.append("\n**Also answer:** ").append(q.step(step).prompt()));
    }
    b.append("\n\n_").append(who).append(", answer in this thread, then rate yourself._");
    return Message.of(
            "Drill \u00b7 " + kind + " \u00b7 " + q.id() + " \u00b7 " + q.level().label(),
            b.toString())
        .withButtons(
            q.hint().isBlank()
                ? List.of()
                : List.of(new Button(Drills.HINT, "Hint", id, Button.Style.SECONDARY)));
  }

  private static final java.util.Map<String, String> SOURCES =
      java.util.Map.of(
          Reviews.DAILY, "a daily question",
          Reviews.INTERVIEW, "an interview",
          Reviews.COMPETE, "a competition",
          Reviews.DRILL, "a drill");

  static String noWeak(Filter filter) {
    return "No weak points"
        + (filter.isAll() ? "" : " in " + filter.describe())
        + ": nothing you missed is waiting. Key points missed in daily questions, interviews,"
        + " competitions and drills come back here until you cover them.";
  }

  static String served(Question q, String closed) {
    return "Your drill (`" + q.id() + "`) is in a new thread." + closed;
  }

  /** Said when asking for a drill closed the one still open on {@code c}'s question. */
  static String closed(Conversation c) {
    return " (Your open drill on `" + c.questionId() + "` was closed.)";
  }

  static String noMatch(Filter filter) {
    return "No questions match " + filter.describe() + ".";
  }

  static String nothingDue(Filter filter, Instant next) {
    return "Nothing due in "
        + filter.describe()
        + ": you have seen every question. Next review: "
        + next.atOffset(ZoneOffset.UTC).toLocalDate()
        + " (UTC). Try another topic or level.";
  }

  /**
   * The grade of drill {@code id}'s answer to {@code q}, the points missed before that it covered,
   * the rating buttons (the suggested one first in style).
   */
  static Message graded(String id, Question q, Grade g, List<MissedPoint> coveredNow) {
    Rating suggested = suggest(g.score());
    StringBuilder b = new StringBuilder();
    g.covered().forEach(k -> b.append("- \u2713 ").append(k.shown()).append('\n'));
    g.missed().forEach(k -> b.append("- \u2717 ").append(g.missedLine(k)).append('\n'));
    if (!coveredNow.isEmpty()) {
      b.append("**Missed before, covered now:** ")
          .append(String.join("; ", coveredNow.stream().map(p -> shown(q, p)).toList()))
          .append('\n');
    }
    b.append('_')
        .append(g.feedback())
        .append("_\n\nHow did it go? Suggested: **")
        .append(suggested.label())
        .append("**.");
    List<Button> buttons = new ArrayList<>();
    for (Rating r : Rating.values()) {
      buttons.add(
          new Button(
              Drills.RATE,
              r.label(),
              id + ":" + r.name(),
              r == suggested ? Button.Style.PRIMARY : Button.Style.SECONDARY));
    }
    buttons.add(Disputes.button("Dispute", Drills.DISPUTE_PREFIX + id));
    return new Message("Drill \u00b7 " + g.score() + "/100", b.toString(), List.of(), buttons);
  }

  /**
   * A point missed before, as it was written then, shown as its key point of {@code q} is (a
   * person's text as data); as data too when {@code q} no longer has the point, whoever wrote it.
   */
  static String shown(Question q, MissedPoint p) {
    if (p.step() >= 0 && p.step() < q.stepCount()) {
      List<KeyPoint> points = q.step(p.step()).keyPoints();
      if (p.index() >= 0 && p.index() < points.size()) {
        return points.get(p.index()).shown(p.point());
      }
    }
    return Inline.data(p.point());
  }

  /**
   * To the owner writing again in drill {@code c} once it is answered: what it waits for or how to
   * get the next one, with the practice grade of the extra answer ({@code null} without question).
   */
  static Message practice(Conversation c, Grade g) {
    StringBuilder b = new StringBuilder();
    if (c.active()) {
      b.append("You have answered this drill already; rate yourself with the buttons above")
          .append(" (Again, Hard, Good or Easy) to schedule the next review.");
    } else if (c.status() == Status.DONE) {
      b.append("This drill is done and rated. Extra answers here are practice only: they do not")
          .append(" change your schedule or score.");
    } else {
      b.append("This drill was closed (you asked for another one). Extra answers here are")
          .append(" practice only.");
    }
    if (g != null) {
      b.append("\n**Practice score:** ").append(g.score()).append("/100");
      g.missed().forEach(k -> b.append("\n- \u2717 ").append(g.missedLine(k)));
    }
    b.append("\n\n`/spar drill` serves your next question.");
    return Message.text(b.toString());
  }

  /** The answer to a rating: when the question comes back, and the points (or why none). */
  static Message rated(Rating rating, String questionId, String when, int earned, int junkBelow) {
    return Message.text(
        "Rated **"
            + rating.label()
            + "**. Next review of `"
            + questionId
            + "`: "
            + when
            + "."
            + (earned > 0
                ? " +" + earned + " points."
                : " No points: answers graded under " + junkBelow + "/100 earn nothing."));
  }

  /** The rating the grade suggests: under 40 Again, under 60 Hard, under 85 Good, else Easy. */
  static Rating suggest(int score) {
    return score < 40
        ? Rating.AGAIN
        : score < 60 ? Rating.HARD : score < 85 ? Rating.GOOD : Rating.EASY;
  }

  /** "in 3 days (2026-03-05)": how long until {@code at}, with the date once it is days away. */
  static String when(Instant now, Instant at) {
    return Texts.until(now, at)
        + (Duration.between(now, at).toDays() >= 2
            ? " (" + at.atOffset(ZoneOffset.UTC).toLocalDate() + ")"
            : "");
  }
}
