package dev.sparring.daily;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.RecordingGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyQuestionsTest {

  private static final String CH = Harness.CHANNEL.key();

  @TempDir Path dir;
  private Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  /** Moves the clock in 15-minute steps to {@code end}, ticking and delivering at each step. */
  private void runUntil(Instant end) {
    while (h.clock.instant().isBefore(end)) {
      h.clock.advance(Duration.ofMinutes(15));
      h.tick();
      h.dispatcher.drain();
    }
  }

  private Optional<DailyQuestions.Post> post(LocalDate date) {
    return h.store
        .transact(tx -> tx.documents().get(DailyQuestions.POST, "dp:" + CH + "#" + date))
        .map(d -> Json.read(d.body(), DailyQuestions.Post.class));
  }

  private ZonedDateTime postedAt(LocalDate date, String zone) {
    return post(date)
        .orElseThrow(() -> new AssertionError("no post on " + date))
        .postedAt()
        .atZone(ZoneId.of(zone));
  }

  private List<RecordingGateway.Sent> dailyPosts() {
    return h.gateway.sent().stream()
        .filter(s -> s.message() instanceof Outbound.Post p && p.anchor() != null)
        .toList();
  }

  /** The platform id of the thread of the daily post of {@code date}. */
  private String thread(LocalDate date) {
    return dailyPosts().stream()
        .filter(s -> ((Outbound.Post) s.message()).anchor().endsWith("#" + date))
        .findFirst()
        .orElseThrow()
        .platformId();
  }

  private void start(String instant) {
    h.clock.set(Instant.parse(instant));
  }

  @Test
  void berlinStaysAtLocalTimeAcrossBothDstChanges() {
    start("2026-03-27T06:00:00Z");
    h.admin("ana", "daily on 09:30 Europe/Berlin daily");
    runUntil(Instant.parse("2026-03-31T12:00:00Z"));
    for (String d : List.of("2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30")) {
      assertThat(postedAt(LocalDate.parse(d), "Europe/Berlin").toLocalTime())
          .as(d)
          .isEqualTo(LocalTime.of(9, 30));
    }
    // Clocks went forward on 2026-03-29: the UTC time moved, the local time did not.
    assertThat(post(LocalDate.parse("2026-03-28")).orElseThrow().postedAt())
        .isEqualTo(Instant.parse("2026-03-28T08:30:00Z"));
    assertThat(post(LocalDate.parse("2026-03-29")).orElseThrow().postedAt())
        .isEqualTo(Instant.parse("2026-03-29T07:30:00Z"));

    h.clock.set(Instant.parse("2026-10-23T12:00:00Z"));
    runUntil(Instant.parse("2026-10-27T12:00:00Z"));
    assertThat(post(LocalDate.parse("2026-10-24")).orElseThrow().postedAt())
        .isEqualTo(Instant.parse("2026-10-24T07:30:00Z"));
    assertThat(post(LocalDate.parse("2026-10-25")).orElseThrow().postedAt())
        .isEqualTo(Instant.parse("2026-10-25T08:30:00Z"));
  }

  @Test
  void aLocalTimeThatDoesNotExistMovesForwardAndARepeatedOnePostsOnce() {
    start("2026-03-07T05:00:00Z"); // midnight in New York
    h.admin("ana", "daily on 02:30 America/New_York daily");
    runUntil(Instant.parse("2026-03-09T12:00:00Z"));
    // 2026-03-08 02:30 does not exist in New York (02:00 jumps to 03:00): posted at 03:30 EDT.
    assertThat(postedAt(LocalDate.parse("2026-03-08"), "America/New_York").toLocalTime())
        .isEqualTo(LocalTime.of(3, 30));
    assertThat(postedAt(LocalDate.parse("2026-03-07"), "America/New_York").toLocalTime())
        .isEqualTo(LocalTime.of(2, 30));

    h.admin("ana", "daily on 01:30 America/New_York daily");
    h.clock.set(Instant.parse("2026-10-31T12:00:00Z"));
    runUntil(Instant.parse("2026-11-02T12:00:00Z"));
    // 2026-11-01 01:30 happens twice (fall back): one post, at the first one (EDT).
    assertThat(post(LocalDate.parse("2026-11-01")).orElseThrow().postedAt())
        .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    long posts =
        dailyPosts().stream()
            .filter(s -> ((Outbound.Post) s.message()).anchor().endsWith("#2026-11-01"))
            .count();
    assertThat(posts).isEqualTo(1);
  }

  @Test
  void oneQuestionPerLocalDayWhateverIsAskedAndWeekdaysOnly() {
    start("2026-03-02T07:00:00Z"); // Monday
    h.admin("ana", "daily on 09:00 UTC mon-fri");
    assertThat(said(h.admin("ana", "daily now"))).isEqualTo("Posted today's question.");
    assertThat(said(h.admin("ana", "daily now")))
        .contains("already posted here; nothing was posted");
    runUntil(Instant.parse("2026-03-09T08:00:00Z")); // to next Monday 08:00
    List<String> days =
        dailyPosts().stream()
            .map(s -> ((Outbound.Post) s.message()).anchor().replaceAll(".*#", ""))
            .toList();
    assertThat(days)
        .containsExactly("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06");
  }

  @Test
  void afterDowntimeTodaysPostGoesOutLateAndMissedDaysAreNotFloodedIn() {
    start("2026-03-02T08:00:00Z"); // Monday
    h.admin("ana", "daily on 09:00 UTC daily");
    h.clock.set(Instant.parse("2026-03-04T15:00:00Z")); // down Monday 08:00 to Wednesday 15:00
    h.tick();
    h.dispatcher.drain();
    assertThat(dailyPosts()).hasSize(1);
    assertThat(post(LocalDate.parse("2026-03-04")).orElseThrow().postedAt())
        .isEqualTo(Instant.parse("2026-03-04T15:00:00Z"));
    assertThat(post(LocalDate.parse("2026-03-02"))).isEmpty();
    assertThat(post(LocalDate.parse("2026-03-03"))).isEmpty();
    // Down again overnight, back before the slot: nothing until 09:00.
    h.clock.set(Instant.parse("2026-03-06T08:00:00Z"));
    h.tick();
    assertThat(post(LocalDate.parse("2026-03-06"))).isEmpty();
    runUntil(Instant.parse("2026-03-06T09:00:00Z"));
    assertThat(post(LocalDate.parse("2026-03-06"))).isPresent();
  }

  @Test
  void questionsDoNotRepeatUntilTheFilterIsExhausted() {
    start("2026-03-02T08:00:00Z");
    h.admin("ana", "daily on 09:00 UTC daily demo");
    runUntil(Instant.parse("2026-03-07T10:00:00Z"));
    List<String> q =
        List.of("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05").stream()
            .map(d -> post(LocalDate.parse(d)).orElseThrow().questionId())
            .toList();
    assertThat(q.subList(0, 2)).containsExactlyInAnyOrder("demo-basic", "demo-senior");
    assertThat(q.subList(2, 4)).containsExactlyInAnyOrder("demo-basic", "demo-senior");
  }

  @Test
  void theRevealGradesTheLastAnswerOfEachPersonOnceAndLateAnswersEarnNothing() {
    start("2026-03-02T08:00:00Z");
    h.admin("ana", "daily on 09:00 UTC daily demo beginner");
    runUntil(Instant.parse("2026-03-02T10:00:00Z"));
    String t = thread(LocalDate.parse("2026-03-02"));
    Bot.Result received = h.reply("console:a1", "bo", t, "no idea");
    assertThat(said(received)).startsWith("Answer received");
    // Adapters read the kind, never the words (Discord reacts with a check mark).
    assertThat(received.ephemerals().get(0).kind())
        .isEqualTo(Outbound.Ephemeral.Kind.ANSWER_ACCEPTED);
    assertThat(h.reply("console:a1", "bo", t, "no idea").duplicate()).isTrue();
    assertThat(
            said(
                h.reply(
                    "bo",
                    t,
                    "A queue lets you decouple producers from consumers and it"
                        + " absorbs a burst of traffic, while consumers retry and messages persist durably.")))
        .startsWith("Answer updated");
    h.reply("cy", t, "It decouples services.");
    assertThat(said(h.admin("ana", "reveal"))).contains("Revealed");
    h.dispatcher.drain();
    String reveal =
        h.gateway.sent().get(h.gateway.sent().size() - 1).message().message().bodyText();
    assertThat(reveal)
        .contains("**Key points**")
        .contains("- A queue decouples producers from consumers.");
    assertThat(reveal.indexOf("bo: 100/100")).isLessThan(reveal.indexOf("cy: "));
    Bot.Result late = h.reply("dee", t, "late answer");
    assertThat(said(late)).contains("already revealed");
    assertThat(late.ephemerals().get(0).kind()).isEqualTo(Outbound.Ephemeral.Kind.REPLY);
    assertThat(h.reply("dee", t, "late answer").queued()).isZero();
    assertThat(said(h.admin("ana", "reveal"))).contains("no open daily question");
    List<Standing> board =
        h.store.transact(tx -> tx.ledger().standings(LedgerQuery.team(Harness.TEAM.key())));
    assertThat(board).extracting(Standing::name).containsExactly("console:bo", "console:cy");
    assertThat(board.get(0).points()).isEqualTo(20); // participation 10 + grade 10
    assertThat(board.get(0).entries()).isEqualTo(1);
  }

  @Test
  void aReplyToYesterdaysRevealedQuestionIsKeptGradedPrivatelyAndPointsToToday() {
    start("2026-03-02T08:00:00Z");
    h.admin("ana", "daily on 09:00 UTC daily demo");
    runUntil(Instant.parse("2026-03-03T09:30:00Z")); // the 3rd's question revealed the 2nd's
    String yesterday = thread(LocalDate.parse("2026-03-02"));
    DailyQuestions.Post today = post(LocalDate.parse("2026-03-03")).orElseThrow();
    String answer = "A queue decouples producers from consumers and absorbs bursts.";

    Bot.Result r = h.reply("bo", yesterday, answer);
    String said = said(r);
    assertThat(said)
        .contains("The 2026-03-02 question was already revealed, so this answer is practice")
        .contains("earns no points")
        .containsPattern("\\*\\*Your practice score:\\*\\* \\d+/100")
        .contains(
            "To score, answer today's question (2026-03-03, `"
                + today.questionId()
                + "`) in the thread of the newest daily question");
    assertThat(r.queued()).as("nothing public, nothing scored").isZero();
    // The answer itself is kept, not lost.
    String kept =
        h.store
            .transact(
                tx ->
                    tx.documents().get(DailyQuestions.LATE, "dp:" + CH + "#2026-03-02#console:bo"))
            .orElseThrow()
            .body();
    assertThat(kept).contains(answer);
    List<Standing> board =
        h.store.transact(tx -> tx.ledger().standings(LedgerQuery.team(Harness.TEAM.key())));
    assertThat(board).isEmpty();

    // With no open question, it says when the next one comes instead.
    h.admin("ana", "reveal");
    assertThat(said(h.reply("bo", yesterday, answer)))
        .contains("The next daily question comes Wed 4 Mar 09:00 UTC (in 23 h 30 min).");
  }

  @Test
  void zonesAnyCaseAndAliasesDayTyposAndReadableConfirmation() {
    start("2026-03-02T08:00:00Z");
    h.admin("ana", "daily on 09:00 utc mon-fri demo beginner");
    assertThat(said(h.admin("ana", "daily status"))).contains("09:00 UTC, mon-fri");
    h.admin("ana", "daily on 09:00 europe/berlin");
    assertThat(said(h.admin("ana", "daily status"))).contains("09:00 Europe/Berlin");
    h.admin("ana", "daily on 09:00 PST");
    // An abbreviation means the region, so the post keeps its local time across DST.
    assertThat(said(h.admin("ana", "daily status"))).contains("09:00 America/Los_Angeles");
    assertThat(said(h.admin("ana", "daily on 09:00 Europe/Berln")))
        .contains("is not an IANA time zone. Did you mean `Europe/Berlin`?");

    assertThat(said(h.admin("ana", "daily on 09:00 UTC mon-fry")))
        .startsWith("Unknown day `fry`; did you mean `fri`?");
    assertThat(said(h.admin("ana", "daily on 09:00 UTC mon,wendesday")))
        .startsWith("Unknown day `wendesday`");
    assertThat(said(h.admin("ana", "daily on 09:00 UTC thu--fri")))
        .startsWith("`thu--fri` is not a list of days");
    // Words that are not days at all are still read as packs, levels and topics.
    assertThat(said(h.admin("ana", "daily on 09:00 UTC nonsense")))
        .contains("`nonsense` is not a pack, level or topic")
        .contains("topics: ");

    h.dispatcher.drain();
    List<String> confirmations =
        h.gateway.sent().stream()
            .map(s -> s.message().message())
            .filter(m -> m.title().equals("Daily question on"))
            .map(dev.sparring.chat.Message::body)
            .toList();
    assertThat(confirmations.get(0))
        .startsWith("A beginner question from the demo pack will be posted here at 09:00 UTC");
    assertThat(confirmations.get(1)).startsWith("A question from any pack will be posted");
    assertThat(String.join("\n", confirmations)).doesNotContain("question from beginner");
  }

  @Test
  void theRevealButtonIsForAdmins() {
    start("2026-03-02T08:00:00Z");
    h.admin("ana", "daily now");
    h.dispatcher.drain();
    String t = thread(LocalDate.parse("2026-03-02"));
    String anchor = "dp:" + CH + "#2026-03-02";
    assertThat(dailyPosts().get(0).message().message().buttons())
        .extracting(dev.sparring.chat.Message.Button::label)
        .containsExactly("Answer", "Reveal");
    assertThat(said(h.press("bo", t, DailyQuestions.REVEAL, anchor)))
        .startsWith("Only admins can reveal");
    assertThat(post(LocalDate.parse("2026-03-02")).orElseThrow().revealedAt()).isNull();
    h.bot.handle(
        new dev.sparring.core.Inbound.ButtonPressed(
            h.nextKey(),
            Harness.TEAM,
            Harness.CHANNEL,
            new dev.sparring.chat.ThreadRef(dev.sparring.console.ConsoleModule.PLATFORM, t),
            new dev.sparring.chat.Actor(Harness.user("ana"), "ana", true),
            DailyQuestions.REVEAL,
            anchor));
    assertThat(post(LocalDate.parse("2026-03-02")).orElseThrow().revealedAt()).isNotNull();
  }

  @Test
  void aRestartBetweenThePostAndTheRevealLosesNothing() {
    Path db = dir.resolve("daily.db");
    h.close();
    h = new Harness(SqliteStore.open(db, SqliteStore.Durability.NORMAL), Features.all());
    start("2026-03-02T08:00:00Z");
    h.admin("ana", "daily on 09:00 UTC daily demo beginner");
    runUntil(Instant.parse("2026-03-02T10:00:00Z"));
    h.reply(
        "bo", thread(LocalDate.parse("2026-03-02")), "It decouples producers and absorbs bursts.");
    h.close();

    Store reopened = SqliteStore.open(db, SqliteStore.Durability.NORMAL);
    h = new Harness(reopened, Features.all());
    h.clock.set(Instant.parse("2026-03-03T08:00:00Z"));
    runUntil(Instant.parse("2026-03-03T09:30:00Z"));
    // The new process revealed yesterday's question (bo scored) and posted today's, once each.
    List<Standing> board =
        h.store.transact(tx -> tx.ledger().standings(LedgerQuery.team(Harness.TEAM.key())));
    assertThat(board)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("console:bo");
              // Bo grades 45..49: 5 + 7 points (15 under the old 10 + 10 * score / 100).
              assertThat(s.points()).isEqualTo(12);
            });
    assertThat(post(LocalDate.parse("2026-03-02")).orElseThrow().revealedAt()).isNotNull();
    assertThat(post(LocalDate.parse("2026-03-03"))).isPresent();
    assertThat(h.gateway.sent())
        .extracting(s -> Harness.title(s.message()))
        .anySatisfy(
            title -> assertThat(title).startsWith("Reveal \u00b7 demo-basic \u00b7 1 answer"));
  }

  /**
   * An answer that earns points on either demo question: streaks count answers that earn points,
   * and a one-word "decouple" no longer does on demo-senior.
   */
  private static final String REAL =
      "It decouples producers and absorbs bursts; the handler is idempotent with a unique key.";

  @Test
  void streaksCountPostedDaysAndSurviveSkipsUnscheduledDaysAndAbsence() {
    start("2026-03-02T08:00:00Z"); // Monday
    h.admin("ana", "daily on 09:00 UTC mon-fri");
    h.admin("ana", "daily skip 2026-03-04");
    String[] days = {"2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06", "2026-03-09"};
    for (String d : days) {
      runUntil(Instant.parse(d + "T09:30:00Z"));
      h.reply("bo", thread(LocalDate.parse(d)), REAL);
    }
    runUntil(Instant.parse("2026-03-10T09:30:00Z")); // reveals the 9th
    assertThat(post(LocalDate.parse("2026-03-04"))).isEmpty();
    String streaks =
        h.store.transact(
            tx ->
                String.join(
                    ";",
                    dev.sparring.scoring.Streaks.describe(tx, Harness.TEAM.key(), "console:bo")));
    // Mon, Tue, (Wed skipped), Thu, Fri, (weekend unscheduled), Mon: five in a row.
    assertThat(streaks).contains(" 5 (best 5, last 2026-03-09)");

    // Bo misses Tuesday the 10th: the streak restarts. Cy is away that day and keeps hers.
    h.reply("cy", thread(LocalDate.parse("2026-03-10")), REAL);
    runUntil(Instant.parse("2026-03-11T09:30:00Z"));
    h.command("cy", "away until 2026-03-12");
    h.reply("bo", thread(LocalDate.parse("2026-03-11")), REAL);
    runUntil(Instant.parse("2026-03-12T09:30:00Z"));
    h.reply("bo", thread(LocalDate.parse("2026-03-12")), REAL);
    h.command("cy", "away off");
    runUntil(Instant.parse("2026-03-13T09:30:00Z"));
    assertThat(streaks("bo")).contains(" 2 (best 5, last 2026-03-12)");
    h.reply("cy", thread(LocalDate.parse("2026-03-13")), REAL);
    runUntil(Instant.parse("2026-03-16T09:30:00Z"));
    // Friday the 13th was revealed unanswered by bo: the streak shown is broken, and says when.
    assertThat(streaks("bo")).contains(" 0 (best 5, last 2026-03-12, missed 2026-03-13)");
  }

  private String streaks(String user) {
    return h.store.transact(
        tx ->
            String.join(
                ";",
                dev.sparring.scoring.Streaks.describe(tx, Harness.TEAM.key(), "console:" + user)));
  }

  @Test
  void statsShowAStreakBrokenByMissedDaysBeforeThePersonAnswersAgain() {
    start("2026-03-02T08:00:00Z"); // Monday
    h.admin("ana", "daily on 09:00 UTC mon-fri");
    h.admin("ana", "daily skip 2026-03-05");
    for (String d : List.of("2026-03-02", "2026-03-03", "2026-03-04")) {
      runUntil(Instant.parse(d + "T09:30:00Z"));
      h.reply("bo", thread(LocalDate.parse(d)), REAL);
    }
    // Thursday is skipped; Friday's post reveals Wednesday's. Friday's question is open: bo can
    // still answer it, so the streak still stands.
    runUntil(Instant.parse("2026-03-06T12:00:00Z"));
    assertThat(said(h.command("bo", "stats"))).contains("#C1 3 (best 3, last 2026-03-04)");
    // Over the weekend (unscheduled) Friday's is still open; Monday's post reveals it.
    runUntil(Instant.parse("2026-03-09T09:30:00Z"));
    assertThat(said(h.command("bo", "stats")))
        .contains("#C1 0 (best 3, last 2026-03-04, missed 2026-03-06)");
    // A day away is not a miss.
    h.reply("cy", thread(LocalDate.parse("2026-03-09")), REAL);
    runUntil(Instant.parse("2026-03-10T09:30:00Z"));
    h.command("cy", "away until 2026-03-10");
    runUntil(Instant.parse("2026-03-11T09:30:00Z"));
    assertThat(said(h.command("cy", "stats"))).contains("#C1 1 (best 1, last 2026-03-09)");
    // Answering again starts a new streak.
    h.reply("bo", thread(LocalDate.parse("2026-03-11")), REAL);
    runUntil(Instant.parse("2026-03-12T09:30:00Z"));
    assertThat(said(h.command("bo", "stats"))).contains("#C1 1 (best 3, last 2026-03-11)");
  }

  @Test
  void nonAdminsAreRefusedAndNothingChanges() {
    start("2026-03-02T08:00:00Z");
    for (String cmd :
        List.of(
            "daily on 09:00 UTC", "daily off", "daily skip 2026-03-05", "daily now", "reveal")) {
      assertThat(said(h.command("bo", cmd))).as(cmd).startsWith("Only admins can");
    }
    Optional<Document> schedule =
        h.store.transact(tx -> tx.documents().get(DailyQuestions.SCHEDULE, CH));
    assertThat(schedule).isEmpty();
    assertThat(h.gateway.sent()).isEmpty();
    // Anyone can read the status.
    assertThat(said(h.command("bo", "daily status"))).contains("No daily question in this channel");
    // The config allowlist makes a non-admin an admin.
    h.close();
    h = new Harness(new MemoryStore(), Features.all(), java.util.Set.of("console:bo"));
    start("2026-03-02T08:00:00Z");
    h.command("bo", "daily on 09:00 UTC");
    assertThat(said(h.command("bo", "daily status")))
        .contains("**Next post:** Mon 2 Mar 09:00 UTC (in 1 h)");
  }

  @Test
  void badScheduleInputGetsClearMessages() {
    start("2026-03-02T08:00:00Z");
    assertThat(said(h.admin("ana", "daily on"))).startsWith("Usage:");
    assertThat(said(h.admin("ana", "daily on 25:99 UTC"))).contains("is not a time like 09:30");
    assertThat(said(h.admin("ana", "daily on 09:00 Mars/Olympus")))
        .contains("is not an IANA time zone");
    assertThat(said(h.admin("ana", "daily on 09:00 UTC mon-fri nonsense")))
        .contains("`nonsense` is not a pack, level or topic");
    assertThat(said(h.admin("ana", "daily skip 2026-03-05")))
        .contains("no daily question in this channel");
    h.admin("ana", "daily on 9:00 UTC weekdays");
    assertThat(said(h.admin("ana", "daily skip tomorrow")))
        .startsWith("`tomorrow` is not a date")
        .contains("Usage:");
    assertThat(said(h.admin("ana", "daily skip 2026-02-30")))
        .startsWith("`2026-02-30` is not a real date (February 2026 has 28 days).");
    assertThat(said(h.admin("ana", "daily skip 2026-03-05 2026-03-06"))).startsWith("Usage:");
    assertThat(said(h.admin("ana", "daily skip 2026-03-01"))).contains("is in the past");
    assertThat(said(h.admin("ana", "daily frobnicate"))).contains("Unknown `daily` option");
    assertThat(said(h.admin("ana", "daily status"))).contains("09:00 UTC, mon-fri");
  }
}
