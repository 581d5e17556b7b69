package dev.sparring.interview;

import static dev.sparring.interview.Interviews.KIND;
import static dev.sparring.interview.Interviews.SKIPPED;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.core.OwnedConversations;
import dev.sparring.feedback.Hints;
import dev.sparring.feedback.History;
import dev.sparring.feedback.Tally;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.review.Reviews;
import dev.sparring.scoring.Points;
import dev.sparring.store.Answer;
import dev.sparring.store.Conversation;
import dev.sparring.store.Conversation.Status;
import java.util.List;
import java.util.Optional;

/**
 * The rules of an interview: one running per person; the question, then after each answer the next
 * follow-up, strictly in order and exactly once (each step is a compare-and-set on the
 * conversation), then the graded summary and the points it earns. Stopping, skipping, hints, and
 * the expiry of idle interviews follow the same rules.
 */
final class InterviewFlow {

  private static final int EXPIRE_BATCH = 200;

  private final Banks banks;
  private final Grader grader;
  private final InterviewSettings settings;
  private final Points points;
  private final InterviewSummary summary;

  InterviewFlow(Banks banks, Grader grader, InterviewSettings settings, Points points) {
    this.banks = banks;
    this.grader = grader;
    this.settings = settings;
    this.points = points;
    this.summary = new InterviewSummary(points.rules().junkBelow());
  }

  // ---- starting

  /**
   * Whether the person behind {@code in} has an interview going (they are told so); an idle one is
   * expired instead, making room for the new one.
   */
  boolean busy(Context ctx, Inbound.CommandInvoked in) {
    Optional<Conversation> running = OwnedConversations.running(ctx, in, KIND);
    if (running.isEmpty()) {
      return false;
    }
    Conversation c = running.get();
    if (idle(ctx, c)) {
      expire(ctx.forTeam(c.team().key()), c);
      return false;
    }
    ctx.out().tell(in, InterviewTexts.alreadyRunning(c, stepCount(ctx, c)));
    return true;
  }

  /**
   * Opens interview {@code id} in a new thread on one of {@code candidates}: one this person has
   * not had if there is any, and among those a stable spread per person.
   */
  void start(Context ctx, Inbound.CommandInvoked in, List<Question> candidates, String id) {
    String who = in.actor().user().key();
    List<String> done = ctx.tx().conversations().questionIds(in.team().key(), who, KIND);
    List<Question> pool = QuestionBank.unseenFirst(candidates, done);
    Question q = pool.get(Texts.pick(who + "#" + done.size(), pool.size()));
    Conversation c = OwnedConversations.open(ctx, id, KIND, in, q.id());
    ctx.out().post(in.channel(), InterviewTexts.question(q, in.actor().mention(), c.id()), c.id());
    ctx.out().tell(in, InterviewTexts.started(q));
  }

  // ---- answering

  /** The interviewee wrote {@code m} in the thread of {@code c}: the answer to its current step. */
  void reply(Context ctx, Inbound.MessagePosted m, Conversation c) {
    if (m.text().isBlank()) {
      return;
    }
    if (!c.active()) {
      ctx.out().tell(m, InterviewTexts.ENDED);
      return;
    }
    if (idle(ctx, c)) {
      expire(ctx.forTeam(c.team().key()), c);
      return;
    }
    Optional<Question> current = questionOf(ctx, c);
    if (current.isEmpty()) {
      return;
    }
    String text = m.text();
    if (text.length() > settings.maxAnswerChars()) {
      text = Texts.clip(text, settings.maxAnswerChars());
      // Said to the person with their answer, not mixed into the next question everyone reads.
      ctx.out().tell(m, InterviewTexts.cut(settings.maxAnswerChars()));
    }
    answer(ctx, c, current.get(), m.actor().user(), text);
  }

  /** Skips the current step: it is answered as {@link Interviews#SKIPPED}, graded 0. */
  void skip(Context ctx, Conversation c, UserRef who) {
    questionOf(ctx, c).ifPresent(q -> answer(ctx, c, q, who, SKIPPED));
  }

  /** More of the current step's hint and key points, to the interviewee only. */
  void hint(Context ctx, Inbound.ButtonPressed press, Conversation c) {
    questionOf(ctx, c)
        .ifPresent(
            q ->
                ctx.out()
                    .tell(
                        press,
                        Hints.next(
                            ctx,
                            c.team().key(),
                            c.id(),
                            c.step(),
                            c.owner(),
                            c.step() == 0 ? q.hint() : "",
                            q.step(c.step()).keyPoints())));
  }

  /**
   * Records the answer to the current step and moves on by compare-and-set: the next follow-up, or
   * the graded summary after the last one.
   */
  private void answer(Context ctx, Conversation c, Question q, UserRef who, String text) {
    ctx.tx().answers().add(new Answer(c.id(), c.step(), who, text, ctx.now()));
    int next = c.step() + 1;
    if (next >= q.stepCount()) {
      OwnedConversations.move(ctx, c, c.step(), Status.DONE);
      Graded graded = Graded.of(grader, q, ctx.tx().answers().of(c.id()));
      Grade last = graded.grades().get(c.step());
      if (last != null) {
        recordGrade(ctx, c, q, who, text, last);
      }
      int earned = award(ctx, c, graded);
      remember(ctx, c, q, graded, History.Outcome.COMPLETE);
      ctx.out()
          .reply(
              c.channel(), c.id(), summary.of(c.id(), q, graded, "", "Interview complete", earned));
      return;
    }
    OwnedConversations.move(ctx, c, next, Status.ACTIVE);
    // The verdict on this answer comes first, in the same message as the next follow-up, so it
    // is read before it and a contradiction is corrected before the person answers again.
    Grade verdict = text.equals(SKIPPED) ? null : grader.grade(text, q.step(c.step()));
    if (verdict != null) {
      recordGrade(ctx, c, q, who, text, verdict);
    }
    ctx.out().reply(c.channel(), c.id(), InterviewTexts.followUp(q, next, verdict));
  }

  /**
   * Keeps the grade of an answer to the current step: in the key points' tally, and on the person's
   * review card (what they missed comes back in their drills).
   */
  private static void recordGrade(
      Context ctx, Conversation c, Question q, UserRef who, String text, Grade g) {
    Tally.record(ctx, c.team().key(), q, c.step(), g);
    Reviews.missed(ctx, c.team().key(), who.key(), q, c.step(), g, text, Reviews.INTERVIEW);
  }

  /**
   * Awards what a finished interview earns: each answered step priced like any other answer, so
   * skipped and junk steps add nothing and an interview of skips earns nothing. Returns the points
   * that counted (0 when none did).
   */
  private int award(Context ctx, Conversation c, Graded graded) {
    int earned = 0;
    for (Grade g : graded.grades().values()) {
      earned += points.rules().points(g.score());
    }
    boolean counted =
        earned > 0
            && points.award(
                ctx,
                new Points.Award(
                    "interview:" + c.id(),
                    c.team().key(),
                    c.channel().key(),
                    c.owner().key(),
                    "interview",
                    earned,
                    null,
                    null));
    return counted ? earned : 0;
  }

  // ---- stopping and expiry

  /** {@code /spar interview stop}: ends the person's running interview with its summary. */
  void stop(Context ctx, Inbound.CommandInvoked in) {
    Optional<Conversation> running = OwnedConversations.running(ctx, in, KIND);
    if (running.isEmpty()) {
      ctx.out().tell(in, InterviewTexts.NONE_RUNNING);
      return;
    }
    end(ctx, running.get(), in.actor().mention());
    ctx.out().tell(in, InterviewTexts.STOPPED);
  }

  /** Stops {@code c} (stopped {@code by} someone) and posts the summary of what was answered. */
  void end(Context ctx, Conversation c, String by) {
    Optional<Question> q = questionOf(ctx, c);
    if (q.isEmpty()) {
      return;
    }
    OwnedConversations.move(ctx, c, c.step(), Status.STOPPED);
    Graded graded = Graded.of(grader, q.get(), ctx.tx().answers().of(c.id()));
    remember(ctx, c, q.get(), graded, History.Outcome.STOPPED);
    ctx.out()
        .reply(
            c.channel(),
            c.id(),
            summary.of(c.id(), q.get(), graded, "", "Interview stopped by " + by, -1));
  }

  /** Expires the interviews nobody answered for the idle timeout. */
  void tick(Context ctx) {
    for (Conversation c :
        ctx.tx()
            .conversations()
            // idleSince is strict ("before"); a conversation idle for exactly the timeout expires.
            .idleSince(KIND, ctx.now().minus(settings.idleTimeout()).plusMillis(1), EXPIRE_BATCH)) {
      expire(ctx.forTeam(c.team().key()), c);
    }
  }

  private boolean idle(Context ctx, Conversation c) {
    return !c.updatedAt().plus(settings.idleTimeout()).isAfter(ctx.now());
  }

  /** Ends an idle interview with the graded summary of what was answered (and what was not). */
  private void expire(Context ctx, Conversation c) {
    OwnedConversations.move(ctx, c, c.step(), Status.EXPIRED);
    String notice = InterviewTexts.expired(settings.idleTimeout());
    Optional<Question> q = lookUp(ctx, c);
    if (q.isEmpty()) {
      ctx.out().reply(c.channel(), c.id(), Message.text(notice.strip()));
      return;
    }
    Graded graded = Graded.of(grader, q.get(), ctx.tx().answers().of(c.id()));
    remember(ctx, c, q.get(), graded, History.Outcome.EXPIRED);
    ctx.out()
        .reply(
            c.channel(),
            c.id(),
            summary.of(c.id(), q.get(), graded, notice, "Interview expired", -1));
  }

  /**
   * {@code /spar interview resume [question-id]}: reopens the person's latest expired interview (on
   * that question) at the step where it stopped, in its own thread.
   */
  void resume(Context ctx, Inbound.CommandInvoked in, String questionId) {
    String team = in.team().key();
    Optional<Conversation> expired =
        History.latest(ctx.tx(), team, in.actor().user().key(), History.KEEP).stream()
            .filter(e -> e.mode() == History.Mode.INTERVIEW)
            .filter(e -> e.outcome() == History.Outcome.EXPIRED)
            .filter(e -> questionId == null || e.questionId().equalsIgnoreCase(questionId))
            .map(e -> ctx.tx().conversations().get(e.ref()))
            .flatMap(Optional::stream)
            .filter(c -> c.status() == Status.EXPIRED && c.kind().equals(KIND))
            .filter(c -> c.owner().equals(in.actor().user()) && c.team().key().equals(team))
            .findFirst();
    if (expired.isEmpty()) {
      ctx.out().tell(in, InterviewTexts.nothingToResume(questionId));
      return;
    }
    Conversation c = expired.get();
    Optional<Question> q = lookUp(ctx, c);
    if (q.isEmpty() || c.step() >= q.get().stepCount()) {
      ctx.out().tell(in, InterviewTexts.nothingToResume(questionId));
      return;
    }
    OwnedConversations.move(ctx, c, c.step(), Status.ACTIVE);
    ctx.out()
        .reply(
            c.channel(), c.id(), InterviewTexts.resumed(q.get(), c.step(), in.actor().mention()));
    ctx.out().tell(in, InterviewTexts.resumedNote(q.get(), c.step()));
  }

  /** The interview goes into its owner's history with the grade it ended on. */
  private void remember(
      Context ctx, Conversation c, Question q, Graded graded, History.Outcome outcome) {
    long skipped = graded.answers().size() - graded.grades().size();
    History.record(
        ctx,
        c.team().key(),
        c.owner().key(),
        new History.Entry(
            History.Mode.INTERVIEW,
            q.id(),
            graded.average(q),
            (int) (graded.answers().size() - skipped),
            q.stepCount(),
            outcome,
            c.id(),
            ctx.now()));
  }

  // ---- helpers

  /**
   * The conversation's question. If a pack change removed it, the interview cannot go on: it ends
   * with a message in its thread rather than failing on every reply.
   */
  private Optional<Question> questionOf(Context ctx, Conversation c) {
    Optional<Question> q = lookUp(ctx, c);
    if (q.isEmpty()) {
      OwnedConversations.move(ctx, c, c.step(), Status.STOPPED);
      ctx.out().reply(c.channel(), c.id(), InterviewTexts.questionGone(c));
    }
    return q;
  }

  private int stepCount(Context ctx, Conversation c) {
    return lookUp(ctx, c).map(Question::stepCount).orElse(c.step() + 1);
  }

  /** The conversation's question, in the view of the conversation's team. */
  private Optional<Question> lookUp(Context ctx, Conversation c) {
    return banks.forTeam(ctx.tx(), c.team().key()).get(c.questionId());
  }
}
