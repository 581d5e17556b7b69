package dev.sparring.drill;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Level;
import dev.sparring.bank.Question;
import dev.sparring.chat.Message;
import dev.sparring.fsrs.Card;
import dev.sparring.fsrs.Fsrs;
import dev.sparring.fsrs.Rating;
import dev.sparring.fsrs.State;
import dev.sparring.review.ReviewCard;
import dev.sparring.review.ReviewCards;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /spar goal}: reviews pulled forward as the day nears, new questions within a daily cap.
 */
class GoalTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final Harness h = new Harness(new MemoryStore(), Features.all());
  private final Fsrs fsrs = DrillSettings.defaults().scheduler();

  @AfterEach
  void close() {
    h.close();
  }

  private static Goal goal(String date) {
    return new Goal(LocalDate.parse(date), null, null, null, T0);
  }

  @Test
  void badInputForEveryForm() {
    h.clock.set(T0);
    assertThat(said(h.command("ana", "goal"))).startsWith("You have no goal.");
    assertThat(said(h.command("ana", "goal off"))).isEqualTo("You have no goal to drop.");
    assertThat(said(h.command("ana", "goal soon")))
        .startsWith("`soon` is not a date; write it as YYYY-MM-DD")
        .contains("Usage: `/spar goal YYYY-MM-DD [pack|level|topic]`");
    assertThat(said(h.command("ana", "goal 2026-02-30")))
        .startsWith("`2026-02-30` is not a real date (February 2026 has 28 days).");
    assertThat(said(h.command("ana", "goal 2026-03-01")))
        .isEqualTo(
            "`2026-03-01` is not in the future: give the day of your interview, after today"
                + " (2026-03-02, UTC).");
    assertThat(said(h.command("ana", "goal 2026-03-02"))).contains("is not in the future");
    assertThat(said(h.command("ana", "goal 2029-01-01"))).contains("more than two years away");
    assertThat(said(h.command("ana", "goal 2026-06-01 nonsense")))
        .startsWith(
            "Unknown goal scope: `nonsense` is not a pack, level or topic. Packs: demo, team;");
    assertThat(said(h.command("ana", "goal 2026-06-01 demo advanced")))
        .isEqualTo("No questions match demo \u00b7 advanced.");
    assertThat(said(h.command("ana", "goal off now"))).startsWith("Usage:");
    assertThat(said(h.command("ana", "goal"))).startsWith("You have no goal.");
  }

  @Test
  void aGoalIsShownSetAgainAndDropped() {
    h.clock.set(T0);
    String set = said(h.command("ana", "goal 2026-03-12 demo"));
    assertThat(set)
        .startsWith("Goal set.\n**Goal:** 2026-03-12 (demo), 10 days left\n")
        .contains("**Seen:** 0 of 2 questions")
        .contains("**Predicted recall on the day:** 0%")
        .contains("**Today:** 0 due reviews and 1 new question. `/spar drill` serves them.");
    assertThat(said(h.command("bo", "goal")))
        .as("one goal per person")
        .startsWith("You have no goal");
    assertThat(said(h.command("ana", "goal 2026-03-20 beginner")))
        .contains("**Goal:** 2026-03-20 (beginner), 18 days left")
        .contains("**Seen:** 0 of 1 question");
    assertThat(h.bot.home(Harness.TEAM, Harness.actor("ana")))
        .filteredOn(m -> m.titleText().equals("Drills"))
        .singleElement()
        .extracting(Message::bodyText)
        .asString()
        .contains("**Goal:** 2026-03-20, 18 days left; 0 of 1 seen");
    assertThat(said(h.command("ana", "goal off"))).startsWith("Goal dropped.");
    assertThat(said(h.command("ana", "goal"))).startsWith("You have no goal.");
  }

  @Test
  void drillServesTheGoalsPlanFirstThenSaysItIsDone() {
    h.clock.set(T0);
    h.command("ana", "goal 2026-03-12 beginner");
    assertThat(said(h.command("ana", "drill")))
        .contains("`demo-basic`")
        .contains(
            "Your goal on 2026-03-12 plans 0 due reviews and 1 new question today, this one included.");
    String t = h.drainAndLastThread();
    h.reply("ana", t, "A queue decouples producers from consumers and absorbs bursts.");
    Message.Button good = button("Good");
    h.press("ana", t, good.action(), good.value());
    assertThat(said(h.command("ana", "goal")))
        .contains("**Seen:** 1 of 1 question")
        .contains("**Today:** nothing left for today (1 drill done).");
    assertThat(said(h.command("ana", "drill")))
        .contains("`demo-senior`")
        .contains("Today's plan for your goal is done: this one is extra practice.");
    // A filter asks for something else than the plan.
    assertThat(said(h.command("ana", "drill beginner"))).startsWith("Nothing due in beginner");
  }

  private Message.Button button(String label) {
    h.dispatcher.drain();
    var sent = h.gateway.sent();
    return sent.get(sent.size() - 1).message().message().buttons().stream()
        .filter(b -> b.label().equals(label))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aRatingNearTheDayIsBroughtForwardAndSaysSo() {
    h.clock.set(T0);
    h.command("ana", "goal 2026-03-12 beginner");
    List<String> replies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      h.command("ana", "drill");
      String t = h.drainAndLastThread();
      h.reply("ana", t, "A queue decouples producers from consumers and absorbs bursts.");
      Message.Button good = button("Good");
      h.press("ana", t, good.action(), good.value());
      h.dispatcher.drain();
      var sent = h.gateway.sent();
      replies.add(sent.get(sent.size() - 1).message().message().bodyText());
      ReviewCard c =
          h.store
              .transact(
                  tx ->
                      ReviewCards.get(
                          tx, Harness.TEAM.key(), Harness.user("ana").key(), "demo-basic"))
              .orElseThrow();
      h.clock.set(c.due());
    }
    // 2 days (too soon to pull); then FSRS's ~11 days would pass the day with recall 92%: pulled
    // to half the 8 days left; then the stronger memory keeps recall above 95% on the day.
    assertThat(replies.get(0)).contains("in 2 days").doesNotContain("brought forward");
    assertThat(replies.get(1))
        .contains("in 4 days (2026-03-08) (brought forward for your goal on 2026-03-12)");
    assertThat(replies.get(2)).doesNotContain("brought forward");
  }

  @Test
  void settingAGoalPullsExistingReviewsThatWouldComeTooLate() {
    h.clock.set(T0);
    ReviewCard late =
        new ReviewCard(
            "demo-basic",
            State.REVIEW,
            0,
            11,
            5,
            2,
            0,
            11,
            T0,
            T0.plus(Duration.ofDays(11)),
            2,
            T0,
            List.of());
    h.store.transact(
        tx -> {
          ReviewCards.save(tx, Harness.TEAM.key(), Harness.user("ana").key(), late);
          return null;
        });
    assertThat(said(h.command("ana", "goal 2026-03-10")))
        .contains("_1 review was brought forward so you recall them on the day._");
    ReviewCard pulled =
        h.store
            .transact(
                tx ->
                    ReviewCards.get(
                        tx, Harness.TEAM.key(), Harness.user("ana").key(), "demo-basic"))
            .orElseThrow();
    assertThat(pulled.due()).isEqualTo(T0.plus(Duration.ofDays(4)));
    assertThat(pulled.stability()).isEqualTo(11);
  }

  /**
   * Replays a card rated {@code pattern} at each due time, with the goal and without, up to the
   * goal day: the last review before the day leaves recall on it at the target, the pulled gaps
   * shrink towards the day, and without the goal some schedules fall short.
   */
  @Test
  void reviewsArePulledForwardAsTheDateNears() {
    GoalPlan plan = new GoalPlan(fsrs, 20);
    int shortWithout = 0;
    for (int daysAway = 5; daysAway <= 120; daysAway += 5) {
      for (Rating[] pattern :
          List.of(
              new Rating[] {Rating.GOOD},
              new Rating[] {Rating.GOOD, Rating.HARD},
              new Rating[] {Rating.HARD})) {
        Goal goal =
            new Goal(
                T0.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(daysAway), null, null, null, T0);
        List<Long> pulledGaps = new ArrayList<>();
        ReviewCard withGoal = replay(goal, pattern, plan, pulledGaps);
        assertThat(fsrs.recall(withGoal.fsrs(), goal.start()))
            .as("%d days, %s", daysAway, List.of(pattern))
            .isGreaterThanOrEqualTo(plan.target());
        for (int i = 1; i < pulledGaps.size(); i++) {
          assertThat(pulledGaps.get(i)).isLessThanOrEqualTo(pulledGaps.get(i - 1));
        }
        ReviewCard without = replay(goal, pattern, null, new ArrayList<>());
        if (fsrs.recall(without.fsrs(), goal.start()) < plan.target()) {
          shortWithout++;
        }
      }
    }
    assertThat(shortWithout).as("the goal makes a difference").isGreaterThan(10);
  }

  /** Reviews at each due time until the next would fall after the goal day. */
  private ReviewCard replay(Goal goal, Rating[] pattern, GoalPlan plan, List<Long> pulledGaps) {
    Instant now = T0;
    ReviewCard card = ReviewCard.fresh("q", now);
    for (int i = 0; now.isBefore(goal.start()); i++) {
      Card next = fsrs.review(card.fsrs(), pattern[i % pattern.length], now, "q");
      card = card.reviewed(next);
      if (plan != null) {
        ReviewCard pulled = plan.pull(card, goal, now);
        if (!pulled.due().equals(card.due())) {
          pulledGaps.add(Duration.between(now, pulled.due()).toDays());
          assertThat(pulled.due()).isBefore(goal.start());
        }
        card = pulled;
      }
      now = card.due();
    }
    return card;
  }

  @Test
  void newQuestionsAreSpreadOverTheDaysLeftWithinTheDailyCap() {
    GoalPlan plan = new GoalPlan(fsrs, 20);
    List<Question> scope = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      scope.add(question("q" + i));
    }
    Map<String, ReviewCard> cards = new HashMap<>();
    // 100 unseen, 4 days: 25 a day would be needed, the cap allows 20.
    assertThat(plan.today(goal("2026-03-06"), scope, cards, T0).newToday()).isEqualTo(20);
    // 100 unseen, 20 days: 5 a day.
    assertThat(plan.today(goal("2026-03-22"), scope, cards, T0).newToday()).isEqualTo(5);
    // 5 reviews due today and 3 questions already introduced today count against the cap.
    for (int i = 0; i < 5; i++) {
      cards.put(
          "q" + i,
          seen("q" + i, T0.minus(Duration.ofDays(3)), T0.minus(Duration.ofHours(1)), null));
    }
    for (int i = 5; i < 8; i++) {
      Instant introduced = T0.minus(Duration.ofHours(2));
      cards.put("q" + i, seen("q" + i, introduced, T0.plus(Duration.ofDays(2)), introduced));
    }
    GoalPlan.Today today = plan.today(goal("2026-03-06"), scope, cards, T0);
    assertThat(today.dueToday()).isEqualTo(5);
    assertThat(today.doneToday()).isEqualTo(3);
    assertThat(today.newToday()).isEqualTo(20 - 5 - 3);
    assertThat(plan.today(goal("2026-03-06"), scope, cards, T0).seen()).isEqualTo(8);
    // Far away, today's share is smaller than what the cap leaves: (92 + 3) / 30 = 4, 3 done.
    assertThat(plan.today(goal("2026-04-01"), scope, cards, T0).newToday()).isEqualTo(1);
  }

  private static Question question(String id) {
    return new Question(
        id,
        "p",
        Level.BEGINNER,
        List.of(),
        "Why " + id + "?",
        "",
        List.of(),
        List.of(new KeyPoint("p", List.of("p"))),
        List.of());
  }

  private static ReviewCard seen(String id, Instant last, Instant due, Instant first) {
    return new ReviewCard(id, State.REVIEW, 0, 5, 5, 1, 0, 3, last, due, 1, first, List.of());
  }
}
