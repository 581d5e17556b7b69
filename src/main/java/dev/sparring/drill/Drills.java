package dev.sparring.drill;

import dev.sparring.bank.Banks;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Actor;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Agenda;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.core.OwnedConversations;
import dev.sparring.feedback.Disputable;
import dev.sparring.feedback.DisputeSubject;
import dev.sparring.fsrs.Fsrs;
import dev.sparring.fsrs.Rating;
import dev.sparring.grading.Grader;
import dev.sparring.review.ReviewCard;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Conversation;
import dev.sparring.store.ThreadLink;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /spar drill}: one question at a time, due reviews first, then new questions; after the
 * answer the grade and key points, then a self-rating (Again/Hard/Good/Easy, with the grade's
 * suggestion) that schedules the next review with FSRS-6. {@code drill weak} serves the key points
 * missed in any mode; {@code /spar goal} sets an interview day the drills plan for ({@link
 * GoalPlan}). Routes commands ({@link DrillCommands}, {@link GoalCommand}), thread replies and
 * buttons to the drill's rules ({@link DrillFlow}).
 */
public final class Drills implements Feature, Disputable, Agenda {

  public static final String KIND = "drill";
  static final String RATE = "drill.rate";
  static final String HINT = "drill.hint";
  static final String DISPUTE_PREFIX = "dr:";

  private final Banks banks;
  private final DrillFlow flow;
  private final Fsrs fsrs;
  private final GoalCommand goals;

  public Drills(
      QuestionBank bank, Grader grader, Points points, int maxAnswerChars, DrillSettings settings) {
    this(Banks.of(bank), grader, points, maxAnswerChars, settings);
  }

  /** Drills on each team's questions ({@link Banks#forTeam}). */
  public Drills(
      Banks banks, Grader grader, Points points, int maxAnswerChars, DrillSettings settings) {
    this.banks = banks;
    this.fsrs = settings.scheduler();
    GoalPlan plan = new GoalPlan(fsrs, settings.goalDailyCap());
    this.goals = new GoalCommand(banks, plan);
    this.flow = new DrillFlow(banks, grader, points, maxAnswerChars, fsrs, plan, goals);
  }

  @Override
  public Set<String> commands() {
    return Set.of("drill", "goal");
  }

  @Override
  public List<Help> help() {
    List<Help> help = new java.util.ArrayList<>(DrillCommands.HELP);
    help.addAll(GoalCommand.HELP);
    return help;
  }

  @Override
  public Set<String> threadKinds() {
    return Set.of(KIND);
  }

  @Override
  public String buttonPrefix() {
    return "drill.";
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Profiles.remember(ctx, in.team().key(), in.actor());
    if (command.name().equals("goal")) {
      ctx.out().tell(in, goals.run(ctx, command, in.team().key(), in.actor().user().key()));
      return;
    }
    QuestionBank bank = banks.forTeam(ctx.tx(), in.team().key());
    DrillCommands.Request request = DrillCommands.read(bank, command);
    if (request.stats()) {
      Map<String, ReviewCard> cards = DrillCards.of(ctx, in.team().key(), in.actor().user().key());
      if (cards.isEmpty()) {
        ctx.out().tell(in, DrillProgress.NO_CARDS);
      } else {
        Message stats = DrillProgress.stats(cards.values(), bank.size(), fsrs, ctx.now());
        ctx.out().ephemeral(in.channel(), in.actor().user(), stats);
      }
    } else if (request.error() != null) {
      ctx.out().tell(in, request.error());
    } else {
      flow.serve(ctx, in, request.filter(), request.weak());
    }
  }

  @Override
  public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
    if (m.text().isBlank()) {
      return;
    }
    // Others may discuss the question in the thread; only the person drilling answers.
    OwnedConversations.replyFromOwner(ctx, m, thread.anchor())
        .ifPresent(c -> flow.answer(ctx, m, c));
  }

  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (press.action().equals(HINT)) {
      Optional<Conversation> found =
          ctx.tx().conversations().get(press.value()).filter(c -> c.kind().equals(KIND));
      if (found.isEmpty()) {
        ctx.out().tell(press, DrillTexts.GONE);
      } else if (OwnedConversations.pressedByOwner(
          ctx, press, found.get(), DrillTexts.NOT_OWNER_HINT)) {
        flow.hint(ctx, press, found.get());
      }
      return;
    }
    String[] parts = press.value().split(":", 2);
    Rating rating;
    try {
      rating = Rating.valueOf(parts.length == 2 ? parts[1] : "");
    } catch (IllegalArgumentException e) {
      ctx.out().tell(press, DrillTexts.NOT_A_RATING);
      return;
    }
    Optional<Conversation> found =
        ctx.tx().conversations().get(parts[0]).filter(c -> c.kind().equals(KIND));
    if (found.isEmpty()) {
      ctx.out().tell(press, DrillTexts.GONE);
    } else if (OwnedConversations.pressedByOwner(
        ctx, press, found.get(), DrillTexts.NOT_OWNER_RATE)) {
      flow.rate(ctx, press, found.get(), rating);
    }
  }

  @Override
  public String disputePrefix() {
    return DISPUTE_PREFIX;
  }

  /** The graded answer of a drill (answered: waiting for a rating, rated or closed). */
  @Override
  public Optional<DisputeSubject> disputed(Context ctx, String ref, UserRef who) {
    return ctx.tx()
        .conversations()
        .get(ref.substring(DISPUTE_PREFIX.length()))
        .filter(c -> c.kind().equals(KIND))
        .flatMap(c -> flow.disputed(ctx, ref, c));
  }

  @Override
  public List<Message> home(Context ctx, TeamRef team, Actor actor) {
    String user = actor.user().key();
    Map<String, ReviewCard> cards = DrillCards.of(ctx, team.key(), user);
    String goal =
        GoalCommand.active(ctx, team.key(), user)
            .map(g -> GoalTexts.home(goals.today(ctx, g, team.key(), user)))
            .orElse("");
    return List.of(DrillProgress.home(cards.values(), ctx.now(), goal));
  }

  /**
   * The goal's plan for the day on a person's reminder (due cards alone are listed by the reminder
   * itself): nothing when there is no goal, its day has passed, or today's plan is done.
   */
  @Override
  public List<Agenda.Item> today(Context ctx, Agenda.Day day) {
    String team = day.team().key();
    String user = day.user().key();
    return GoalCommand.active(ctx, team, user)
        .map(g -> goals.today(ctx, g, team, user))
        .filter(t -> t.daysLeft() >= 0 && (t.dueToday() > 0 || t.newToday() > 0))
        .map(t -> new Agenda.Item(20, GoalTexts.nudge(t)))
        .stream()
        .toList();
  }

  /** The team removed the bot: its open drills stop quietly (answers so far are kept). */
  @Override
  public void teamRemoved(Context ctx, TeamRef team) {
    ctx.stopConversations(team, KIND);
  }
}
