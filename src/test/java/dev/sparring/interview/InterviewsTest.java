package dev.sparring.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.store.Answer;
import dev.sparring.store.Conversation;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterviewsTest {

  private Harness h = new Harness(new MemoryStore());

  @AfterEach
  void close() {
    h.close();
  }

  private static String text(Bot.Result r) {
    assertThat(r.ephemerals()).hasSize(1);
    return r.ephemerals().get(0).message().bodyText();
  }

  private String start(String user, String args) {
    Bot.Result r = h.command(user, "interview " + args);
    assertThat(text(r)).contains("in a new thread");
    return h.drainAndLastThread();
  }

  private List<String> thread(String id) {
    h.dispatcher.drain();
    return h.threadTitles(id);
  }

  @Test
  void eachReplyReleasesTheNextFollowUpOnceAndInOrderThenASummary() {
    String t = start("ana", "demo-senior");
    Outbound.Post parent = (Outbound.Post) h.gateway.sent().get(0).message();
    assertThat(parent.message().titleText()).contains("demo-senior").contains("senior");
    assertThat(parent.message().bodyText()).contains("safe to retry");
    assertThat(thread(t)).isEmpty();

    h.reply("ana", t, "Make it idempotent with a dedup table keyed by event id.");
    assertThat(thread(t)).containsExactly("Follow-up 1 of 3");
    h.reply("ana", t, "Redrive after fixing, alarm when not empty.");
    h.reply("ana", t, "FIFO with a message group id.");
    assertThat(thread(t))
        .containsExactly("Follow-up 1 of 3", "Follow-up 2 of 3", "Follow-up 3 of 3");
    assertThat(h.gateway.sent().get(3).message().message().bodyText()).contains("about cost");

    h.reply("ana", t, "Batching and long polling.");
    List<String> titles = thread(t);
    assertThat(titles).hasSize(4);
    assertThat(titles.get(3)).startsWith("Interview complete \u00b7 demo-senior \u00b7 ");
    String summary = h.gateway.sent().get(4).message().message().bodyText();
    assertThat(summary)
        .contains("**Question: ")
        .contains("**Follow-up 1: ")
        .contains("**Follow-up 3: ")
        .contains("\u2713 Make the handler idempotent")
        .contains("\u2717 Alarm on the age of the oldest message")
        .contains("**Sources**")
        .contains("sqs-dead-letter-queues.html (checked 2026-11-30)");

    Bot.Result late = h.reply("ana", t, "one more thought");
    assertThat(text(late)).contains("has ended");
    assertThat(thread(t)).hasSize(4);
  }

  @Test
  void aReplayedKeyChangesNothingAndSendsNothing() {
    String t = start("ana", "demo-senior");
    assertThat(h.reply("console:ev-1", "ana", t, "first").duplicate()).isFalse();
    Bot.Result again = h.reply("console:ev-1", "ana", t, "first");
    assertThat(again.duplicate()).isTrue();
    assertThat(again.queued()).isZero();
    long pending = h.store.transact(tx -> tx.outbox().pending());
    assertThat(pending).isEqualTo(1);
    assertThat(thread(t)).containsExactly("Follow-up 1 of 3");
    String id = conversationOf("ana").id();
    List<Answer> answers = h.store.transact(tx -> tx.answers().of(id));
    assertThat(answers).hasSize(1);
  }

  private Conversation conversationOf(String user) {
    return h.store
        .transact(
            tx ->
                tx.conversations()
                    .active(Harness.TEAM.key(), Harness.user(user).key(), "interview"))
        .orElseThrow();
  }

  @Test
  void otherPeopleInTheThreadDoNotMoveItOn() {
    String t = start("ana", "demo-senior");
    Bot.Result other = h.reply("bo", t, "I think the answer is idempotency");
    assertThat(other.queued()).isZero();
    assertThat(other.ephemerals()).isEmpty();
    assertThat(thread(t)).isEmpty();
    h.reply("ana", t, "mine");
    assertThat(thread(t)).containsExactly("Follow-up 1 of 3");
  }

  @Test
  void blankRepliesAndRepliesInUnknownThreadsAreIgnored() {
    String t = start("ana", "demo-senior");
    assertThat(h.reply("ana", t, "   ").queued()).isZero();
    assertThat(h.reply("ana", "not-a-bot-thread", "hello").queued()).isZero();
    assertThat(thread(t)).isEmpty();
  }

  @Test
  void stopEndsTheInterviewWithASummaryOfWhatWasAnswered() {
    String t = start("ana", "demo-senior");
    h.reply("ana", t, "idempotent handler");
    assertThat(text(h.command("ana", "interview stop"))).contains("stopped");
    List<String> titles = thread(t);
    assertThat(titles).hasSize(2);
    assertThat(titles.get(1)).startsWith("Interview stopped by ana \u00b7 demo-senior");
    String summary = h.gateway.sent().get(2).message().message().bodyText();
    assertThat(summary).contains("**Question: ").contains("**Follow-up 1: not answered**");
    assertThat(text(h.command("ana", "interview stop"))).contains("no interview running");
    assertThat(text(h.reply("ana", t, "too late"))).contains("has ended");
  }

  @Test
  void onlyTheIntervieweeCanPressItsButtons() {
    String t = start("ana", "demo-senior");
    String id = conversationOf("ana").id();
    assertThat(text(h.press("bo", t, Interviews.STOP, id))).contains("Only the person");
    assertThat(text(h.press("ana", t, Interviews.HINT, id)))
        .isEqualTo("Hint: Think about what happens when the same event arrives twice.");
    h.press("ana", t, Interviews.STOP, id);
    assertThat(thread(t)).singleElement().asString().startsWith("Interview stopped by ana");
    assertThat(text(h.press("ana", t, Interviews.STOP, id))).contains("has ended");
  }

  @Test
  void skipMovesToTheNextFollowUpOnceAndTheSummarySaysSkipped() {
    String t = start("ana", "demo-senior");
    String id = conversationOf("ana").id();
    h.press("ana", t, Interviews.SKIP, id);
    assertThat(thread(t)).containsExactly("Follow-up 1 of 3");
    h.reply("ana", t, "redrive");
    h.press("ana", t, Interviews.SKIP, id);
    h.press("ana", t, Interviews.SKIP, id);
    List<String> titles = thread(t);
    assertThat(titles).hasSize(4);
    assertThat(titles.get(3)).startsWith("Interview complete");
    String summary =
        h.gateway.sent().get(h.gateway.sent().size() - 1).message().message().bodyText();
    assertThat(summary)
        .contains("**Question: skipped**")
        .contains("**Follow-up 1: ")
        .contains("**Follow-up 3: skipped**");
    assertThat(text(h.press("bo", t, Interviews.SKIP, id))).contains("Only the person");
  }

  @Test
  void oneInterviewAtATimePerPerson() {
    start("ana", "demo-senior");
    assertThat(text(h.command("ana", "interview demo-basic")))
        .contains("already have an interview");
    start("bo", "demo-senior");
    h.command("ana", "interview stop");
    start("ana", "demo-basic");
  }

  @Test
  void anIdleInterviewExpiresOnTheTickWithASummaryOfWhatWasAnswered() {
    String t = start("ana", "demo-senior");
    String id = conversationOf("ana").id();
    h.reply("ana", t, "Make it idempotent with a dedup table keyed by event id.");
    h.clock.advance(Duration.ofHours(24).minusSeconds(1));
    h.tick();
    assertThat(thread(t)).containsExactly("Follow-up 1 of 3");
    h.clock.advance(Duration.ofSeconds(1));
    h.tick();
    h.dispatcher.drain();
    assertThat(thread(t)).hasSize(2);
    assertThat(thread(t).get(1)).startsWith("Interview expired \u00b7 demo-senior \u00b7 ");
    String summary = h.gateway.sent().get(2).message().message().bodyText();
    assertThat(summary)
        .startsWith("_This interview expired after 1 day without a reply.")
        // The answered step is graded; the rest are listed as not answered, with their key points.
        .containsPattern("\\*\\*Question: \\d+/100\\*\\* How do you make an event consumer")
        .contains("\u2713 Make the handler idempotent")
        .contains("**Follow-up 1: not answered** Follow-up one about the DLQ?")
        .contains("**Follow-up 3: not answered**");
    assertThat(summary.indexOf("**Question: ")).isLessThan(summary.indexOf("**Follow-up 1: "));
    assertThat(text(h.reply("ana", t, "back again"))).contains("has ended");
    assertThat(status(id)).isEqualTo(Conversation.Status.EXPIRED);
  }

  private Conversation.Status status(String id) {
    return h.store.transact(tx -> tx.conversations().get(id)).orElseThrow().status();
  }

  @Test
  void aLateReplyToAnIdleInterviewExpiresItInsteadOfAdvancing() {
    String t = start("ana", "demo-senior");
    h.clock.advance(Duration.ofDays(2));
    h.reply("ana", t, "sorry, was away");
    h.dispatcher.drain();
    assertThat(h.threadTitles(t)).singleElement().asString().startsWith("Interview expired");
    assertThat(h.gateway.sent().get(1).message().message().bodyText())
        .contains("expired after 1 day")
        .contains("**Question: not answered**");
    start("ana", "demo-senior");
  }

  @Test
  void oversizedAnswersAreCutWithANotice() {
    h.close();
    h =
        new Harness(
            new MemoryStore(), TestPacks.demo(), new InterviewSettings(Duration.ofHours(1), 100));
    String t = start("ana", "demo-senior");
    // The notice goes privately with the answer it belongs to...
    assertThat(text(h.reply("ana", t, "x".repeat(5_000))))
        .isEqualTo("Your answer was longer than 100 characters; only the first 100 count.");
    h.dispatcher.drain();
    // ...and the next question, which everyone in the thread reads, has the verdict on the answer
    // and the question, not the notice.
    assertThat(h.gateway.sent().get(1).message().message().bodyText())
        .isEqualTo("**Your answer:** Covered 0 of 6 key points.\n\nFollow-up one about the DLQ?");
    List<Answer> answers = h.store.transact(tx -> tx.answers().of(conversationOf("ana").id()));
    assertThat(answers.get(0).text()).hasSizeLessThanOrEqualTo(100);
  }

  @Test
  void selectionByPackAndLevelAndHelpfulErrors() {
    String t = start("ana", "demo beginner");
    Outbound.Post parent = (Outbound.Post) h.gateway.sent().get(0).message();
    assertThat(parent.message().titleText()).contains("demo-basic");
    assertThat(text(h.command("bo", "interview demo-senoir")))
        .contains("Did you mean `demo-senior`?");
    assertThat(text(h.command("bo", "interview demo nonsense")))
        .contains("No question, pack, level or topic called `nonsense`");
    assertThat(text(h.command("bo", "interview demo advanced"))).contains("No questions match");
    assertThat(text(h.command("bo", "questions demo")))
        .contains("demo-basic")
        .contains("demo-senior");
    assertThat(t).isNotNull();
  }

  @Test
  void aQuestionRemovedFromTheBankEndsTheInterviewCleanly() {
    MemoryStore store = new MemoryStore();
    h.close();
    h = new Harness(store);
    String t = start("ana", "demo-senior");
    QuestionBank without =
        QuestionBank.of(
            TestPacks.demo().questions().stream()
                .filter(q -> !q.id().equals("demo-senior"))
                .toList());
    Harness after = new Harness(store, without, InterviewSettings.defaults());
    // Same store, new bank: the thread is known; deliver through the new harness' gateway.
    Bot.Result r = after.reply("console:fresh-key", "ana", t, "an answer");
    assertThat(r.ephemerals()).isEmpty();
    after.dispatcher.drain();
    assertThat(after.gateway.sent())
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.message().message().bodyText())
                    .contains("no longer in the question bank"));
    String id =
        store
            .transact(tx -> tx.threads().byPlatformId(Harness.CHANNEL.key(), t))
            .orElseThrow()
            .anchor();
    assertThat(status(id)).isEqualTo(Conversation.Status.STOPPED);
    assertThat(
            after
                .bot
                .handle(
                    new dev.sparring.core.Inbound.CommandInvoked(
                        "console:fresh-2",
                        Harness.TEAM,
                        Harness.CHANNEL,
                        Harness.actor("ana"),
                        "interview demo-basic"))
                .ephemerals()
                .get(0)
                .message()
                .body())
        .contains("in a new thread");
  }
}
