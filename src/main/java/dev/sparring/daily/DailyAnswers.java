package dev.sparring.daily;

import dev.sparring.bank.Banks;
import dev.sparring.chat.Texts;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.daily.DailyQuestions.Post;
import dev.sparring.daily.DailyRecords.Answer;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Document;
import dev.sparring.store.ThreadLink;
import java.util.Optional;

/**
 * Answers in a daily post's thread: before the reveal each person's latest answer is kept (it is
 * the one the reveal grades); after it, an answer is late practice, graded for that person alone.
 */
final class DailyAnswers {

  private final Banks banks;
  private final Grader grader;
  private final int maxAnswerChars;

  DailyAnswers(Banks banks, Grader grader, int maxAnswerChars) {
    this.banks = banks;
    this.grader = grader;
    this.maxAnswerChars = maxAnswerChars;
  }

  void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
    if (m.text().isBlank()) {
      return;
    }
    Optional<Document> doc = DailyRecords.postDoc(ctx.tx(), thread.anchor());
    if (doc.isEmpty()) {
      return;
    }
    Post post = DailyRecords.post(doc.get());
    if (!ctx.owns(m, doc.get().team(), post.channel())) {
      return;
    }
    Profiles.remember(ctx, m.team().key(), m.actor());
    Answer answer = answer(m.actor(), m.text(), ctx);
    if (post.revealedAt() != null) {
      latePractice(ctx, m, post, answer);
      return;
    }
    boolean updated = DailyRecords.saveAnswer(ctx.tx(), post, answer);
    boolean cut = answer.text().length() < m.text().length();
    ctx.out()
        .answerAccepted(
            m.channel(), m.actor().user(), DailyTexts.answerAccepted(updated, cut, maxAnswerChars));
  }

  /**
   * The Answer button of a daily post: a form for one private answer, filled with the person's
   * answer so far, or (once revealed) where to answer now.
   */
  void openForm(Context ctx, Inbound.ButtonPressed press) {
    Optional<Document> doc = DailyRecords.postDoc(ctx.tx(), press.value());
    if (doc.isEmpty()
        || !ctx.owns(press, doc.get().team(), DailyRecords.post(doc.get()).channel())) {
      ctx.out().tell(press, DailyTexts.FORM_GONE);
      return;
    }
    Post post = DailyRecords.post(doc.get());
    if (post.revealedAt() != null) {
      ctx.out().tell(press, DailyTexts.revealedAlready(whereToAnswer(ctx, post.channel())));
      return;
    }
    String before =
        DailyRecords.answer(ctx.tx(), post.anchor(), press.actor().user().key())
            .map(Answer::text)
            .orElse("");
    ctx.out().form(DailyTexts.answerForm(post, before, maxAnswerChars));
  }

  /**
   * A submitted answer form: kept like a thread answer, but never posted anywhere, so nobody sees
   * it before the reveal.
   */
  void formSubmitted(Context ctx, Inbound.ModalSubmitted submit) {
    String text = submit.fields().getOrDefault(DailyTexts.ANSWER_FIELD, "");
    Optional<Document> doc = DailyRecords.postDoc(ctx.tx(), submit.value());
    if (doc.isEmpty() || !ctx.owns(submit, doc.get().team(), null)) {
      ctx.out().tell(submit, DailyTexts.FORM_GONE);
      return;
    }
    if (text.isBlank()) {
      ctx.out().tell(submit, DailyTexts.EMPTY_ANSWER);
      return;
    }
    Post post = DailyRecords.post(doc.get());
    Profiles.remember(ctx, submit.team().key(), submit.actor());
    Answer answer = answer(submit.actor(), text, ctx);
    if (post.revealedAt() != null) {
      // Revealed while the form was open: the answer is kept as practice, as in the thread.
      DailyRecords.saveLate(ctx.tx(), post, answer);
      ctx.out().tell(submit, DailyTexts.revealedAlready(whereToAnswer(ctx, post.channel())));
      return;
    }
    boolean updated = DailyRecords.saveAnswer(ctx.tx(), post, answer);
    boolean cut = answer.text().length() < text.length();
    ctx.out().tell(submit, DailyTexts.privateAnswerSaved(updated, cut, maxAnswerChars));
  }

  private Answer answer(dev.sparring.chat.Actor actor, String text, Context ctx) {
    String kept = text.length() > maxAnswerChars ? Texts.clip(text, maxAnswerChars) : text;
    return new Answer(actor.user().key(), actor.displayName(), kept, ctx.now());
  }

  /**
   * An answer in the thread of a revealed question (often yesterday's, answered by habit after
   * today's was posted). It is kept and graded for the person alone, scores nothing (the reveal has
   * shown everyone the key points), and the answer says where today's question is.
   */
  private void latePractice(Context ctx, Inbound.MessagePosted m, Post post, Answer answer) {
    DailyRecords.saveLate(ctx.tx(), post, answer);
    Optional<Grade> grade =
        banks
            .forTeam(ctx.tx(), post.team())
            .get(post.questionId())
            .map(q -> grader.grade(answer.text(), q.step(0)));
    ctx.out()
        .ephemeral(
            m.channel(),
            m.actor().user(),
            DailyTexts.latePractice(post, grade, whereToAnswer(ctx, post.channel())));
  }

  /** Where the channel's current question is, or when the next one comes. */
  private static String whereToAnswer(Context ctx, String channel) {
    Optional<Post> open = DailyRecords.openPostDoc(ctx.tx(), channel).map(DailyRecords::post);
    if (open.isPresent()) {
      return DailyTexts.answerOpen(open.get());
    }
    Optional<Document> schedule = DailyRecords.scheduleDoc(ctx.tx(), channel);
    if (schedule.isPresent() && schedule.get().dueAt() != null) {
      Schedule s = DailyRecords.schedule(schedule.get());
      return DailyTexts.answerNext(s, schedule.get().dueAt(), ctx.now());
    }
    return DailyTexts.NOTHING_SCHEDULED;
  }
}
