package dev.sparring.drill;

import static dev.sparring.drill.Drills.KIND;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Filter;
import dev.sparring.bank.Question;
import dev.sparring.chat.Ids;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.core.OwnedConversations;
import dev.sparring.feedback.DisputeSubject;
import dev.sparring.feedback.Hints;
import dev.sparring.feedback.History;
import dev.sparring.feedback.Tally;
import dev.sparring.fsrs.Fsrs;
import dev.sparring.fsrs.Rating;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.review.MissedPoint;
import dev.sparring.review.ReviewCard;
import dev.sparring.review.Reviews;
import dev.sparring.scoring.Points;
import dev.sparring.store.Answer;
import dev.sparring.store.Conversation;
import dev.sparring.store.Conversation.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of a drill: which question comes next ({@link DrillChoice}), one answer graded (step 0
 * to 1), then one self-rating (step 1 to 2, done) that schedules the card's next review with FSRS
 * ({@link DrillCards}) and awards the answer's points.
 */
final class DrillFlow {

  private final Banks banks;
  private final Grader grader;
  private final Points points;
  private final int maxAnswerChars;
  private final Fsrs fsrs;

  private final GoalPlan plan;
  private final GoalCommand goals;

  DrillFlow(
      Banks banks,
      Grader grader,
      Points points,
      int maxAnswerChars,
      Fsrs fsrs,
      GoalPlan plan,
      GoalCommand goals) {
    this.banks = banks;
    this.grader = grader;
    this.points = points;
    this.maxAnswerChars = maxAnswerChars;
    this.fsrs = fsrs;
    this.plan = plan;
    this.goals = goals;
  }

  /**
   * Serves the person one question in a new thread: from {@code filter}, or the weakest with {@code
   * weak}; with a goal and no filter, the goal's plan first. Asking for a new drill closes an open
   * one (answered or not); its card keeps its schedule.
   */
  void serve(Context ctx, Inbound.CommandInvoked in, Filter filter, boolean weak) {
    String team = in.team().key();
    String user = in.actor().user().key();
    Map<String, ReviewCard> cards = DrillCards.of(ctx, team, user);
    DrillChoice choice = new DrillChoice(banks.forTeam(ctx.tx(), team), fsrs);
    Optional<Goal> goal =
        weak || !filter.isAll()
            ? Optional.empty()
            : GoalCommand.active(ctx, team, user).filter(g -> GoalPlan.daysLeft(g, ctx.now()) >= 0);
    DrillChoice.Choice chosen;
    if (weak) {
      chosen = choice.weakest(cards, filter, ctx.now());
    } else if (goal.isPresent()) {
      chosen = choice.goal(cards, goals.today(ctx, goal.get(), team, user), user, ctx.now());
    } else {
      chosen = choice.next(cards, filter, user, ctx.now());
    }
    serve(ctx, in, chosen);
  }

  /** Serves {@code choice}'s question in a new thread, or says why there is none. */
  void serve(Context ctx, Inbound.CommandInvoked in, DrillChoice.Choice chosen) {
    String closed = "";
    Optional<Conversation> running = OwnedConversations.running(ctx, in, KIND);
    if (running.isPresent()) {
      OwnedConversations.move(ctx, running.get(), running.get().step(), Status.STOPPED);
      closed = DrillTexts.closed(running.get());
    }
    if (chosen.pick() == null) {
      ctx.out().tell(in, chosen.message() + closed);
      return;
    }
    DrillChoice.Pick pick = chosen.pick();
    Question q = pick.question();
    String id = Ids.random("dr-", 12);
    OwnedConversations.open(ctx, id, KIND, in, q.id());
    ctx.out()
        .post(
            in.channel(),
            DrillTexts.question(q, pick.kind(), in.actor().mention(), id, pick.card()),
            id);
    ctx.out().tell(in, DrillTexts.served(q, closed) + pick.note());
  }

  /**
   * The owner wrote {@code m} in the thread of drill {@code c}: its answer, graded. What it missed
   * goes on the card; the points missed before that it covers are cleared, follow-up ones too.
   */
  void answer(Context ctx, Inbound.MessagePosted m, Conversation c) {
    if (!c.active() || c.step() != 0) {
      practice(ctx, m, c);
      return;
    }
    Optional<Question> q = question(ctx, c);
    if (q.isEmpty()) {
      ctx.tx().conversations().compareAndSet(c.advance(0, Status.STOPPED, ctx.now()), c.version());
      ctx.out().reply(c.channel(), c.id(), Message.text(DrillTexts.QUESTION_LEFT));
      return;
    }
    String text = Texts.clip(m.text(), maxAnswerChars);
    ctx.tx().answers().add(new Answer(c.id(), 0, m.actor().user(), text, ctx.now()));
    OwnedConversations.move(ctx, c, 1, Status.ACTIVE);
    Grade g = grader.grade(text, q.get().step(0));
    Tally.record(ctx, c.team().key(), q.get(), 0, g);
    History.record(
        ctx,
        c.team().key(),
        c.owner().key(),
        History.Entry.single(History.Mode.DRILL, q.get(), g.score(), c.id(), ctx.now()));
    String team = c.team().key();
    String user = c.owner().key();
    Reviews.Outcome outcome = Reviews.missed(ctx, team, user, q.get(), 0, g, text, Reviews.DRILL);
    List<MissedPoint> coveredNow = new ArrayList<>(outcome.cleared());
    outcome.open().stream()
        .map(MissedPoint::step)
        .filter(step -> step > 0 && step < q.get().stepCount())
        .distinct()
        .forEach(
            step ->
                coveredNow.addAll(
                    Reviews.covered(
                        ctx, team, user, q.get(), step, grader.grade(text, q.get().step(step)))));
    ctx.out().reply(c.channel(), c.id(), DrillTexts.graded(c.id(), q.get(), g, coveredNow));
  }

  /**
   * The owner writes again in a drill that is already answered: waiting for a rating, rated, or
   * closed. The extra answer is graded for them as practice (it does not move the schedule or
   * score), and they are told what the drill is waiting for or how to get the next one.
   */
  private void practice(Context ctx, Inbound.MessagePosted m, Conversation c) {
    Grade g =
        question(ctx, c)
            .map(q -> grader.grade(Texts.clip(m.text(), maxAnswerChars), q.step(0)))
            .orElse(null);
    ctx.out().ephemeral(m.channel(), m.actor().user(), DrillTexts.practice(c, g));
  }

  /**
   * The owner rated the answer of drill {@code c}: the card's next review is scheduled from the
   * rating, and the points follow the answer's grade, as in every mode.
   */
  void rate(Context ctx, Inbound.ButtonPressed press, Conversation c, Rating rating) {
    if (!c.active() || c.step() != 1) {
      ctx.out().tell(press, c.step() == 0 ? DrillTexts.ANSWER_FIRST : DrillTexts.ALREADY_RATED);
      return;
    }
    OwnedConversations.move(ctx, c, 2, Status.DONE);
    String team = c.team().key();
    String user = c.owner().key();
    Optional<Goal> goal =
        GoalCommand.active(ctx, team, user).filter(g -> goals.covers(ctx, team, g, c.questionId()));
    ReviewCard after =
        DrillCards.review(
            ctx,
            fsrs,
            team,
            user,
            c.questionId(),
            rating,
            card -> goal.map(g -> plan.pull(card, g, ctx.now())).orElse(card));
    boolean pulled =
        goal.isPresent()
            && after.scheduledDays() > 0
            && after
                .due()
                .isBefore(ctx.now().plus(java.time.Duration.ofDays(after.scheduledDays())));
    int earned = earned(ctx, c);
    boolean counted =
        earned > 0
            && points.award(
                ctx,
                new Points.Award(
                    "drill:" + c.id(), team, c.channel().key(), user, "drill", earned, null, null));
    ctx.out()
        .reply(
            c.channel(),
            c.id(),
            DrillTexts.rated(
                rating,
                c.questionId(),
                DrillTexts.when(ctx.now(), after.due())
                    + (pulled
                        ? " (brought forward for your goal on " + goal.get().date() + ")"
                        : ""),
                counted ? earned : 0,
                points.rules().junkBelow()));
  }

  /** Hint: more of the question's hint and key points with each press, before the answer. */
  void hint(Context ctx, Inbound.ButtonPressed press, Conversation c) {
    if (!c.active() || c.step() != 0) {
      ctx.out().tell(press, DrillTexts.HINTS_BEFORE);
      return;
    }
    question(ctx, c)
        .ifPresent(
            q ->
                ctx.out()
                    .tell(
                        press,
                        Hints.next(
                            ctx, c.team().key(), c.id(), 0, c.owner(), q.hint(), q.keyPoints())));
  }

  /** The graded answer of drill {@code c} (answered: waiting for a rating, rated or closed). */
  Optional<DisputeSubject> disputed(Context ctx, String ref, Conversation c) {
    Optional<Question> q = question(ctx, c);
    Optional<Answer> answer = answerOf(ctx, c);
    if (q.isEmpty() || answer.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DisputeSubject(
            ref,
            c.team().key(),
            c.channel().key(),
            answer.get().user().key(),
            c.questionId(),
            0,
            q.get().keyPoints(),
            answer.get().text()));
  }

  /** The drill answer priced like any answer: nothing for junk, else scaled by its grade. */
  private int earned(Context ctx, Conversation c) {
    Optional<Question> q = question(ctx, c);
    Optional<Answer> answer = answerOf(ctx, c);
    if (q.isEmpty() || answer.isEmpty()) {
      return 0;
    }
    return points.rules().points(grader.grade(answer.get().text(), q.get().step(0)).score());
  }

  /** The drill's question, in the view of the drill's team. */
  private Optional<Question> question(Context ctx, Conversation c) {
    return banks.forTeam(ctx.tx(), c.team().key()).get(c.questionId());
  }

  private static Optional<Answer> answerOf(Context ctx, Conversation c) {
    return ctx.tx().answers().of(c.id()).stream().filter(a -> a.step() == 0).findFirst();
  }
}
