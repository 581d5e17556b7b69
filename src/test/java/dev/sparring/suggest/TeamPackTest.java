package dev.sparring.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sparring.bank.Filter;
import dev.sparring.bank.PackWriter;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.TeamQuestions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Approved suggestions are asked in their team, like any pack's question, and never in another:
 * interviews (follow-ups in order, graded), drills, competitions and listings; a removed question
 * is no longer asked; other replicas see an approval at once; stored questions that no longer load
 * are skipped; a team question never shadows a file pack's.
 */
class TeamPackTest {

  private static final TeamRef OTHER = new TeamRef(ConsoleModule.PLATFORM, "T2");
  private static final ChannelRef OTHER_CHANNEL = new ChannelRef(ConsoleModule.PLATFORM, "C2");

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  private String approve() {
    return TeamQuestions.approve(h.bot, Harness.TEAM, Harness.CHANNEL, "ana", "boss");
  }

  /** What a command in the other team answered, as its person reads it. */
  private String inOther(String text, boolean admin) {
    Bot.Result r =
        h.bot.handle(
            new Inbound.CommandInvoked(
                h.nextKey(),
                OTHER,
                OTHER_CHANNEL,
                new Actor(Harness.user("olga"), "olga", admin),
                text));
    StringBuilder b = new StringBuilder();
    r.ephemerals().forEach(e -> b.append(e.message().titleText()).append('\n'));
    r.ephemerals().forEach(e -> b.append(e.message().bodyText()).append('\n'));
    return b.toString();
  }

  private List<Outbound> sent() {
    h.dispatcher.drain();
    return h.gateway.sent().stream().map(s -> s.message()).toList();
  }

  @Test
  void anApprovedQuestionIsAskedGradedAndListedInItsTeamOnlyAndGoneOnceRemoved() {
    assertThat(Harness.said(h.command("ana", "interview pack team"))).isEqualTo(Filter.TEAM_EMPTY);
    // "pack" names what the next word is; a word that is no pack is named as the one at fault.
    assertThat(Harness.said(h.command("ana", "interview pack nope")))
        .startsWith("No question, pack, level or topic called `nope`.");
    assertThat(Harness.said(h.command("ana", "drill pack senior")))
        .startsWith("`senior` is not a pack.");
    String id = approve();

    assertThat(Harness.said(h.command("ana", "interview pack team")))
        .isEqualTo("Your interview on `" + id + "` is in a new thread: answer there.");
    String thread = h.drainAndLastThread();
    Outbound asked = sent().get(sent().size() - 1);
    assertThat(asked.message().titleText()).contains(id).contains("team").doesNotContain("demo");
    assertThat(asked.message().bodyText()).contains(TeamQuestions.PROMPT);
    h.reply("ana", thread, TeamQuestions.GOOD_ANSWER);
    h.reply("ana", thread, "It lands in the dead-letter queue; alarm when the DLQ is not empty.");
    h.reply("ana", thread, "Fix the root cause first, then redrive them back to the queue.");
    h.dispatcher.drain();
    List<String> titles = h.threadTitles(thread);
    assertThat(titles.get(0)).isEqualTo("Follow-up 1 of 2");
    assertThat(titles.get(1)).isEqualTo("Follow-up 2 of 2");
    assertThat(titles.get(2)).startsWith("Interview complete \u00b7 " + id);
    List<Outbound> inThread =
        sent().stream().filter(o -> o.message().titleText().startsWith("Follow-up")).toList();
    assertThat(inThread.get(0).message().bodyText()).contains(TeamQuestions.FOLLOW_UP_1);
    assertThat(inThread.get(1).message().bodyText()).contains(TeamQuestions.FOLLOW_UP_2);
    String summary = sent().get(sent().size() - 1).message().bodyText();
    assertThat(summary)
        .contains("\u2713 Make the handler idempotent")
        .contains("\u2713 Redrive messages back to the source queue");

    // Listed here, with its own pack and topic.
    assertThat(h.command("ana", "questions team").ephemerals().get(0).message().bodyText())
        .contains(id);
    assertThat(h.command("ana", "topics").ephemerals().get(0).message().bodyText())
        .contains("- team (1 question)")
        .contains("- " + TeamQuestions.TOPIC + " (1 question)");

    // Another team never meets it: not asked, not listed, not exported, not removable there.
    assertThat(inOther("interview pack team", false)).contains(Filter.TEAM_EMPTY);
    assertThat(inOther("interview " + id, false)).contains("No question, pack, level or topic");
    assertThat(inOther("drill team", false)).contains(Filter.TEAM_EMPTY);
    assertThat(inOther("compete start Cup 2d pack team", true)).contains(Filter.TEAM_EMPTY);
    assertThat(inOther("daily now " + id, true)).contains("No question");
    for (String listing : List.of("questions", "topics", "questions team")) {
      assertThat(inOther(listing, false))
          .as(listing)
          .doesNotContain(id)
          .doesNotContain(TeamQuestions.TOPIC)
          .doesNotContain("zebra");
    }
    assertThat(inOther("suggestions export", true)).contains(SuggestTexts.NONE_APPROVED);
    assertThat(inOther("suggestions remove " + id, true)).contains("No approved question");
    assertThat(Harness.said(h.command("ana", "interview " + id))).contains("in a new thread");
    h.command("ana", "interview stop");

    // Retired: only by an admin, and then it is no longer asked.
    assertThat(Harness.said(h.command("ana", "suggestions remove " + id)))
        .startsWith("Only admins");
    assertThat(Harness.said(h.admin("boss", "suggestions remove " + id)))
        .startsWith("Removed `" + id + "`");
    assertThat(Harness.said(h.admin("boss", "suggestions remove " + id)))
        .startsWith("No approved question");
    assertThat(Harness.said(h.command("ana", "interview pack team"))).isEqualTo(Filter.TEAM_EMPTY);
    assertThat(Harness.said(h.command("ana", "interview " + id)))
        .contains("No question, pack, level or topic");
    assertThat(Harness.said(h.admin("boss", "suggestions export")))
        .isEqualTo(SuggestTexts.NONE_APPROVED);
  }

  @Test
  void drillsWeakCardsAndCompetitionsDrawTheTeamQuestion() {
    String id = approve();
    assertThat(Harness.said(h.command("ana", "drill pack team"))).contains("`" + id + "`");
    String drill = h.drainAndLastThread();
    // A thin answer: what it missed comes back with drill weak.
    h.reply("ana", drill, "I would make the handler idempotent.");
    h.dispatcher.drain();
    assertThat(h.threadTitles(drill)).isNotEmpty();
    assertThat(Harness.said(h.command("ana", "drill weak team"))).contains("`" + id + "`");
    java.util.Optional<dev.sparring.store.Conversation> weak =
        h.store.transact(
            tx ->
                tx.conversations().active(Harness.TEAM.key(), Harness.user("ana").key(), "drill"));
    assertThat(weak.map(c -> c.questionId())).contains(id);

    h.admin("boss", "compete start Cup 2d pack team");
    assertThat(sent())
        .anyMatch(
            o ->
                o.message().bodyText().contains(TeamQuestions.PROMPT)
                    && o.message().titleText().contains("Cup"));
  }

  @Test
  void anotherReplicaAsksAnApprovedQuestionAtItsNextEvent() {
    Harness replica = new Harness(h.store, Features.all());
    try {
      // Both replicas have looked at the team's questions (and keep their view).
      assertThat(Harness.said(h.command("ana", "interview pack team")))
          .isEqualTo(Filter.TEAM_EMPTY);
      assertThat(Harness.said(replica.command("bo", "interview pack team")))
          .isEqualTo(Filter.TEAM_EMPTY);
      String id = approve();
      assertThat(Harness.said(replica.command("bo", "interview pack team")))
          .contains("`" + id + "`");
      assertThat(Harness.said(h.admin("boss", "suggestions remove " + id))).startsWith("Removed");
      assertThat(Harness.said(replica.command("cy", "interview pack team")))
          .isEqualTo(Filter.TEAM_EMPTY);
    } finally {
      replica.dispatcher.close();
    }
  }

  /** A stored question as the queue stores it, with this pack text. */
  private static String body(String id, String yaml) {
    return Json.write(
        new Suggestions.Suggestion(id, yaml, "q", "console:ana", "ana", Instant.EPOCH));
  }

  private static String yamlOf(String id) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("id", id);
    q.put("level", "beginner");
    q.put("topics", List.of("clash"));
    q.put("prompt", "A question that reuses the id of a file pack's question?");
    q.put(
        "keyPoints",
        List.of(
            point("First point.", "first"),
            point("Second point.", "second"),
            point("Third point.", "third"),
            point("Fourth point.", "fourth")));
    q.put(
        "followUps",
        List.of(
            Map.of(
                "prompt",
                "One more?",
                "keyPoints",
                List.of(point("More.", "more"), point("Again.", "again"))),
            Map.of(
                "prompt",
                "And another?",
                "keyPoints",
                List.of(point("Yes.", "yes"), point("No.", "no")))));
    return PackWriter.dump(List.of(q));
  }

  private static Map<String, Object> point(String point, String term) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("point", point);
    k.put("terms", List.of(term));
    return k;
  }

  @Test
  void storedQuestionsThatNoLongerLoadAreSkippedWithAWarningAndTheRestIsServed() {
    String id = approve();
    String team = Harness.TEAM.key();
    h.store.transact(
        tx -> {
          tx.documents()
              .put(
                  Document.create(
                      Suggestions.TEAM_PACK, team + "#team-broken1", team, "{no", null));
          tx.documents()
              .put(
                  Document.create(
                      Suggestions.TEAM_PACK,
                      team + "#team-broken2",
                      team,
                      body("team-broken2", "questions:\n  - id: team-broken2\n    prompt: thin\n"),
                      null));
          tx.documents()
              .put(
                  Document.create(
                      Suggestions.TEAM_PACK,
                      team + "#demo-basic",
                      team,
                      body("demo-basic", yamlOf("demo-basic")),
                      null));
          return null;
        });
    Logger logger = (Logger) LoggerFactory.getLogger(TeamBanks.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
    // A new process reads the rows afresh (as after a restart or on another replica).
    Harness restarted = new Harness(h.store, Features.all());
    try {
      assertThat(Harness.said(restarted.command("ana", "questions team"))).contains(id);
      assertThat(Harness.said(restarted.command("ana", "interview pack team")))
          .contains("`" + id + "`");
      // The file pack's question keeps its id.
      assertThat(Harness.said(restarted.command("bo", "interview demo-basic")))
          .contains("`demo-basic`");
      restarted.dispatcher.drain();
      assertThat(restarted.gateway.sent())
          .noneMatch(s -> s.message().message().bodyText().contains("reuses the id"));
    } finally {
      restarted.dispatcher.close();
      logger.detachAppender(logs);
    }
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anyMatch(m -> m.contains("team-broken1") && m.contains("unreadable"))
        .anyMatch(m -> m.contains("team-broken2") && m.contains("no longer passes"))
        .anyMatch(m -> m.contains("demo-basic") && m.contains("file pack"));
  }

  @Test
  void aSuggestionWhoseIdAFilePackTookCannotBeApprovedAndStaysQueued() {
    String team = Harness.TEAM.key();
    h.store.transact(
        tx ->
            tx.documents()
                .insert(
                    Document.create(
                        Suggestions.PENDING,
                        team + "#demo-basic#console:ana",
                        team,
                        body("demo-basic", yamlOf("demo-basic")),
                        null)));
    Bot.Result queue = h.admin("boss", "suggestions");
    assertThat(Harness.said(h.pressPrivate(queue, "Approve 1", "boss", true)))
        .contains("cannot be approved")
        .contains("demo-basic");
    Message still = h.admin("boss", "suggestions").ephemerals().get(0).message();
    assertThat(still.bodyText()).contains("`demo-basic`");
    assertThat(Harness.said(h.command("ana", "interview pack team"))).isEqualTo(Filter.TEAM_EMPTY);
    assertThat(Harness.said(h.pressPrivate(queue, "Reject 1", "boss", true)))
        .startsWith("Rejected");
  }

  @Test
  void aPersonsKeyPointsAreStoredAsWrittenAndShownAsDataInDrillsDisputesAndTheReport() {
    String id =
        TeamQuestions.approve(
            h.bot, Harness.TEAM, Harness.CHANNEL, "ana", "boss", TeamQuestions.hostileFields());
    h.command("ana", "interview pack team");
    h.reply("ana", h.drainAndLastThread(), TeamQuestions.FIRST_POINT_ANSWER);
    // The card remembers the missed points as written: no span, so earlier rows still match.
    assertThat(remembered(id)).contains(TeamQuestions.LONG_POINT).noneMatch(Inline::spanned);

    assertThat(Harness.said(h.command("ana", "drill weak"))).contains("`" + id + "`");
    String drill = h.drainAndLastThread();
    h.reply("ana", drill, "Keep the processed ids in a dedup table, so a redelivery is skipped.");
    Message graded = sent().get(sent().size() - 1).message();
    assertThat(graded.body())
        .contains("**Missed before, covered now:** " + Inline.data(TeamQuestions.LONG_POINT))
        .contains("- \u2713 " + Inline.data(TeamQuestions.HOSTILE_POINT) + "\n");
    assertThat(remembered(id)).doesNotContain(TeamQuestions.LONG_POINT);

    Message.Button dispute =
        graded.buttons().stream()
            .filter(b -> b.label().equals("Dispute"))
            .findFirst()
            .orElseThrow();
    Message ask =
        h.press("ana", drill, dispute.action(), dispute.value()).ephemerals().get(0).message();
    assertThat(ask.body())
        .contains("1. " + Inline.data(TeamQuestions.HOSTILE_POINT) + "\n")
        .contains("2. " + Inline.data(TeamQuestions.LONG_POINT) + "\n");
    Message.Button second =
        ask.buttons().stream()
            .filter(b -> b.label().equals("Key point 2"))
            .findFirst()
            .orElseThrow();
    dev.sparring.chat.Form form =
        h.press("ana", drill, second.action(), second.value()).forms().get(0);
    h.bot.handle(
        new Inbound.ModalSubmitted(
            h.nextKey(),
            Harness.TEAM,
            Harness.CHANNEL,
            Harness.actor("ana"),
            form.id(),
            form.value(),
            Map.of("reason", "It says so.")));
    // The dispute keeps the point as written; the admins' list shows it as data.
    List<dev.sparring.store.Dispute> disputes =
        h.store.transact(tx -> tx.disputes().latest(Harness.TEAM.key(), 5));
    assertThat(disputes).hasSize(1);
    assertThat(disputes.get(0).keyPoint()).isEqualTo(TeamQuestions.LONG_POINT);
    assertThat(h.admin("boss", "disputes").ephemerals().get(0).message().body())
        .contains("key point 2: " + Inline.data(TeamQuestions.LONG_POINT));

    String report = h.admin("boss", "packs report").ephemerals().get(0).message().body();
    assertThat(report)
        .contains(
            "`"
                + id
                + " #2` "
                + Inline.data(dev.sparring.chat.Texts.clip(TeamQuestions.LONG_POINT, 120))
                + " \u2014 covered");
  }

  private List<String> remembered(String id) {
    return h.store.transact(
        tx ->
            dev.sparring.review.ReviewCards.of(tx, Harness.TEAM.key(), Harness.user("ana").key())
                .get(id)
                .missed()
                .stream()
                .map(dev.sparring.review.MissedPoint::point)
                .toList());
  }
}
