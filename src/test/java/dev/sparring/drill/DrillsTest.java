package dev.sparring.drill;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.fsrs.Rating;
import dev.sparring.store.Conversation;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.RecordingGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DrillsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void theGradeSuggestsARating() {
    assertThat(DrillTexts.suggest(0)).isEqualTo(Rating.AGAIN);
    assertThat(DrillTexts.suggest(50)).isEqualTo(Rating.HARD);
    assertThat(DrillTexts.suggest(70)).isEqualTo(Rating.GOOD);
    assertThat(DrillTexts.suggest(95)).isEqualTo(Rating.EASY);
  }

  private String lastThread() {
    return h.drainAndLastThread();
  }

  private Message last() {
    h.dispatcher.drain();
    List<RecordingGateway.Sent> sent = h.gateway.sent();
    return sent.get(sent.size() - 1).message().message();
  }

  private Message.Button button(Message m, String label) {
    return m.buttons().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow();
  }

  @Test
  void aButtonNamingAnotherFeaturesConversationActsOnNothing() {
    assertThat(said(h.command("ana", "drill demo beginner"))).contains("`demo-basic`");
    String drillThread = lastThread();
    String drill = active("drill").id();
    // An interview's Stop button forged to carry the drill's id.
    assertThat(said(h.press("ana", drillThread, "interview.stop", drill)))
        .contains("That interview no longer exists");
    assertThat(active("drill").id()).isEqualTo(drill);

    assertThat(said(h.command("ana", "interview demo-senior"))).contains("in a new thread");
    String interview = active("interview").id();
    // A drill's rating button forged to carry the interview's id.
    assertThat(said(h.press("ana", drillThread, Drills.RATE, interview + ":GOOD")))
        .contains("That drill no longer exists");
    assertThat(active("interview").step()).isZero();
  }

  private Conversation active(String kind) {
    return h.store
        .transact(
            tx -> tx.conversations().active(Harness.TEAM.key(), Harness.user("ana").key(), kind))
        .orElseThrow();
  }

  @Test
  void newQuestionsThenDueReviewsFirstWithRatingsSchedulingTheNext() {
    h.clock.set(T0);
    assertThat(said(h.command("ana", "drill demo beginner"))).contains("`demo-basic`");
    String t = lastThread();
    h.reply("ana", t, "A queue lets producers decouple from consumers and absorbs bursts.");
    Message graded = last();
    assertThat(graded.titleText()).startsWith("Drill \u00b7 ");
    assertThat(graded.bodyText()).contains("Suggested: **");
    assertThat(graded.buttons())
        .extracting(Message.Button::label)
        .containsExactly("Again", "Hard", "Good", "Easy", "Dispute");
    Message.Button good = button(graded, "Good");
    assertThat(said(h.press("bo", t, good.action(), good.value())))
        .contains("Only the person drilling");
    h.press("ana", t, good.action(), good.value());
    // FSRS-6: a new card rated Good leaves its ten-minute learning step with stability 2.3 days.
    assertThat(last().bodyText()).contains("Rated **Good**").contains("in 2 days");
    assertThat(said(h.press("ana", t, good.action(), good.value()))).contains("already rated");

    // Nothing else at that level: the only card is not due yet.
    assertThat(said(h.command("ana", "drill demo beginner"))).contains("Nothing due");
    // Two days later it is due and comes back first.
    h.clock.advance(Duration.ofDays(1));
    assertThat(said(h.command("ana", "drill demo beginner"))).contains("Nothing due");
    h.clock.advance(Duration.ofDays(1));
    assertThat(said(h.command("ana", "drill demo"))).contains("`demo-basic`");
    h.dispatcher.drain();
    Outbound.Post post =
        (Outbound.Post) h.gateway.sent().get(h.gateway.sent().size() - 1).message();
    assertThat(post.message().titleText()).startsWith("Drill \u00b7 Review \u00b7 demo-basic");
    String t2 = lastThread();
    h.reply("ana", t2, "idk");
    Message.Button again = button(last(), "Again");
    assertThat(again.style()).isEqualTo(Message.Button.Style.PRIMARY); // the suggestion
    h.press("ana", t2, again.action(), again.value());
    assertThat(last().bodyText()).contains("in 10 min");

    String stats = said(h.command("ana", "drill stats"));
    assertThat(stats)
        .contains("**Cards:** 1 of 2 questions")
        .contains("**Reviews:** 2, retention 50%")
        .contains("**Typical gap before the next review:** under a day")
        .doesNotContain("ease");
    assertThat(said(h.command("bo", "drill stats"))).contains("No drills yet");
  }

  @Test
  void aContradictedKeyPointIsShownWithWhatTheAnswerSaidAndTheFact() {
    h.clock.set(T0);
    h.command("ana", "drill demo beginner");
    String t = lastThread();
    h.reply(
        "ana",
        t,
        // Two of the first point's terms: after a false statement one would not be enough.
        "A queue decouples producers from consumers for loose coupling, and retries are *optional*"
            + " anyway.");
    String body = last().bodyText();
    assertThat(body)
        .contains("- \u2713 A queue decouples producers from consumers.")
        .contains(
            "- \u2717 You said \u201cretries are *optional* anyway\u201d; in fact: Consumers can"
                + " retry failed messages.")
        .contains("Covered 1 of 4 key points and contradicted 1")
        .contains("- \u2717 It absorbs bursts of load.");
  }

  @Test
  void repliesAfterTheAnswerAreAnsweredAndGradedAsPracticeWithoutMovingTheSchedule() {
    h.clock.set(T0);
    h.command("ana", "drill demo beginner");
    String t = lastThread();
    h.reply("ana", t, "It decouples producers from consumers.");
    Message graded = last();
    int sent = h.gateway.sent().size();

    // Answered, not rated yet: told to rate.
    assertThat(said(h.reply("ana", t, "and it absorbs bursts")))
        .startsWith("You have answered this drill already; rate yourself with the buttons");
    Message.Button good = button(graded, "Good");
    h.press("ana", t, good.action(), good.value());
    h.dispatcher.drain();
    String cardBefore =
        h.store.transact(tx -> tx.documents().byPrefix("drill.card", "", 10)).toString();
    sent = h.gateway.sent().size();

    // Rated: the extra answer is graded privately as practice, with the way to the next drill.
    Bot.Result r =
        h.reply("ana", t, "A queue decouples producers from consumers and absorbs bursts.");
    assertThat(said(r))
        .startsWith("This drill is done and rated.")
        .containsPattern("\\*\\*Practice score:\\*\\* \\d+/100")
        .contains("`/spar drill` serves your next question.");
    assertThat(r.queued()).isZero();
    h.dispatcher.drain();
    assertThat(h.gateway.sent()).hasSize(sent);
    assertThat(h.store.transact(tx -> tx.documents().byPrefix("drill.card", "", 10)).toString())
        .as("practice does not move the schedule")
        .isEqualTo(cardBefore);
    // Someone else talking in the thread is left alone.
    assertThat(h.reply("bo", t, "nice one").ephemerals()).isEmpty();

    // A drill closed by asking for another says so.
    h.command("ana", "drill demo senior");
    String closed = lastThread();
    h.command("ana", "drill demo senior");
    assertThat(said(h.reply("ana", closed, "late"))).startsWith("This drill was closed");
  }

  @Test
  void aNewDrillClosesAnOpenOneAndBadInputIsExplained() {
    h.clock.set(T0);
    h.command("ana", "drill demo senior");
    assertThat(said(h.command("ana", "drill demo beginner"))).contains("was closed");
    assertThat(said(h.command("ana", "drill nonsense")))
        .contains("`nonsense` is not a pack, level or topic");
    assertThat(said(h.press("ana", "x", "drill.rate", "nope"))).contains("not one of Again");
  }

  @Test
  void aQuestionWithAHintGetsAHintButtonThatRevealsMoreUntilTheAnswer() {
    h.command("ana", "drill senior");
    String t = h.drainAndLastThread();
    Message post = last();
    Message.Button hint = button(post, "Hint");
    assertThat(said(h.press("ana", t, hint.action(), hint.value())))
        .isEqualTo("Hint: Think about what happens when the same event arrives twice.");
    assertThat(said(h.press("ana", t, hint.action(), hint.value())))
        .startsWith("Hint: key point 1 of 6 is about");
    assertThat(said(h.press("bo", t, hint.action(), hint.value()))).contains("Only the person");
    h.reply("ana", t, "idempotent");
    assertThat(said(h.press("ana", t, hint.action(), hint.value())))
        .contains("hints are for before you answer");

    h.command("bo", "drill beginner");
    h.drainAndLastThread();
    assertThat(last().buttons()).isEmpty(); // demo-basic has no hint
  }
}
