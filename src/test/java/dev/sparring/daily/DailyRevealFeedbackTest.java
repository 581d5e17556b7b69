package dev.sparring.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Level;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.feedback.Feedback;
import dev.sparring.scoring.ScoringRules;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.TestPacks;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reveal shows whole key points, each answer's contradiction, and fits one message. */
class DailyRevealFeedbackTest {

  private Harness h;

  @AfterEach
  void close() {
    h.close();
  }

  private Message reveal(QuestionBank bank, String question, List<String[]> answers) {
    h = new Harness(new MemoryStore(), Features.all(bank, ScoringRules.defaults()));
    h.admin("boss", "daily on 09:00 UTC daily");
    h.admin("boss", "daily now " + question);
    String t = h.drainAndLastThread();
    for (String[] a : answers) {
      h.reply(a[0], t, a[1]);
    }
    h.admin("boss", "reveal");
    h.dispatcher.drain();
    return h.gateway.sent().get(h.gateway.sent().size() - 1).message().message();
  }

  @Test
  void eachAnswerShowsItsFirstContradictionWholeOnALineOfItsOwn() {
    Message m =
        reveal(
            TestPacks.demo(),
            "demo-senior",
            List.<String[]>of(
                new String[] {"ana", "A DLQ is unnecessary because retries handle everything."},
                new String[] {"bo", "Make the handler idempotent with a dedup table."}));
    String body = Inline.plain(m.body());
    assertThat(body)
        .contains(
            "\n  \u2717 You said \u201cA DLQ is unnecessary\u201d; in fact: Send poison messages"
                + " to a dead letter queue after a few attempts.");
    assertThat(body.lines().filter(l -> l.contains("You said"))).hasSize(1);
    // Missed points are whole, never clipped.
    assertThat(body).contains("(missed: ").doesNotContain("\u2026)");
    assertThat(m.buttons()).extracting(Message.Button::label).containsExactly("Dispute my grade");
  }

  @Test
  void longKeyPointsAreWholeAndTooManyAnswersAreCountedNotCut() {
    StringBuilder point = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      point
          .append(point.length() == 0 ? "" : " ")
          .append("Step ")
          .append(i)
          .append(" of the rollout is described in a full sentence.");
    }
    QuestionBank bank =
        QuestionBank.of(
            List.of(
                new Question(
                    "long-daily",
                    "long",
                    Level.BEGINNER,
                    List.of(),
                    "Describe the rollout.",
                    "",
                    List.of(),
                    List.of(
                        new KeyPoint(point.toString(), List.of("rollout")),
                        new KeyPoint("Canary first.", List.of("canary"))),
                    List.of())));
    List<String[]> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 80; i++) {
      answers.add(new String[] {"u" + i, "A canary goes first, then everyone."});
    }
    Message m = reveal(bank, "long-daily", answers);
    String body = m.bodyText();
    assertThat(body.length()).isLessThanOrEqualTo(Feedback.MAX_BODY + 200);
    for (int i = 1; i <= 20; i++) {
      // Listed in the key points and in every shown answer's "missed", each sentence whole.
      assertThat(body).contains("Step " + i + " of the rollout is described in a full sentence.");
    }
    assertThat(body).containsPattern("_\u2026and \\d+ more answers\\._$");
    assertThat(m.titleText()).endsWith("80 answers");
  }
}
