package dev.sparring.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.FollowUp;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Level;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Inline;
import dev.sparring.feedback.Feedback;
import dev.sparring.store.Conversation;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an interview tells people as they go: verdicts, hints, whole key points, model answers. */
class InterviewFeedbackTest {

  @TempDir Path dir;
  private Harness h = new Harness(new MemoryStore());

  @AfterEach
  void close() {
    h.close();
  }

  private String start(String args) {
    h.command("ana", "interview " + args);
    return h.drainAndLastThread();
  }

  private String id() {
    return h.store
        .transact(
            tx ->
                tx.conversations()
                    .active(Harness.TEAM.key(), Harness.user("ana").key(), "interview"))
        .map(Conversation::id)
        .orElseThrow();
  }

  private List<String> bodies(String thread) {
    h.dispatcher.drain();
    return h.gateway.sent().stream()
        .filter(s -> thread.equals(s.parentId()))
        .map(s -> Inline.plain(s.message().message().body()))
        .toList();
  }

  @Test
  void theVerdictOnEachAnswerComesBeforeTheNextFollowUpWithContradictionsAtOnce() {
    String t = start("demo-senior");
    h.reply(
        "ana",
        t,
        // Two of the handler point's terms: after a false statement one would not be enough.
        "A DLQ is unnecessary because retries handle everything. Make the handler idempotent, for"
            + " an exactly once effect.");
    List<String> after = bodies(t);
    // One message per answer, as before: the verdict, then the follow-up.
    assertThat(after).hasSize(1);
    assertThat(after.get(0))
        .isEqualTo(
            "Your answer: Covered 1 of 6 key points.\n"
                + "\u2717 You said \u201cA DLQ is unnecessary\u201d; in fact: Send poison messages"
                + " to a dead letter queue after a few attempts.\n\n"
                + "Follow-up one about the DLQ?");
    // A skipped step says nothing of the kind.
    h.press("ana", t, Interviews.SKIP, id());
    assertThat(bodies(t)).hasSize(2).last().isEqualTo("Follow-up two about ordering?");
    h.reply("ana", t, "FIFO with a message group id.");
    assertThat(bodies(t))
        .hasSize(3)
        .last()
        .isEqualTo("Your answer: Covered 1 of 2 key points.\n\nFollow-up three about cost?");
  }

  @Test
  void theSummaryEndsWithAModelAnswerForEveryStep() {
    String t = start("demo-basic");
    h.reply("ana", t, "decouples");
    h.reply("ana", t, "hidden");
    h.reply("ana", t, "failed");
    String summary = bodies(t).get(2);
    assertThat(summary.substring(summary.indexOf("Model answer")))
        .contains(
            "_Question:_ A queue decouples producers from consumers. It absorbs bursts of load."
                + " Consumers can retry failed messages. Messages persist until processed.")
        .contains(
            "_Follow-up 2:_ It holds messages that failed too often. You inspect and redrive"
                + " them.");
  }

  @Test
  void eachHintPressRevealsMoreUntilEveryKeyPointIsShown() {
    String t = start("demo-senior");
    String id = id();
    assertThat(hint(t, id))
        .isEqualTo("Hint: Think about what happens when the same event arrives twice.");
    assertThat(hint(t, id))
        .isEqualTo(
            "Hint: key point 1 of 6 is about \u201cidempotent\u201d and \u201cidempotency\u201d."
                + " _(2 of 13)_");
    assertThat(hint(t, id))
        .isEqualTo(
            "Hint: key point 1 of 6: Make the handler idempotent so a repeat has no extra effect."
                + " _(3 of 13)_");
    for (int i = 4; i <= 12; i++) {
      hint(t, id);
    }
    assertThat(hint(t, id))
        .isEqualTo("Hint: key point 6 of 6: Alarm on the age of the oldest message. _(13 of 13)_");
    assertThat(hint(t, id))
        .isEqualTo("No more hints: you have seen all 6 key points of this step.");
    // A follow-up has no hint text of its own: its hints start at its first key point.
    h.reply("ana", t, "idempotent");
    assertThat(hint(t, id))
        .isEqualTo("Hint: key point 1 of 2 is about \u201credrive\u201d and \u201creplay\u201d.");
    // Only the interviewee's presses count.
    assertThat(Harness.said(h.press("bo", t, Interviews.HINT, id))).contains("Only the person");
    assertThat(hint(t, id)).endsWith("_(2 of 4)_");
  }

  private String hint(String thread, String id) {
    return Harness.said(h.press("ana", thread, Interviews.HINT, id));
  }

  @Test
  void hintLevelsSurviveARestart() {
    h.close();
    Path file = dir.resolve("sparring.db");
    h = new Harness(SqliteStore.open(file, SqliteStore.Durability.NORMAL));
    String t = start("demo-senior");
    String id = id();
    hint(t, id);
    hint(t, id);
    h.close();

    Store reopened = SqliteStore.open(file, SqliteStore.Durability.NORMAL);
    h = new Harness(reopened);
    assertThat(hint(t, id)).endsWith("_(3 of 13)_").contains("Make the handler idempotent");
  }

  @Test
  void longKeyPointsAreShownWholeNeverCutInsideASentence() {
    h.close();
    StringBuilder point = new StringBuilder();
    for (int i = 1; i <= 55; i++) {
      point
          .append(point.length() == 0 ? "" : " ")
          .append("Detail ")
          .append(i)
          .append(" of the design is spelled out here in plain words.");
    }
    QuestionBank bank = longBank(point.toString());
    h = new Harness(new MemoryStore(), bank, InterviewSettings.defaults());
    String t = start("long-one");
    h.reply("ana", t, "nothing useful");
    h.reply("ana", t, "nothing either");
    String summary = bodies(t).get(1);
    assertThat(summary.lines())
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Feedback.MAX_LINE));
    for (int i = 1; i <= 55; i++) {
      assertThat(summary)
          .contains("Detail " + i + " of the design is spelled out here in plain words.");
    }
    // Lines break between sentences only; the model answer is shortened after a whole sentence.
    assertThat(summary.lines().filter(l -> l.contains("Detail ")))
        .allSatisfy(l -> assertThat(l).matches("(- \u2717 |_Question:_ )?Detail 1? ?.*"))
        .allSatisfy(
            l ->
                assertThat(l)
                    .satisfiesAnyOf(
                        x -> assertThat(x).endsWith("plain words."),
                        x -> assertThat(x).endsWith(Interviews.MODEL_SHORTENED)));
    assertThat(summary).contains("plain words. " + Interviews.MODEL_SHORTENED);
  }

  /** One question whose two key points are each about 3,000 characters of sentences. */
  static QuestionBank longBank(String point) {
    return QuestionBank.of(
        List.of(
            new Question(
                "long-one",
                "long",
                Level.SENIOR,
                List.of(),
                "Explain the design.",
                "",
                List.of(),
                List.of(
                    new KeyPoint(point, List.of("design")),
                    new KeyPoint(point.replace("Detail", "Aspect"), List.of("aspect"))),
                List.of(
                    new FollowUp(
                        "And then?",
                        List.of(new KeyPoint("Something else entirely.", List.of("else"))),
                        List.of())))));
  }
}
