package dev.sparring.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.PackLoader;
import dev.sparring.chat.Form;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Suggested questions: the form, the pack checks, the admins' queue and the team pack export. */
class SuggestionsTest {

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  private static Map<String, String> good() {
    Map<String, String> f = new HashMap<>();
    f.put(Drafts.PROMPT, "How would you make an SQS consumer safe to retry?");
    f.put(Drafts.LEVEL, "intermediate");
    f.put(Drafts.TOPICS, "queues, retries");
    f.put(
        Drafts.POINTS,
        String.join(
            "\n",
            "Make the handler idempotent. | idempotent, dedup",
            "Keep processed message ids in a durable table. | processed ids, dedup table",
            "Send poison messages to a dead-letter queue. | dead-letter queue, DLQ",
            "Set the visibility timeout above the handler time. | visibility timeout"));
    f.put(
        Drafts.FOLLOW_UPS,
        String.join(
            "\n",
            "What happens to a message that always fails?",
            "It moves to a dead-letter queue after some receives. | dead-letter queue, DLQ",
            "Alarm when the DLQ is not empty. | alarm, alert",
            "",
            "How do you reprocess it after a fix?",
            "Redrive messages back to the source queue. | redrive, move back",
            "Fix the cause before redriving. | fix first, root cause"));
    return f;
  }

  private Form openForm(String user) {
    Bot.Result r = h.command(user, "suggest");
    assertThat(r.forms()).hasSize(1);
    return r.forms().get(0);
  }

  private Bot.Result submit(String user, Form form, Map<String, String> fields) {
    return h.bot.handle(
        new Inbound.ModalSubmitted(
            h.nextKey(),
            Harness.TEAM,
            Harness.CHANNEL,
            Harness.actor(user),
            form.id(),
            form.value(),
            fields));
  }

  @Test
  void aGoodSuggestionIsQueuedApprovedAndExportedAsAValidPackFile() {
    assertThat(Harness.said(submit("ana", openForm("ana"), good()))).startsWith("Thanks!");
    assertThat(Harness.said(h.command("ana", "suggestions"))).startsWith("Only admins");
    Bot.Result queue = h.admin("boss", "suggestions");
    Message list = queue.ephemerals().get(0).message();
    assertThat(list.bodyText()).contains("by ana").contains("SQS consumer safe to retry");
    assertThat(list.buttons()).extracting(Message.Button::label).contains("Approve 1", "Reject 1");
    // Only an admin's press counts.
    assertThat(Harness.said(h.pressPrivate(queue, "Approve 1", "ana", false))).startsWith("Only");
    assertThat(Harness.said(h.pressPrivate(queue, "Approve 1", "boss", true)))
        .startsWith("Approved");
    assertThat(Harness.said(h.pressPrivate(queue, "Reject 1", "boss", true)))
        .isEqualTo(SuggestTexts.GONE);
    assertThat(Harness.said(h.admin("boss", "suggestions"))).isEqualTo(SuggestTexts.EMPTY);

    assertThat(Harness.said(h.admin("boss", "suggestions export"))).contains("team-pack.yaml");
    h.dispatcher.drain();
    Outbound posted = h.gateway.sent().get(h.gateway.sent().size() - 1).message();
    Message.Attachment file = posted.message().attachments().get(0);
    String yaml = new String(file.data(), StandardCharsets.UTF_8);
    assertThat(yaml).contains("How would you make an SQS consumer safe to retry?");
    PackLoader.Result again = new PackLoader().check("team", yaml);
    assertThat(again.problems()).isEmpty();
    assertThat(again.bank().size()).isEqualTo(1);
  }

  @Test
  void aSuggestionThatFailsThePackChecksIsRefusedAndNothingTypedIsLost() {
    Map<String, String> thin = good();
    thin.put(Drafts.POINTS, "Make the handler idempotent. | idempotent\nUse a DLQ.");
    thin.put(Drafts.LEVEL, "guru");
    String said = Harness.said(submit("ana", openForm("ana"), thin));
    assertThat(said)
        .startsWith("Your suggestion was not sent yet")
        .contains("Level must be one of")
        .contains("needs match terms");
    Form again = openForm("ana");
    assertThat(again.inputs())
        .filteredOn(i -> i.name().equals(Drafts.POINTS))
        .singleElement()
        .satisfies(i -> assertThat(i.initial()).contains("Use a DLQ."));
    // Read but too small for a pack: the pack checks say so.
    Map<String, String> few = good();
    few.put(Drafts.POINTS, "Make the handler idempotent. | idempotent");
    assertThat(Harness.said(submit("ana", again, few))).contains("too few key points");
    assertThat(Harness.said(h.admin("boss", "suggestions"))).isEqualTo(SuggestTexts.EMPTY);
  }

  @Test
  void hostileTextStaysDataInTheQueue() {
    Map<String, String> f = good();
    f.put(Drafts.PROMPT, "<!channel> **Why** [click](https://evil.example) would you retry?");
    submit("ana", openForm("ana"), f);
    Message list = h.admin("boss", "suggestions").ephemerals().get(0).message();
    assertThat(list.body())
        .contains(
            dev.sparring.chat.Inline.data(
                "<!channel> **Why** [click](https://evil.example) would you retry?"));
    assertThat(Harness.said(h.admin("boss", "suggestions nonsense"))).isEqualTo(SuggestTexts.USAGE);
    // A refusal that quotes the person's own key point quotes it as data.
    Map<String, String> bare = good();
    bare.put(Drafts.POINTS, "<!channel> **no terms here**");
    String refused =
        h.bot
            .handle(
                new Inbound.ModalSubmitted(
                    h.nextKey(),
                    Harness.TEAM,
                    Harness.CHANNEL,
                    Harness.actor("ana"),
                    Suggestions.FORM,
                    openForm("ana").value(),
                    bare))
            .ephemerals()
            .get(0)
            .message()
            .body();
    assertThat(refused).contains(dev.sparring.chat.Inline.data("<!channel> **no terms here**"));
    assertThat(Harness.said(h.admin("boss", "suggestions export")))
        .isEqualTo(SuggestTexts.NONE_APPROVED);
  }
}
