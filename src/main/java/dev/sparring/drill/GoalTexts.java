package dev.sparring.drill;

import java.util.Locale;

/** What an interview-date goal says: its summary, today's plan, and the goal command's replies. */
final class GoalTexts {

  static final String NONE =
      "You have no goal. Set your interview day with `/spar goal YYYY-MM-DD` (and a pack, level or"
          + " topic to narrow it): drills then plan reviews and new questions so you have seen them"
          + " all by then.";
  static final String CLEARED =
      "Goal dropped. `/spar drill` serves due reviews and new questions as before.";
  static final String NO_GOAL_TO_CLEAR = "You have no goal to drop.";
  static final String DONE = "Today's plan for your goal is done.";
  static final String DONE_EXTRA =
      " Today's plan for your goal is done: this one is extra practice.";

  private GoalTexts() {}

  /** The goal's summary: day and scope, days left, seen, predicted recall, what to do today. */
  static String summary(GoalPlan.Today t) {
    Goal g = t.goal();
    String head =
        "**Goal:** " + g.date() + " (" + g.scope().describe() + ")" + daysLeft(t.daysLeft()) + "\n";
    if (t.daysLeft() < 0) {
      return head
          + "That day has passed. Set your next one with `/spar goal YYYY-MM-DD`, or"
          + " drop this one with `/spar goal off`.";
    }
    return head
        + "**Seen:** "
        + t.seen()
        + " of "
        + t.total()
        + (t.total() == 1 ? " question" : " questions")
        + "\n**Predicted recall on the day:** "
        + String.format(Locale.ROOT, "%d%%", Math.round(100 * t.predicted()))
        + " (the mean over the goal's questions if you stopped now; unseen ones count 0)\n**Today:** "
        + today(t);
  }

  private static String daysLeft(long days) {
    return days > 1
        ? ", " + days + " days left"
        : days == 1 ? ", tomorrow" : days == 0 ? ", today: good luck!" : "";
  }

  /** "3 due reviews and 2 new questions. `/spar drill` serves them." */
  static String today(GoalPlan.Today t) {
    if (t.daysLeft() == 0) {
      return t.dueToday() == 0
          ? "nothing due. A last look: `/spar drill weak`."
          : plural(t.dueToday(), "due review") + ". `/spar drill` serves them.";
    }
    if (t.dueToday() == 0 && t.newToday() == 0) {
      return "nothing left for today"
          + (t.doneToday() > 0 ? " (" + plural(t.doneToday(), "drill") + " done)." : ".");
    }
    return plan(t) + ". `/spar drill` serves them.";
  }

  private static String plan(GoalPlan.Today t) {
    return plural(t.dueToday(), "due review") + " and " + plural(t.newToday(), "new question");
  }

  /** The goal's line on a reminder: the day, how far off, and today's plan. */
  static String nudge(GoalPlan.Today t) {
    return "**Your interview goal, " + t.goal().date() + daysLeft(t.daysLeft()) + ":** " + today(t);
  }

  /** The note on a drill served for the goal. */
  static String forGoal(GoalPlan.Today t) {
    return " Your goal on " + t.goal().date() + " plans " + plan(t) + " today, this one included.";
  }

  /** The home view's line. */
  static String home(GoalPlan.Today t) {
    return t.daysLeft() < 0
        ? "\nYour goal day " + t.goal().date() + " has passed."
        : "\n**Goal:** "
            + t.goal().date()
            + daysLeft(t.daysLeft())
            + "; "
            + t.seen()
            + " of "
            + t.total()
            + " seen; today: "
            + today(t);
  }

  static String notFuture(String date, java.time.LocalDate today) {
    return "`"
        + date
        + "` is not in the future: give the day of your interview, after today ("
        + today
        + ", UTC).";
  }

  static String tooFar(String date) {
    return "`" + date + "` is more than two years away; give a day within two years.";
  }

  static String usage() {
    return "Usage: `/spar goal YYYY-MM-DD [pack|level|topic]`, `/spar goal` to see it, `/spar goal"
        + " off` to drop it.";
  }

  private static String plural(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
