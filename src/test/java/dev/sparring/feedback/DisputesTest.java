package dev.sparring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.Form;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.Dispute;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Disputing a grade: from the graded answer's button to the admins' list. */
class DisputesTest {

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  /** Ana's finished interview on demo-basic; returns its thread. */
  private String finishedInterview(String user) {
    h.command(user, "interview demo-basic");
    String t = h.drainAndLastThread();
    h.reply(user, t, "A queue decouples producers from consumers and absorbs bursts.");
    h.reply(user, t, "The message is hidden while a consumer works on it.");
    h.reply(user, t, "It holds messages that failed too often.");
    h.dispatcher.drain();
    return t;
  }

  private Message lastIn(String thread) {
    return h.gateway.sent().stream()
        .filter(s -> thread.equals(s.parentId()))
        .reduce((a, b) -> b)
        .orElseThrow()
        .message()
        .message();
  }

  private static Message.Button button(Message m, String label) {
    return m.buttons().stream()
        .filter(b -> b.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no button " + label + " in " + m.buttons()));
  }

  private Bot.Result submit(String user, String value, String reason) {
    return h.bot.handle(
        new Inbound.ModalSubmitted(
            h.nextKey(),
            Harness.TEAM,
            Harness.CHANNEL,
            Harness.actor(user),
            Disputes.FORM,
            value,
            Map.of("reason", reason)));
  }

  /** Presses Dispute, then the key point's button; returns the form that opens. */
  private Form openForm(String user, String thread, Message.Button dispute, String pointLabel) {
    Bot.Result asked = h.press(user, thread, dispute.action(), dispute.value());
    Message ask = asked.ephemerals().get(0).message();
    Message.Button pick = button(ask, pointLabel);
    Bot.Result picked = h.press(user, thread, pick.action(), pick.value());
    assertThat(picked.forms()).hasSize(1);
    return picked.forms().get(0);
  }

  private long disputes() {
    return h.store.transact(tx -> tx.disputes().count(Harness.TEAM.key()));
  }

  @Test
  void aGradedInterviewStepIsDisputedOncePerKeyPointWithItsAnswerAndReason() {
    String t = finishedInterview("ana");
    Message summary = lastIn(t);
    assertThat(summary.buttons())
        .extracting(Message.Button::label)
        .containsExactly("Dispute question", "Dispute follow-up 1", "Dispute follow-up 2");

    Bot.Result asked =
        h.press("ana", t, Disputes.OPEN, button(summary, "Dispute question").value());
    Message ask = asked.ephemerals().get(0).message();
    assertThat(ask.bodyText())
        .contains("1. A queue decouples producers from consumers.")
        .contains("4. Messages persist until processed.");
    assertThat(ask.buttons())
        .extracting(Message.Button::label)
        .containsExactly(
            "Key point 1", "Key point 2", "Key point 3", "Key point 4", "The score overall");

    Form form = openForm("ana", t, button(summary, "Dispute question"), "Key point 4");
    assertThat(form.inputs())
        .singleElement()
        .satisfies(i -> assertThat(i.maxLength()).isEqualTo(500));
    assertThat(Harness.said(submit("ana", form.value(), "I said they are stored durably.")))
        .contains("recorded");
    Dispute d = h.store.transact(tx -> tx.disputes().latest(Harness.TEAM.key(), 10)).get(0);
    assertThat(d.user()).isEqualTo(Harness.user("ana").key());
    assertThat(d.questionId()).isEqualTo("demo-basic");
    assertThat(d.step()).isZero();
    assertThat(d.pointNo()).isEqualTo(4);
    assertThat(d.keyPoint()).isEqualTo("Messages persist until processed.");
    assertThat(d.answer()).startsWith("A queue decouples");
    assertThat(d.reason()).isEqualTo("I said they are stored durably.");
    assertThat(d.channel()).isEqualTo(Harness.CHANNEL.key());
    assertThat(d.at()).isEqualTo(h.clock.instant());

    // The same key point again: the first dispute stands. Another point is another dispute.
    Form again = openForm("ana", t, button(summary, "Dispute question"), "Key point 4");
    assertThat(Harness.said(submit("ana", again.value(), "once more"))).contains("already");
    Form overall = openForm("ana", t, button(summary, "Dispute follow-up 1"), "The score overall");
    submit("ana", overall.value(), "");
    assertThat(disputes()).isEqualTo(2);
    // A used form cannot be sent twice.
    assertThat(Harness.said(submit("ana", form.value(), "replayed"))).contains("expired");
    assertThat(disputes()).isEqualTo(2);
  }

  @Test
  void nobodyCanDisputeSomeoneElsesAnswerWhateverTheyForge() {
    String t = finishedInterview("ana");
    Message.Button dispute = button(lastIn(t), "Dispute question");

    // Bo presses Ana's button, or forges the key point press with Ana's answer in it.
    assertThat(Harness.said(h.press("bo", t, dispute.action(), dispute.value())))
        .contains("only dispute the grades of your own answers");
    Bot.Result forged = h.press("bo", t, Disputes.PICK, dispute.value() + "|1");
    assertThat(forged.forms()).isEmpty();
    assertThat(Harness.said(forged)).contains("your own answers");
    // Bo sends Ana's form ticket, or a made-up value instead of a ticket.
    Form anas = openForm("ana", t, dispute, "Key point 1");
    assertThat(Harness.said(submit("bo", anas.value(), "mine now"))).contains("someone else");
    assertThat(Harness.said(submit("bo", dispute.value() + "|1", "forged"))).contains("expired");
    // A ref to an answer that does not exist, and a key point that does not.
    assertThat(Harness.said(h.press("ana", t, Disputes.OPEN, "iv:nope:0"))).contains("no graded");
    assertThat(Harness.said(h.press("ana", t, Disputes.PICK, dispute.value() + "|9")))
        .contains("not one of the key points");
    assertThat(disputes()).isZero();
    // Ana's own ticket still works.
    submit("ana", anas.value(), "");
    assertThat(disputes()).isEqualTo(1);
  }

  @Test
  void anInterviewStillRunningOrASkippedStepCannotBeDisputed() {
    h.command("ana", "interview demo-basic");
    String t = h.drainAndLastThread();
    String id =
        h.store
            .transact(
                tx ->
                    tx.conversations()
                        .active(Harness.TEAM.key(), Harness.user("ana").key(), "interview"))
            .orElseThrow()
            .id();
    h.reply("ana", t, "decouples");
    assertThat(Harness.said(h.press("ana", t, Disputes.OPEN, "iv:" + id + ":0")))
        .contains("no graded answer");
    h.press("ana", t, "interview.skip", id);
    h.command("ana", "interview stop");
    h.dispatcher.drain();
    assertThat(lastIn(t).buttons())
        .extracting(Message.Button::label)
        .containsExactly("Dispute question");
    assertThat(Harness.said(h.press("ana", t, Disputes.OPEN, "iv:" + id + ":1")))
        .contains("no graded answer");
  }

  @Test
  void onlyAdminsSeeTheDisputesWithPeoplesTextAsData() {
    String t = finishedInterview("ana");
    String hostile = "<!channel> **now** `x` <@U999> _it_ @everyone";
    Form form = openForm("ana", t, button(lastIn(t), "Dispute question"), "Key point 2");
    submit("ana", form.value(), hostile);

    assertThat(Harness.said(h.command("ana", "disputes"))).contains("Only admins");
    Bot.Result list = h.admin("boss", "disputes");
    Message m = list.ephemerals().get(0).message();
    assertThat(m.titleText()).isEqualTo("1 disputed grade, newest first");
    String marked = Inline.render(m.body(), MARKING);
    assertThat(marked)
        .contains("[ana]")
        .contains("`demo-basic` question")
        .contains("key point 2: {{It absorbs bursts of load.}}")
        .contains("Reason: \u201c{{" + hostile + "}}\u201d")
        .contains(
            "Answer: \u201c{{A queue decouples producers from consumers and absorbs bursts.}}");
    // Nothing of the person's text is outside a data span.
    assertThat(marked.replaceAll("\\{\\{[^}]*}}", ""))
        .doesNotContain("<!channel>")
        .doesNotContain("@everyone");
  }

  @Test
  void theAdminListIsNewestFirstInPages() {
    String t = finishedInterview("ana");
    Message summary = lastIn(t);
    Map<String, List<String>> points =
        new java.util.LinkedHashMap<>(
            Map.of(
                "Dispute question",
                List.of(
                    "Key point 1",
                    "Key point 2",
                    "Key point 3",
                    "Key point 4",
                    "The score overall")));
    points.put("Dispute follow-up 1", List.of("Key point 1", "Key point 2", "The score overall"));
    points.put("Dispute follow-up 2", List.of("Key point 1", "Key point 2", "The score overall"));
    for (String step : points.keySet()) {
      for (String point : points.get(step)) {
        Form f = openForm("ana", t, button(summary, step), point);
        h.clock.advance(java.time.Duration.ofMinutes(1));
        submit("ana", f.value(), step + " / " + point);
      }
    }
    Bot.Result first = h.admin("boss", "disputes");
    String body = first.ephemerals().get(0).message().bodyText();
    assertThat(first.ephemerals().get(0).message().titleText()).startsWith("11 disputed grades");
    assertThat(body.indexOf("Dispute follow-up 2 / The score overall"))
        .isLessThan(body.indexOf("Dispute follow-up 2 / Key point 2"));
    assertThat(body)
        .doesNotContain("Dispute question / Key point 1")
        .contains("Dispute question / Key point 2")
        .contains("Page 1 of 2: `/spar disputes 2` for older ones.");
    String second = h.admin("boss", "disputes 2").ephemerals().get(0).message().bodyText();
    assertThat(second).contains("Dispute question / Key point 1").contains("Page 2 of 2.");
    assertThat(second.lines().filter(l -> l.startsWith("- "))).hasSize(1);
    assertThat(Harness.said(h.admin("boss", "disputes 3"))).contains("only 2 pages");
    assertThat(Harness.said(h.admin("boss", "disputes x"))).contains("Usage");
  }

  @Test
  void aDailyAnswerAndADrillAnswerCanBeDisputedByWhoeverGaveThem() {
    h.admin("boss", "daily on 09:00 UTC daily demo");
    h.admin("boss", "daily now demo-basic");
    String daily = h.drainAndLastThread();
    h.reply("ana", daily, "It decouples producers and consumers.");
    h.admin("boss", "reveal");
    h.dispatcher.drain();
    Message reveal = lastIn(daily);
    Message.Button mine = button(reveal, "Dispute my grade");
    assertThat(Harness.said(h.press("bo", daily, mine.action(), mine.value())))
        .contains("no graded answer of yours");
    Form form = openForm("ana", daily, mine, "Key point 2");
    assertThat(Harness.said(submit("ana", form.value(), "bursts"))).contains("recorded");

    h.command("bo", "drill beginner");
    String drill = h.drainAndLastThread();
    h.reply("bo", drill, "Consumers can retry failed messages.");
    h.dispatcher.drain();
    Message graded = lastIn(drill);
    Message.Button dispute = button(graded, "Dispute");
    assertThat(Harness.said(h.press("ana", drill, dispute.action(), dispute.value())))
        .contains("your own answers");
    Form drillForm = openForm("bo", drill, dispute, "The score overall");
    submit("bo", drillForm.value(), "fair enough?");

    List<Dispute> all = h.store.transact(tx -> tx.disputes().latest(Harness.TEAM.key(), 10));
    assertThat(all)
        .extracting(Dispute::user)
        .containsExactlyInAnyOrder(Harness.user("ana").key(), Harness.user("bo").key());
    assertThat(all)
        .extracting(Dispute::answer)
        .containsExactlyInAnyOrder(
            "It decouples producers and consumers.", "Consumers can retry failed messages.");
  }

  /** Data spans in {{ }}, people in [ ], the bot's own text as it is. */
  private static final Inline.Style MARKING =
      new Inline.Style() {
        @Override
        public String bot(String text) {
          return text;
        }

        @Override
        public String data(String text, boolean inCode) {
          return "{{" + text + "}}";
        }

        @Override
        public String mention(UserRef user, String name, boolean inCode) {
          return "[" + name + "]";
        }
      };

  static Actor admin(String id) {
    return new Actor(Harness.user(id), id, true);
  }

  static boolean isPost(Outbound o) {
    return o instanceof Outbound.Post;
  }
}
