package dev.sparring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.core.Bot;
import dev.sparring.store.Conversation;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /spar history} lists a person's graded practice newest first, privately, and {@code /spar
 * interview resume} picks an expired interview up where it stopped.
 */
class HistoryTest {

  private Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  private static String said(Bot.Result r) {
    assertThat(r.ephemerals()).hasSize(1);
    return r.ephemerals().get(0).message().bodyText();
  }

  private String startInterview(String user, String args) {
    assertThat(said(h.command(user, "interview " + args))).contains("in a new thread");
    return h.drainAndLastThread();
  }

  private Conversation.Status status(String id) {
    return h.store.transact(tx -> tx.conversations().get(id)).orElseThrow().status();
  }

  @Test
  void anEmptyHistorySaysHowToStart() {
    assertThat(said(h.command("ana", "history"))).isEqualTo(HistoryCommand.EMPTY);
  }

  @Test
  void interviewsAreListedNewestFirstWithGradeStepsAndHowTheyEnded() {
    String first = startInterview("ana", "demo-senior");
    h.reply("ana", first, "Make it idempotent with a dedup table keyed by event id.");
    h.reply("ana", first, "Redrive after fixing, alarm when not empty.");
    h.reply("ana", first, "FIFO with a message group id.");
    h.reply("ana", first, "Batching and long polling.");
    h.clock.advance(Duration.ofDays(1));
    startInterview("ana", "demo-basic");
    said(h.command("ana", "interview stop"));

    String body = said(h.command("ana", "history"));
    List<String> lines = body.lines().filter(l -> l.matches("\\d+\\. .*")).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith("1. 2026-03-02 \u00b7 Interview `demo-basic` \u00b7 0/100")
        .endsWith("0 of " + stepsOf("demo-basic") + " answered \u00b7 stopped");
    assertThat(lines.get(1))
        .startsWith("2. 2026-03-01 \u00b7 Interview `demo-senior` \u00b7 ")
        .endsWith("4 of 4 answered");
    // The grade in the history is the one the summary gave.
    String summaryTitle = h.threadTitles(first).get(3);
    String grade = summaryTitle.substring(summaryTitle.lastIndexOf(' ') + 1);
    assertThat(lines.get(1)).contains(" \u00b7 " + grade + " \u00b7 ");
    // Someone else's history is theirs alone.
    assertThat(said(h.command("ben", "history"))).isEqualTo(HistoryCommand.EMPTY);
  }

  private int stepsOf(String id) {
    return dev.sparring.testing.TestPacks.demo().get(id).orElseThrow().stepCount();
  }

  @Test
  void theCountLimitsTheListAndBadCountsAreRefused() {
    for (int i = 0; i < 3; i++) {
      startInterview("ana", "demo-senior");
      said(h.command("ana", "interview stop"));
      h.clock.advance(Duration.ofMinutes(1));
    }
    assertThat(said(h.command("ana", "history 2")).lines().filter(l -> l.matches("\\d+\\. .*")))
        .hasSize(2);
    for (String bad : List.of("0", "51", "-3", "ten", "1e3", "2 3")) {
      assertThat(said(h.command("ana", "history " + bad))).contains(HistoryCommand.USAGE);
    }
    assertThat(said(h.command("ana", "history <!everyone>")))
        .contains(HistoryCommand.USAGE)
        .doesNotContain(" <!everyone> ");
  }

  @Test
  void anExpiredInterviewResumesAtTheStepItStoppedAndEndsNormally() {
    String t = startInterview("ana", "demo-senior");
    h.reply("ana", t, "Make it idempotent with a dedup table keyed by event id.");
    String id =
        h.store
            .transact(
                tx ->
                    tx.conversations()
                        .active(Harness.TEAM.key(), Harness.user("ana").key(), "interview"))
            .orElseThrow()
            .id();
    h.clock.advance(Duration.ofDays(2));
    h.tick();
    h.dispatcher.drain();
    assertThat(status(id)).isEqualTo(Conversation.Status.EXPIRED);
    assertThat(said(h.command("ana", "history")))
        .contains("1 of 4 answered \u00b7 expired")
        .contains("continue with `/spar interview resume demo-senior`");

    // Nobody else can resume it, and a question with no expired interview says so.
    assertThat(said(h.command("ben", "interview resume"))).contains("no expired interview");
    assertThat(said(h.command("ana", "interview resume demo-basic")))
        .contains("no expired interview on `demo-basic`");

    assertThat(said(h.command("ana", "interview resume"))).contains("open again at follow-up 1");
    h.dispatcher.drain();
    assertThat(status(id)).isEqualTo(Conversation.Status.ACTIVE);
    assertThat(h.threadTitles(t))
        .last()
        .asString()
        .startsWith("Interview resumed \u00b7 Follow-up 1");
    // Resuming twice finds nothing more to resume (the interview is running again).
    assertThat(said(h.command("ana", "interview resume"))).contains("already have an interview");

    h.reply("ana", t, "Redrive after fixing, alarm when not empty.");
    h.reply("ana", t, "FIFO with a message group id.");
    h.reply("ana", t, "Batching and long polling.");
    h.dispatcher.drain();
    List<String> titles = h.threadTitles(t);
    assertThat(titles.get(titles.size() - 1)).startsWith("Interview complete \u00b7 demo-senior");
    assertThat(titles.stream().filter(x -> x.startsWith("Follow-up 1 "))).hasSize(1);
    assertThat(titles.stream().filter(x -> x.startsWith("Follow-up 2 "))).hasSize(1);
    assertThat(status(id)).isEqualTo(Conversation.Status.DONE);
    String history = said(h.command("ana", "history"));
    assertThat(history).contains("4 of 4 answered").doesNotContain("continue with");
  }

  @Test
  void drillAnswersAreRecordedAndErasureRemovesTheHistory() {
    said(h.command("ana", "drill"));
    String t = h.drainAndLastThread();
    h.reply("ana", t, "Make it idempotent with a dedup table keyed by event id.");
    assertThat(said(h.command("ana", "history"))).containsPattern("1\\. 2026-03-01 \u00b7 Drill `");
    h.store.transact(tx -> tx.erase().user(Harness.TEAM.key(), Harness.user("ana").key()));
    assertThat(said(h.command("ana", "history"))).isEqualTo(HistoryCommand.EMPTY);
  }

  @Test
  void dailyAnswersEnterTheHistoryAtTheRevealNotBefore() {
    h.admin("boss", "daily on 09:00 UTC daily");
    h.admin("boss", "daily now demo-senior");
    String t = h.drainAndLastThread();
    h.reply("ana", t, "Make the handler idempotent with a dedup table.");
    assertThat(said(h.command("ana", "history"))).isEqualTo(HistoryCommand.EMPTY);
    h.admin("boss", "reveal");
    assertThat(said(h.command("ana", "history")))
        .containsPattern(
            "1\\. 2026-03-01 \u00b7 Daily question `demo-senior` \u00b7 [1-9]\\d*/100");
    assertThat(said(h.command("boss", "history"))).isEqualTo(HistoryCommand.EMPTY);
  }

  @Test
  void theHistorySurvivesARestartOnSqlite(@TempDir Path dir) {
    h.close();
    Path db = dir.resolve("h.db");
    h = new Harness(SqliteStore.open(db, SqliteStore.Durability.NORMAL), Features.all());
    String t = startInterview("ana", "demo-senior");
    said(h.command("ana", "interview stop"));
    h.close();
    h = new Harness(SqliteStore.open(db, SqliteStore.Durability.NORMAL), Features.all());
    assertThat(said(h.command("ana", "history"))).contains("Interview `demo-senior`");
    assertThat(t).isNotBlank();
  }
}
