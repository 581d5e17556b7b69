package dev.sparring.daily;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.chat.Form;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.daily.DailyQuestions.Post;
import dev.sparring.daily.DailyRecords.Answer;
import dev.sparring.feedback.Disputes;
import dev.sparring.feedback.Feedback;
import dev.sparring.grading.Grade;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The daily question's messages: the post itself, the schedule announcement and status, the reveal
 * with its answer lines, and what someone hears after answering (in time or as late practice).
 */
final class DailyTexts {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private DailyTexts() {}

  /** {@code at} in the schedule's zone: "Mon 2 Mar 09:30 Europe/Berlin". */
  static String local(Schedule s, Instant at) {
    return WHEN.format(at.atZone(s.zoneId())) + " " + s.zone();
  }

  /** "in 3 hours", or "due now" once {@code at} has passed. */
  static String until(Instant now, Instant at) {
    return at.isAfter(now) ? Texts.until(now, at) : "due now";
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Posted in the channel when {@code daily on} sets its schedule. */
  static Message scheduled(Schedule s, Instant next) {
    return Message.of(
        "Daily question on",
        capitalized(s.filter().phrase())
            + " will be posted here at "
            + s.time()
            + " "
            + s.zone()
            + ", "
            + s.describeDays()
            + ". Answer with its Answer button (private until the reveal) or in its thread; the"
            + " reveal comes with the next question."
            + (next == null ? "" : "\nNext: " + local(s, next) + "."));
  }

  /**
   * {@code daily status}: the schedule (if any) due at {@code due}, and the open question (if any)
   * with its number of answers.
   */
  static Message status(
      Optional<Schedule> schedule, Instant due, Instant now, Optional<Post> open, long answers) {
    StringBuilder b = new StringBuilder();
    if (schedule.isEmpty()) {
      b.append("No daily question in this channel. An admin can start one with `/spar daily on")
          .append(" 09:30 Europe/Berlin mon-fri`.");
    } else {
      Schedule s = schedule.get();
      b.append("**When:** ")
          .append(s.time())
          .append(' ')
          .append(s.zone())
          .append(", ")
          .append(s.describeDays())
          .append("\n**Questions:** ")
          .append(s.filter().describe())
          .append("\n**Next post:** ")
          .append(due == null ? "none scheduled" : local(s, due) + " (" + until(now, due) + ")");
      List<LocalDate> upcoming =
          s.skips().stream().filter(d -> !d.isBefore(s.localDate(now))).toList();
      if (!upcoming.isEmpty()) {
        b.append("\n**Skipped:** ")
            .append(String.join(", ", upcoming.stream().map(LocalDate::toString).toList()));
      }
    }
    open.ifPresent(
        p ->
            b.append("\n**Open question:** `")
                .append(p.questionId())
                .append("` from ")
                .append(p.date())
                .append(", ")
                .append(answers)
                .append(answers == 1 ? " answer" : " answers")
                .append(" so far"));
    return Message.of("Daily question", b.toString());
  }

  /**
   * The daily post: the question, how to answer, and its buttons: Answer (a private form) unless
   * the channel answers in the thread only, and the admins' Reveal.
   */
  static Message question(Question q, LocalDate date, String anchor, boolean threadOnly) {
    String topics = q.topics().isEmpty() ? "" : " \u00b7 " + String.join(", ", q.topics());
    String how =
        threadOnly
            ? "_Answer in this thread. Your last answer before the reveal counts;"
                + " the reveal comes with the next question._"
            : "_Press **Answer** to answer privately: nobody sees it before the reveal, and your"
                + " last answer counts. Replies in this thread count too, but everyone can read"
                + " them._";
    List<Message.Button> buttons = new ArrayList<>();
    if (!threadOnly) {
      buttons.add(
          new Message.Button(
              DailyQuestions.ANSWER_FORM, "Answer", anchor, Message.Button.Style.PRIMARY));
    }
    buttons.add(
        new Message.Button(
            DailyQuestions.REVEAL, "Reveal", anchor, Message.Button.Style.SECONDARY));
    return Message.of(
            "Daily question \u00b7 " + date + " \u00b7 " + q.level().label() + topics,
            q.prompt() + "\n\n" + how)
        .withButtons(buttons);
  }

  static final String ANSWERS_USAGE =
      "Usage: `/spar daily answers private` (an Answer button; answers stay hidden until the"
          + " reveal) or `/spar daily answers thread` (answers are replies in the thread).";

  static String answering(boolean threadOnly) {
    return threadOnly
        ? "From the next question on, this channel answers in the thread: replies are visible to"
            + " everyone."
        : "From the next question on, this channel answers privately with the Answer button;"
            + " answers stay hidden until the reveal (thread replies still count).";
  }

  /** How the reveal lists the answer of someone who hides from the boards. */
  static final String HIDDEN_AUTHOR = "_someone who hides from boards_";

  /** Longest quote of a best answer. */
  static final int QUOTE = 400;

  /** The day's best answer, quoted (the author's words are data), for the reveal and archive. */
  static String bestAnswer(Answer a, int score) {
    return "\n\n**Best answer**: "
        + a.who()
        + ", "
        + score
        + "/100\n\u201c"
        + Inline.data(Texts.clip(a.text().strip(), QUOTE))
        + "\u201d";
  }

  static String consent(boolean keepPrivate) {
    return keepPrivate
        ? "Your answers will not be quoted in reveals or the archive any more. Your grades and"
            + " points are not affected."
        : "Your best answers may be quoted in reveals and the archive again.";
  }

  /** The name of the answer form's one field. */
  static final String ANSWER_FIELD = "answer";

  static final String FORM_GONE = "That daily question no longer exists.";

  static final String EMPTY_ANSWER = "Your answer was empty, so nothing was saved.";

  /** The private answer form, filled with the person's answer so far. */
  static Form answerForm(Post post, String before, int maxAnswerChars) {
    return new Form(
        DailyQuestions.ANSWER_FORM,
        "Daily question " + post.date(),
        "Save answer",
        post.anchor(),
        List.of(
            new Form.Input(
                ANSWER_FIELD,
                "Your answer (private until the reveal)",
                "Explain what you would do and why.",
                before,
                true,
                Math.min(maxAnswerChars, 3000))));
  }

  static String privateAnswerSaved(boolean updated, boolean cut, int maxAnswerChars) {
    return (updated
            ? "Answer updated, privately: your latest answer before the reveal is the one that"
                + " counts."
            : "Answer saved, privately: nobody sees it before the reveal. You can change it with"
                + " the Answer button until then.")
        + (cut ? " (Cut to the first " + maxAnswerChars + " characters.)" : "");
  }

  static String revealedAlready(String where) {
    return "This question has been revealed, so answers no longer count for it. " + where;
  }

  /**
   * The reveal in the post's thread: the key points (or that the question left the bank) and the
   * graded answers, best first; a Dispute button when there are graded answers.
   */
  static Message reveal(
      Post post, Optional<Question> q, List<DailyReveal.Row> rows, Optional<DailyReveal.Row> best) {
    List<KeyPoint> keyPoints = q.map(Question::keyPoints).orElse(List.of());
    StringBuilder b = new StringBuilder();
    if (q.isEmpty()) {
      b.append(
          "_This question is no longer in the question bank; answers cannot be graded and earn no"
              + " points._\n");
    } else {
      b.append("**Key points**\n");
      // Whole points, never clipped: a long one is broken between its sentences.
      keyPoints.forEach(
          k ->
              Feedback.wrap("- " + k.shown(), Feedback.MAX_LINE)
                  .forEach(l -> b.append(l).append('\n')));
      List<String> sources = Feedback.sources(keyPoints);
      if (!sources.isEmpty()) {
        b.append("_Sources_\n");
        sources.forEach(l -> b.append(l).append('\n'));
      }
    }
    b.append('\n');
    if (rows.isEmpty()) {
      b.append("Nobody answered this one.");
    } else {
      // The day's best answer first, quoted: the one to learn from.
      best.ifPresent(
          r -> b.append(bestAnswer(r.answer(), r.grade().score()).strip()).append("\n\n"));
      b.append("**Answers**\n");
      List<String> entries = new ArrayList<>();
      for (DailyReveal.Row r : rows) {
        entries.add(answerLine(r, !keyPoints.isEmpty()));
      }
      b.append(Feedback.fit(entries, Math.max(1_000, Feedback.MAX_BODY - b.length()), "answers"));
    }
    Message reveal =
        Message.of(
            "Reveal \u00b7 "
                + post.questionId()
                + " \u00b7 "
                + rows.size()
                + (rows.size() == 1 ? " answer" : " answers"),
            b.toString().strip());
    if (q.isPresent() && !rows.isEmpty()) {
      reveal =
          reveal.withButtons(
              List.of(
                  Disputes.button(
                      "Dispute my grade", DailyQuestions.DISPUTE_PREFIX + post.anchor())));
    }
    return reveal;
  }

  /**
   * One answer in the reveal: who, score, points and streak, the first key point missed (whole)
   * and, on a line of its own, the first thing the answer said against a key point.
   */
  private static String answerLine(DailyReveal.Row r, boolean graded) {
    Grade g = r.grade();
    // Someone who hides from the boards is not named, nor their points and streak (which the
    // boards leave out too); their grade and what it missed still teach the channel.
    StringBuilder line =
        r.hidden()
            ? new StringBuilder("- ")
                .append(HIDDEN_AUTHOR)
                .append(": ")
                .append(g.score())
                .append("/100")
            : new StringBuilder("- ")
                .append(r.answer().who())
                .append(": ")
                .append(g.score())
                .append("/100, +")
                .append(r.points())
                .append(" points")
                .append(r.streak() > 1 ? ", streak " + r.streak() : "");
    if (graded) {
      List<KeyPoint> missed =
          g.missed().stream()
              .filter(k -> g.contradicted().stream().noneMatch(c -> c.point().equals(k)))
              .toList();
      if (!missed.isEmpty()) {
        line.append(" (missed: ")
            .append(missed.get(0).shown())
            .append(missed.size() > 1 ? "; and " + (missed.size() - 1) + " more" : "")
            .append(")");
      }
      String contradiction = Feedback.firstContradiction(g);
      if (!contradiction.isEmpty()) {
        line.append("\n  \u2717 ").append(contradiction);
      }
    }
    return String.join("\n", Feedback.wrap(line.toString(), Feedback.MAX_LINE));
  }

  /** The reply to an answer in time: received or updated, and whether it was cut. */
  static Message answerAccepted(boolean updated, boolean cut, int maxAnswerChars) {
    return Message.text(
        (updated
                ? "Answer updated: your latest answer before the reveal is the one that counts."
                : "Answer received. You can refine it until the reveal; the last one counts.")
            + (cut ? " (Cut to the first " + maxAnswerChars + " characters.)" : ""));
  }

  /**
   * The reply to an answer after the reveal: practice, graded for the person alone ({@code grade}
   * is empty when the question left the bank), then {@code where} today's question is.
   */
  static Message latePractice(Post post, Optional<Grade> grade, String where) {
    StringBuilder b = new StringBuilder();
    b.append("The ")
        .append(post.date())
        .append(" question was already revealed, so this answer is practice: it is kept and graded")
        .append(" for you only, and earns no points.");
    grade.ifPresent(
        g -> {
          b.append("\n**Your practice score:** ").append(g.score()).append("/100");
          g.covered().forEach(k -> b.append("\n- \u2713 ").append(k.shown()));
          g.missed().forEach(k -> b.append("\n- \u2717 ").append(g.missedLine(k)));
        });
    b.append("\n\n").append(where);
    return Message.text(b.toString());
  }

  /** Where to answer to score: the open question. */
  static String answerOpen(Post open) {
    return "To score, answer today's question ("
        + open.date()
        + ", `"
        + open.questionId()
        + "`) in the thread of the newest daily question in this channel.";
  }

  /** Where to answer to score: nothing is open, the next question comes at {@code due}. */
  static String answerNext(Schedule s, Instant due, Instant now) {
    return "The next daily question comes " + local(s, due) + " (" + until(now, due) + ").";
  }

  static final String NOTHING_SCHEDULED =
      "There is no daily question scheduled in this channel right now.";
}
