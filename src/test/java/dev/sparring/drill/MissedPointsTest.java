package dev.sparring.drill;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.review.MissedPoint;
import dev.sparring.review.ReviewCard;
import dev.sparring.review.ReviewCards;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Key points missed in a daily question (at the reveal), an interview step or a competition answer
 * come back as drills: {@code /spar drill weak} serves them, and covering them in a drill clears
 * them.
 */
class MissedPointsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  private Map<String, ReviewCard> cards(String user) {
    return h.store.transact(tx -> ReviewCards.of(tx, Harness.TEAM.key(), Harness.user(user).key()));
  }

  private List<String> missed(String user, String question) {
    ReviewCard c = cards(user).get(question);
    return c == null ? List.of() : c.missed().stream().map(MissedPoint::point).toList();
  }

  private Message lastMessage() {
    h.dispatcher.drain();
    List<dev.sparring.testing.RecordingGateway.Sent> sent = h.gateway.sent();
    return sent.get(sent.size() - 1).message().message();
  }

  private Message lastPost() {
    h.dispatcher.drain();
    return h.gateway.sent().stream()
        .filter(s -> s.message() instanceof Outbound.Post p && p.anchor() != null)
        .reduce((a, b) -> b)
        .orElseThrow()
        .message()
        .message();
  }

  @Test
  void aDailyRevealRemembersWhatEachPersonMissedButNotASkip() {
    h.clock.set(T0);
    h.admin("boss", "daily on 09:00 UTC daily");
    h.admin("boss", "daily now demo-basic");
    String t = h.drainAndLastThread();
    h.reply("ana", t, "A queue decouples producers from consumers, and that is what it is for.");
    h.reply("bo", t, "idk");
    h.reply("cy", t, "It decouples producers and consumers, absorbs bursts, retries, persists.");
    assertThat(cards("ana")).isEmpty(); // nothing before the reveal
    h.admin("boss", "reveal");

    assertThat(missed("ana", "demo-basic"))
        .containsExactly(
            "It absorbs bursts of load.",
            "Consumers can retry failed messages.",
            "Messages persist until processed.");
    assertThat(cards("ana").get("demo-basic").due()).isEqualTo(T0);
    assertThat(cards("bo")).as("a skip records nothing").isEmpty();
    assertThat(cards("cy")).as("nothing missed, no card").isEmpty();

    assertThat(said(h.command("bo", "drill weak"))).startsWith("No weak points");
    assertThat(said(h.command("ana", "drill weak"))).contains("`demo-basic`");
    Message q = lastPost();
    assertThat(q.titleText()).startsWith("Drill \u00b7 Weak point \u00b7 demo-basic");
    assertThat(q.bodyText())
        .contains("You missed 3 key points of this question before (last in a daily question)");

    // The drill covers two of them: the reply says so, and only the third stays.
    String d = h.drainAndLastThread();
    h.reply("ana", d, "It absorbs bursts and messages persist durably until a consumer is done.");
    Message graded = lastMessage();
    assertThat(graded.bodyText())
        .contains(
            "**Missed before, covered now:** It absorbs bursts of load.; Messages persist until"
                + " processed.");
    assertThat(missed("ana", "demo-basic"))
        .containsExactly(
            "A queue decouples producers from consumers.", "Consumers can retry failed messages.");
    Message.Button good =
        graded.buttons().stream().filter(b -> b.label().equals("Good")).findFirst().orElseThrow();
    h.press("ana", d, good.action(), good.value());
    ReviewCard rated = cards("ana").get("demo-basic");
    assertThat(rated.reviews()).isEqualTo(1);
    assertThat(rated.due()).isAfter(T0.plus(Duration.ofDays(1)));
    assertThat(rated.missed()).hasSize(2);
    assertThat(said(h.command("ana", "drill stats"))).contains("**Weak points:** 1 question");
  }

  @Test
  void anInterviewStepRemembersItsFollowUpAndADrillAsksItToo() {
    h.clock.set(T0);
    h.command("ana", "interview demo-senior");
    String t = h.drainAndLastThread();
    h.reply(
        "ana", t, "Make it idempotent with a dedup table keyed by event id, in one transaction.");
    h.reply("ana", t, "I would look at the messages in the console and fix them by hand later.");
    h.reply("ana", t, "skip");
    h.reply("ana", t, "Batching and long polling.");
    List<String> missed = missed("ana", "demo-senior");
    assertThat(missed)
        .contains("Redrive from the DLQ after the fix.", "Alert when the DLQ is not empty.")
        .contains("Alarm on the age of the oldest message.")
        .doesNotContain("FIFO queues keep order per message group.") // "skip" is no answer
        .doesNotContain("Batching lowers the number of invocations.");
    assertThat(cards("ana").get("demo-senior").missed())
        .filteredOn(m -> m.step() == 1)
        .allSatisfy(m -> assertThat(m.source()).isEqualTo("interview"))
        .hasSize(2);

    h.command("ana", "drill weak");
    assertThat(lastPost().bodyText()).contains("**Also answer:** Follow-up one about the DLQ?");
    String d = h.drainAndLastThread();
    h.reply(
        "ana",
        d,
        "Send poison messages to a DLQ; redrive them after the fix and alert when it is not empty.");
    assertThat(lastMessage().bodyText())
        .contains("**Missed before, covered now:**")
        .contains("Redrive from the DLQ after the fix.")
        .contains("Alert when the DLQ is not empty.");
    assertThat(missed("ana", "demo-senior"))
        .doesNotContain("Redrive from the DLQ after the fix.", "Alert when the DLQ is not empty.")
        .contains("Alarm on the age of the oldest message.");
  }

  @Test
  void aCompetitionAnswerRemembersWhatItMissed() {
    h.clock.set(T0);
    h.admin("ana", "compete start Cup 2d beginner every 1d");
    h.command("bo", "compete join");
    String q = h.drainAndLastThread();
    h.reply("bo", q, "A queue decouples producers from consumers and retries failed messages.");
    assertThat(missed("bo", "demo-basic"))
        .containsExactly("It absorbs bursts of load.", "Messages persist until processed.");
    assertThat(cards("bo").get("demo-basic").missed())
        .allSatisfy(m -> assertThat(m.source()).isEqualTo("compete"));
    // Only the first answer counts in a competition, and only it is remembered.
    h.reply("bo", q, "It absorbs bursts and persists messages.");
    assertThat(missed("bo", "demo-basic")).hasSize(2);
  }

  @Test
  void drillWeakServesTheWeakestFirstAndBadInputIsExplained() {
    h.clock.set(T0);
    // demo-senior drilled well (Easy) with one point missed; demo-basic missed and never drilled.
    h.command("ana", "drill senior");
    String d = h.drainAndLastThread();
    h.reply(
        "ana",
        d,
        "Idempotent handler, dedup table with a unique key, DLQ, backoff with jitter, same transaction.");
    Message.Button easy =
        lastMessage().buttons().stream()
            .filter(b -> b.label().equals("Easy"))
            .findFirst()
            .orElseThrow();
    h.press("ana", d, easy.action(), easy.value());
    h.admin("boss", "daily on 09:00 UTC daily");
    h.admin("boss", "daily now demo-basic");
    String t = h.drainAndLastThread();
    h.reply("ana", t, "A queue decouples producers from consumers, and that is what it is for.");
    h.admin("boss", "reveal");
    h.clock.advance(Duration.ofDays(1));

    assertThat(said(h.command("ana", "drill weak"))).contains("`demo-basic`");
    assertThat(said(h.command("ana", "drill weak senior"))).contains("`demo-senior`");
    assertThat(said(h.command("ana", "drill weak cold-starts")))
        .contains("`cold-starts` is not a pack, level or topic");
    assertThat(said(h.command("ana", "drill wek")))
        .isEqualTo("Unknown `drill` option `wek`. Did you mean `/spar drill weak`?");
    assertThat(said(h.command("ana", "drill weak fundamentals"))).contains("`demo-basic`");
  }
}
