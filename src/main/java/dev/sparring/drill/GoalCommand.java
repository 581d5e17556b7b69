package dev.sparring.drill;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Filter;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Dates;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature.Help;
import dev.sparring.review.ReviewCard;
import dev.sparring.review.ReviewCards;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /spar goal}: one interview-date goal per person. {@code goal DATE [pack|level|topic]} sets
 * it (and pulls the reviews of its scope forward where recall on the day would fall short), {@code
 * goal} shows it, {@code goal off} drops it.
 */
final class GoalCommand {

  static final List<Help> HELP =
      List.of(
          Help.of(
              "goal YYYY-MM-DD [pack|level|topic]",
              "your interview day: drills plan reviews and new questions so you have seen them"
                  + " all by then"),
          Help.of("goal", "your goal: days left, questions seen, predicted recall, today's plan"),
          Help.of("goal off", "drop your goal"));

  private final Banks banks;
  private final GoalPlan plan;

  GoalCommand(Banks banks, GoalPlan plan) {
    this.banks = banks;
    this.plan = plan;
  }

  /** Answers {@code command} privately; returns what was said. */
  String run(Context ctx, Command command, String team, String user) {
    List<String> args = command.args();
    if (args.isEmpty()) {
      return active(ctx, team, user)
          .map(g -> GoalTexts.summary(today(ctx, g, team, user)))
          .orElse(GoalTexts.NONE);
    }
    if (args.get(0).equalsIgnoreCase("off")) {
      if (args.size() > 1) {
        return GoalTexts.usage();
      }
      return Goal.clear(ctx.tx(), team, user) ? GoalTexts.CLEARED : GoalTexts.NO_GOAL_TO_CLEAR;
    }
    Dates.Parsed date = Dates.parse(args.get(0));
    if (date.error() != null) {
      return date.error() + " " + GoalTexts.usage();
    }
    LocalDate today = ctx.now().atOffset(ZoneOffset.UTC).toLocalDate();
    if (!date.date().isAfter(today)) {
      return GoalTexts.notFuture(args.get(0), today);
    }
    if (date.date().isAfter(today.plusYears(2))) {
      return GoalTexts.tooFar(args.get(0));
    }
    QuestionBank bank = banks.forTeam(ctx.tx(), team);
    Filter.Parsed scope = Filter.parse(bank, args.subList(1, args.size()));
    if (scope.error() != null) {
      return "Unknown goal scope: " + scope.error();
    }
    if (scope.filter().select(bank).isEmpty()) {
      return scope.filter().nothingMatches(bank, DrillTexts.noMatch(scope.filter()));
    }
    Goal goal = Goal.of(date.date(), scope.filter(), ctx.now());
    goal.save(ctx.tx(), team, user);
    int pulled = pullAll(ctx, goal, team, user);
    return "Goal set.\n"
        + GoalTexts.summary(today(ctx, goal, team, user))
        + (pulled == 0
            ? ""
            : "\n_"
                + pulled
                + (pulled == 1 ? " review was" : " reviews were")
                + " brought forward so you recall them on the day._");
  }

  /** The person's goal, if they have one. */
  static Optional<Goal> active(Context ctx, String team, String user) {
    return Goal.find(ctx.tx(), team, user);
  }

  GoalPlan.Today today(Context ctx, Goal goal, String team, String user) {
    Map<String, ReviewCard> cards = ReviewCards.of(ctx.tx(), team, user);
    return plan.today(goal, goal.scope().select(banks.forTeam(ctx.tx(), team)), cards, ctx.now());
  }

  /** Whether {@code questionId} is in the goal's scope, among the questions of {@code team}. */
  boolean covers(Context ctx, String team, Goal goal, String questionId) {
    QuestionBank bank = banks.forTeam(ctx.tx(), team);
    return bank.get(questionId).map(q -> goal.scope().select(bank).contains(q)).orElse(false);
  }

  /** Pulls forward the reviews of the goal's scope that would come too late; returns how many. */
  private int pullAll(Context ctx, Goal goal, String team, String user) {
    Set<String> ids =
        goal.scope().select(banks.forTeam(ctx.tx(), team)).stream()
            .map(Question::id)
            .collect(Collectors.toSet());
    int n = 0;
    for (ReviewCard c : ReviewCards.of(ctx.tx(), team, user).values()) {
      if (ids.contains(c.questionId())) {
        ReviewCard pulled = plan.pull(c, goal, ctx.now());
        if (!pulled.equals(c)) {
          ReviewCards.save(ctx.tx(), team, user, pulled);
          n++;
        }
      }
    }
    return n;
  }
}
