package dev.sparring.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Form;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.RecordingGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Private answers: the daily post's Answer button opens a form whose answer is kept but said
 * nowhere before the reveal; the reveal and {@code /spar archive} quote the best answer unless its
 * author keeps their answers private.
 */
class DailyPrivateAnswersTest {

  private static final String SECRET = "Make the handler idempotent with a dedup table SECRET-42.";

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  private String anchor() {
    return "dp:" + Harness.CHANNEL.key() + "#2026-03-01";
  }

  private String post(String question) {
    h.admin("boss", "daily on 09:00 UTC daily");
    h.admin("boss", "daily now " + question);
    return h.drainAndLastThread();
  }

  /** The daily question as posted. */
  private Message question() {
    h.dispatcher.drain();
    return h.gateway.sent().stream()
        .filter(x -> x.message() instanceof dev.sparring.chat.Outbound.Post p && p.anchor() != null)
        .findFirst()
        .orElseThrow()
        .message()
        .message();
  }

  private Form pressAnswer(String user, String thread) {
    Bot.Result r = h.press(user, thread, DailyQuestions.ANSWER_FORM, anchor());
    assertThat(r.forms()).as("forms after pressing Answer: %s", r).hasSize(1);
    return r.forms().get(0);
  }

  private Bot.Result submit(String user, Form form, String text) {
    return h.bot.handle(
        new Inbound.ModalSubmitted(
            h.nextKey(),
            Harness.TEAM,
            Harness.CHANNEL,
            Harness.actor(user),
            form.id(),
            form.value(),
            Map.of(DailyTexts.ANSWER_FIELD, text)));
  }

  private List<String> everythingSent() {
    h.dispatcher.drain();
    return h.gateway.sent().stream()
        .map(RecordingGateway.Sent::message)
        .map(o -> o.message().titleText() + "\n" + o.message().bodyText())
        .toList();
  }

  @Test
  void aFormAnswerIsKeptAndSaidNowhereUntilTheReveal() {
    String t = post("demo-senior");
    Message question = question();
    assertThat(question.buttons()).extracting(Message.Button::label).contains("Answer");
    assertThat(question.takesAnswers()).isTrue();

    Form form = pressAnswer("ana", t);
    assertThat(form.inputs()).singleElement().satisfies(i -> assertThat(i.initial()).isEmpty());
    Bot.Result saved = submit("ana", form, SECRET);
    assertThat(Harness.said(saved)).startsWith("Answer saved, privately");
    // Said back to nobody: no ephemeral or outbox message carries the words.
    assertThat(saved.ephemerals().get(0).message().bodyText()).doesNotContain("SECRET-42");
    assertThat(everythingSent()).noneMatch(s -> s.contains("SECRET-42"));

    // Pressing again shows the answer so far, to its author only, and replaces it.
    Form again = pressAnswer("ana", t);
    assertThat(again.inputs().get(0).initial()).isEqualTo(SECRET);
    assertThat(pressAnswer("bo", t).inputs().get(0).initial()).isEmpty();
    // A form is sent once: a replayed submission changes nothing.
    assertThat(Harness.said(submit("ana", form, "replayed"))).contains("already sent");
    assertThat(Harness.said(submit("ana", again, SECRET + " Also a DLQ.")))
        .startsWith("Answer updated");
    assertThat(everythingSent()).noneMatch(s -> s.contains("SECRET-42"));

    h.admin("boss", "reveal");
    List<String> sent = everythingSent();
    String reveal = sent.get(sent.size() - 1);
    assertThat(reveal).startsWith("Reveal \u00b7 demo-senior \u00b7 1 answer");
    assertThat(reveal).contains("**Best answer**: ").contains("SECRET-42").contains("Also a DLQ");

    // After the reveal the form says so, and a late submission does not count.
    Bot.Result late = h.press("bo", t, DailyQuestions.ANSWER_FORM, anchor());
    assertThat(late.forms()).isEmpty();
    assertThat(Harness.said(late)).contains("has been revealed");
  }

  @Test
  void emptyAndForgedSubmissionsAreRefusedClearly() {
    String t = post("demo-senior");
    Form form = pressAnswer("ana", t);
    assertThat(Harness.said(submit("ana", form, "   "))).isEqualTo(DailyTexts.EMPTY_ANSWER);
    // A form the bot never handed out (another post's anchor) is refused before it is read.
    Form forged =
        new Form(form.id(), form.title(), form.submit(), "dp:console:C9#2026-03-01", form.inputs());
    assertThat(Harness.said(submit("ana", forged, SECRET))).contains("expired");
    assertThat(Harness.said(h.press("ana", t, DailyQuestions.ANSWER_FORM, "nope")))
        .isEqualTo(DailyTexts.FORM_GONE);
  }

  @Test
  void aThreadOnlyChannelHasNoAnswerButtonAndOnlyAdminsChooseIt() {
    h.admin("boss", "daily on 09:00 UTC daily");
    assertThat(Harness.said(h.command("bo", "daily answers thread"))).startsWith("Only admins");
    assertThat(Harness.said(h.admin("boss", "daily answers sideways")))
        .isEqualTo(DailyTexts.ANSWERS_USAGE);
    assertThat(Harness.said(h.admin("boss", "daily answers thread"))).contains("in the thread");
    assertThat(Harness.said(h.command("bo", "daily status"))).contains("Answers: in the thread");
    h.admin("boss", "daily now demo-senior");
    Message question = question();
    assertThat(question.buttons()).extracting(Message.Button::label).containsExactly("Reveal");
    assertThat(question.takesAnswers()).isFalse();
    h.admin("boss", "daily answers private");
    assertThat(Harness.said(h.command("bo", "daily status"))).contains("Answers: private");
  }

  @Test
  void theArchiveListsRevealedQuestionsWithTheBestAnswerUnlessItsAuthorOptsOut() {
    assertThat(Harness.said(h.command("ana", "archive")))
        .isEqualTo("No daily question has been revealed in this channel yet.");
    String t = post("demo-senior");
    submit("ana", pressAnswer("ana", t), SECRET + " Alarm when the DLQ is not empty.");
    h.reply("bo", t, "no idea");
    String open = Harness.said(h.command("ana", "archive"));
    assertThat(open).isEqualTo("No daily question has been revealed in this channel yet.");
    h.admin("boss", "reveal");

    String archive = Harness.said(h.command("bo", "archive"));
    assertThat(archive)
        .contains("**2026-03-01** \u00b7 `demo-senior`")
        .contains("- Make the handler idempotent")
        .contains("**Best answer**: ")
        .contains("SECRET-42");
    assertThat(Harness.said(h.command("bo", "archive 1"))).contains("demo-senior");

    assertThat(Harness.said(h.command("ana", "archive private"))).contains("not be quoted");
    assertThat(Harness.said(h.command("bo", "archive")))
        .contains("`demo-senior`")
        .doesNotContain("SECRET-42")
        .doesNotContain("Best answer");
    h.command("ana", "archive public");
    assertThat(Harness.said(h.command("bo", "archive"))).contains("SECRET-42");

    for (String bad : List.of("0", "21", "nosuchtopic", "1 2")) {
      assertThat(Harness.said(h.command("bo", "archive " + bad))).contains("Usage: `/spar archive");
    }
  }

  @Test
  void aQuotedAnswerIsDataNeverMarkup() {
    String t = post("demo-senior");
    String hostile = "<!channel> **bold** [x](https://evil.example) " + SECRET;
    submit("ana", pressAnswer("ana", t), hostile);
    h.admin("boss", "reveal");
    h.dispatcher.drain();
    List<RecordingGateway.Sent> sent = h.gateway.sent();
    String body = sent.get(sent.size() - 1).message().message().body();
    // The author's words sit inside a data span: renderers escape them on every platform.
    assertThat(body).contains(Inline.data(hostile));
    h.clock.advance(Duration.ofMinutes(1));
    assertThat(h.command("bo", "archive").ephemerals().get(0).message().body())
        .contains(Inline.data(hostile));
  }
}
