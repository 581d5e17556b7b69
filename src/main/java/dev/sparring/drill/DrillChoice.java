package dev.sparring.drill;

import dev.sparring.bank.Filter;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Texts;
import dev.sparring.fsrs.Fsrs;
import dev.sparring.review.ReviewCard;
import dev.sparring.review.Reviews;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which question a drill serves: for {@code drill weak}, the weakest card with missed points; else
 * the earliest due card, then a question never drilled. Either a question (with its card, if any)
 * or what to say instead.
 */
final class DrillChoice {

  /**
   * A question to serve, how to label it, the person's card for it (null if none), and a note for
   * the person ("" or a sentence).
   */
  record Pick(Question question, String kind, ReviewCard card, String note) {
    Pick(Question question, String kind, ReviewCard card) {
      this(question, kind, card, "");
    }
  }

  /** The outcome: a pick, or a message saying why there is none. */
  record Choice(Pick pick, String message) {
    static Choice of(Pick p) {
      return new Choice(p, null);
    }

    static Choice none(String message) {
      return new Choice(null, message);
    }
  }

  private final QuestionBank bank;
  private final Fsrs fsrs;

  DrillChoice(QuestionBank bank, Fsrs fsrs) {
    this.bank = bank;
    this.fsrs = fsrs;
  }

  /** The weakest of the person's cards in {@code filter} that still have missed key points. */
  Choice weakest(Map<String, ReviewCard> cards, Filter filter, Instant now) {
    Set<String> ids = ids(filter);
    for (ReviewCard c : Reviews.weakest(cards.values(), fsrs, now)) {
      Optional<Question> q =
          ids.contains(c.questionId()) ? bank.get(c.questionId()) : Optional.empty();
      if (q.isPresent()) {
        return Choice.of(new Pick(q.get(), "Weak point", c));
      }
    }
    return Choice.none(DrillTexts.noWeak(filter));
  }

  /** The earliest due card in {@code filter}, else a question of it never drilled. */
  Choice next(Map<String, ReviewCard> cards, Filter filter, String user, Instant now) {
    List<Question> candidates = filter.select(bank);
    if (candidates.isEmpty()) {
      return Choice.none(filter.nothingMatches(bank, DrillTexts.noMatch(filter)));
    }
    Optional<Pick> due = due(cards, ids(filter), now);
    if (due.isPresent()) {
      return Choice.of(due.get());
    }
    List<Question> pool = QuestionBank.unseenFirst(candidates, cards.keySet());
    // unseenFirst offers seen questions only when every candidate has been seen.
    if (cards.containsKey(pool.get(0).id())) {
      Set<String> ids = ids(filter);
      Instant next =
          cards.values().stream()
              .filter(c -> ids.contains(c.questionId()))
              .map(ReviewCard::due)
              .min(Comparator.naturalOrder())
              .orElse(now);
      return Choice.none(DrillTexts.nothingDue(filter, next));
    }
    return Choice.of(
        new Pick(
            pool.get(Texts.pick(user + "#" + cards.size(), pool.size())), "New question", null));
  }

  /**
   * The goal's plan first: a due card of its scope, else (while today's plan has new ones) a
   * question of its scope never drilled; else anything due, then anything new, as without a goal.
   */
  Choice goal(Map<String, ReviewCard> cards, GoalPlan.Today today, String user, Instant now) {
    Goal goal = today.goal();
    Set<String> scope = ids(goal.scope());
    Optional<Pick> due = due(cards, scope, now);
    if (due.isPresent()) {
      Pick p = due.get();
      return Choice.of(new Pick(p.question(), p.kind(), p.card(), GoalTexts.forGoal(today)));
    }
    if (today.newToday() > 0) {
      List<Question> fresh =
          goal.scope().select(bank).stream().filter(q -> !cards.containsKey(q.id())).toList();
      if (!fresh.isEmpty()) {
        Question q = fresh.get(Texts.pick(user + "#" + cards.size(), fresh.size()));
        return Choice.of(new Pick(q, "New question", null, GoalTexts.forGoal(today)));
      }
    }
    Choice other = next(cards, Filter.ALL, user, now);
    return other.pick() != null
        ? Choice.of(
            new Pick(
                other.pick().question(),
                other.pick().kind(),
                other.pick().card(),
                GoalTexts.DONE_EXTRA))
        : Choice.none(GoalTexts.DONE + " " + other.message());
  }

  /** The earliest due card among {@code ids} whose question is in the bank. */
  Optional<Pick> due(Map<String, ReviewCard> cards, Set<String> ids, Instant now) {
    return cards.values().stream()
        .filter(c -> ids.contains(c.questionId()) && !c.due().isAfter(now))
        .sorted(Comparator.comparing(ReviewCard::due).thenComparing(ReviewCard::questionId))
        .flatMap(c -> bank.get(c.questionId()).map(q -> new Pick(q, kind(c), c)).stream())
        .findFirst();
  }

  private static String kind(ReviewCard c) {
    return c.seen() ? "Review" : "Missed points";
  }

  Set<String> ids(Filter filter) {
    return filter.select(bank).stream().map(Question::id).collect(Collectors.toSet());
  }
}
