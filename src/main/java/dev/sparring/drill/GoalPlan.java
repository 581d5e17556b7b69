package dev.sparring.drill;

import dev.sparring.bank.Question;
import dev.sparring.fsrs.Fsrs;
import dev.sparring.review.ReviewCard;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How an interview-date goal shapes drills. Two rules:
 *
 * <ul>
 *   <li><b>Reviews pulled forward.</b> FSRS schedules a review when recall falls to the desired
 *       retention, so a review due after the goal day always leaves recall on the day above it: the
 *       goal asks for more, recall on the day of at least {@link #target} (half the forgetting the
 *       desired retention allows: 95% at 0.9). When a card of the goal's scope would next be due
 *       after the goal day and recall at the start of that day would fall short of the target, its
 *       review is pulled forward to half the days left (rounded up). Each review near the date is
 *       so pulled again, closer: intervals get denser as the date nears (10 days left: 5, 3, 2, 1).
 *   <li><b>Every question seen before the day.</b> The questions of the scope never drilled are
 *       spread over the days left, so many a day, within a daily load (reviews due today, drills
 *       done today and new ones together) of {@code drill.goalDailyCap}.
 * </ul>
 *
 * Days are UTC days.
 */
final class GoalPlan {

  /** The goal as of now: its progress, prediction and what to do today. */
  record Today(
      Goal goal,
      long daysLeft,
      int total,
      int seen,
      double predicted,
      int dueToday,
      int doneToday,
      int newToday) {}

  private final Fsrs fsrs;
  private final int dailyCap;

  GoalPlan(Fsrs fsrs, int dailyCap) {
    this.fsrs = fsrs;
    this.dailyCap = dailyCap;
  }

  /** The recall on the goal day a goal aims at: half the forgetting the retention allows. */
  double target() {
    return 1 - (1 - fsrs.parameters().desiredRetention()) / 2;
  }

  /**
   * {@code card} (of the goal's scope, just reviewed or not) with its next review pulled forward
   * when it would come on or after the goal day with recall on the day short of the {@link
   * #target}.
   */
  ReviewCard pull(ReviewCard card, Goal goal, Instant now) {
    long daysLeft = daysLeft(goal, now);
    // With one day left, the next review falls on the day whatever: nothing to pull.
    if (daysLeft < 2 || !card.seen() || card.due().isBefore(goal.start())) {
      return card;
    }
    if (fsrs.recall(card.fsrs(), goal.start()) >= target()) {
      return card;
    }
    Instant pulled = now.plus(Duration.ofDays((daysLeft + 1) / 2));
    return pulled.isBefore(card.due()) ? card.withDue(pulled) : card;
  }

  /** Whole UTC days from today to the goal day (0 on the day, negative after). */
  static long daysLeft(Goal goal, Instant now) {
    return ChronoUnit.DAYS.between(now.atOffset(ZoneOffset.UTC).toLocalDate(), goal.date());
  }

  /** The goal's state today over its {@code scope} and the person's {@code cards}. */
  Today today(Goal goal, List<Question> scope, Map<String, ReviewCard> cards, Instant now) {
    Instant dayStart =
        now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant dayEnd = dayStart.plus(Duration.ofDays(1));
    List<ReviewCard> mine =
        scope.stream().map(q -> cards.get(q.id())).filter(c -> c != null).toList();
    int seen = (int) mine.stream().filter(ReviewCard::seen).count();
    double recall =
        mine.stream()
            .filter(ReviewCard::seen)
            .mapToDouble(c -> fsrs.recall(c.fsrs(), goal.start()))
            .sum();
    int due = count(mine, c -> c.due().isBefore(dayEnd));
    int done = count(mine, c -> c.lastReview() != null && !c.lastReview().isBefore(dayStart));
    int introduced =
        count(mine, c -> c.firstReview() != null && !c.firstReview().isBefore(dayStart));
    int unseen = scope.size() - seen;
    long daysLeft = daysLeft(goal, now);
    long quota = daysLeft < 1 ? 0 : (unseen + introduced + daysLeft - 1) / daysLeft;
    long fresh = Math.min(Math.min(quota - introduced, dailyCap - done - due), unseen);
    return new Today(
        goal,
        daysLeft,
        scope.size(),
        seen,
        scope.isEmpty() ? 0 : recall / scope.size(),
        due,
        done,
        (int) Math.max(0, fresh));
  }

  private static int count(
      Collection<ReviewCard> cards, java.util.function.Predicate<ReviewCard> p) {
    return (int) cards.stream().filter(p).count();
  }
}
