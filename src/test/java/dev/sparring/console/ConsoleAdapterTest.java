package dev.sparring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.core.Gateway;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.Store;
import dev.sparring.store.memory.MemoryStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleAdapterTest {

  private final Store store = new MemoryStore();
  private final ConsoleClock clock =
      new ConsoleClock(
          java.time.Clock.fixed(
              java.time.Instant.parse("2026-03-01T09:00:00Z"), java.time.ZoneOffset.UTC));

  private String session(String user, String script) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    adapter(user, bytes).run(new BufferedReader(new StringReader(script)), false);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private ConsoleAdapter adapter(String user, ByteArrayOutputStream bytes) {
    Gateway gateway = ConsoleAdapter.newGateway();
    dev.sparring.core.Bot bot =
        new dev.sparring.core.Bot(store, clock, dev.sparring.testing.Features.all());
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(gateway), OutboxDispatcher.Settings.defaults(), "console");
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    return new ConsoleAdapter(bot, gateway, dispatcher, out, user, "general");
  }

  @Test
  void workAfterTheFirstAnswerRunsOnceTheFirstLineIsAnsweredNotBefore() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> seen = new java.util.ArrayList<>();
    adapter("ana", bytes)
        .run(
            new BufferedReader(new StringReader("/spar help\n/spar help\n")),
            false,
            () -> seen.add(bytes.toString(StandardCharsets.UTF_8)));
    assertThat(seen).hasSize(1);
    assertThat(count(seen.get(0), "Sparring commands")).isEqualTo(1);
    assertThat(count(bytes.toString(StandardCharsets.UTF_8), "Sparring commands")).isEqualTo(2);
  }

  @Test
  void workAfterTheFirstAnswerRunsWhenTheConsoleWaitsForItsFirstLine() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    java.io.PipedWriter typing = new java.io.PipedWriter();
    BufferedReader in = new BufferedReader(new java.io.PipedReader(typing));
    List<String> seen = new java.util.ArrayList<>();
    adapter("ana", bytes)
        .run(
            in,
            false,
            () -> {
              seen.add(bytes.toString(StandardCharsets.UTF_8));
              try {
                typing.close(); // nobody types: the session ends
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).doesNotContain("Sparring commands");
  }

  private static int count(String haystack, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void aScriptedInterviewPrintsTheQuestionThenEachFollowUpOnceInOrder() throws Exception {
    String out =
        session(
            "ana",
            String.join(
                "\n",
                "/spar interview demo-senior",
                "I'd make the consumer idempotent and keep a dedup table.",
                "Redrive after the fix.",
                "FIFO with message groups.",
                "Batching and long polling.",
                ""));
    int question = out.indexOf("How do you make an event consumer safe to retry?");
    int f1 = out.indexOf("Follow-up one about the DLQ?");
    int f2 = out.indexOf("Follow-up two about ordering?");
    int f3 = out.indexOf("Follow-up three about cost?");
    int summary = out.indexOf("Interview complete");
    assertThat(question).isNotNegative();
    assertThat(List.of(question, f1, f2, f3, summary)).isSorted().doesNotContain(-1);
    // The summary repeats each prompt with its grade; before it, everything appears exactly once.
    String beforeSummary = out.substring(0, summary);
    for (String once :
        List.of(
            "How do you make an event consumer safe to retry?",
            "Follow-up 1 of 3",
            "Follow-up 2 of 3",
            "Follow-up 3 of 3")) {
      assertThat(count(beforeSummary, once)).as(once).isEqualTo(1);
    }
    assertThat(count(out, "Interview complete")).isEqualTo(1);
    assertThat(out).contains("[#general \u00b7 new thread 1] Sparring");
    assertThat(out).contains("[#general \u203a thread 1] Sparring\nFollow-up 1 of 3");
  }

  @Test
  void otherUsersTalkInTheThreadWithoutMovingIt() throws Exception {
    String out =
        session(
            "ana",
            String.join(
                "\n",
                "/spar interview demo-senior",
                "/user bo",
                "my two cents",
                "/user ana",
                "mine",
                ""));
    assertThat(out).contains("(you are now bo)");
    assertThat(count(out, "Follow-up 1 of 3")).isEqualTo(1);
    assertThat(out).doesNotContain("Follow-up 2 of 3");
  }

  @Test
  void consoleCommandsExplainMistakes() throws Exception {
    String out =
        session(
            "ana",
            String.join(
                "\n",
                "a reply with no thread yet",
                "/thread 999",
                "/frobnicate",
                "/user bad name!",
                "/spar interview demo-senior",
                "/press Hint",
                "/press Nope",
                "/spar nonsense",
                ""));
    assertThat(out)
        .contains("(no thread to reply in yet")
        .contains("(no thread 999 in #general)")
        .contains("Unknown console command /frobnicate")
        .contains("(usage: /user NAME")
        .contains("Hint: Think about what happens")
        .contains("(no button 'Nope' on the active thread; try one of [Hint, Skip, Stop])")
        .contains("Unknown command `nonsense`");
  }

  @Test
  void theClockMovesForwardForDailyQuestionsAndRatingButtonsCanBePressed() throws Exception {
    String out =
        session(
            "ana",
            String.join(
                "\n",
                "/spar daily on 10:00 UTC daily demo beginner",
                "/clock +2h",
                "It decouples producers and consumers.",
                "/clock 2026-03-02T10:00:00Z",
                "/clock 2026-01-01T00:00:00Z",
                "/clock soon",
                "/spar drill demo senior",
                "Make it idempotent and use a DLQ.",
                "/press Good",
                ""));
    assertThat(count(out, "Daily question \u00b7 2026-03-01")).isEqualTo(1);
    assertThat(out).contains("(it is now 2026-03-01T11:00:00Z)");
    assertThat(out).contains("Reveal \u00b7 demo-basic \u00b7 1 answer");
    assertThat(out).contains("Daily question \u00b7 2026-03-02");
    assertThat(out).contains("(the clock only moves forward)");
    assertThat(out).contains("(usage: /clock");
    assertThat(out).contains("Rated Good. Next review of `demo-senior`: in 2 days (2026-03-04).");
  }

  @Test
  void dailySetupShowsItsFormAndSubmitSendsIt() throws Exception {
    String out =
        session(
            "ana",
            String.join(
                "\n",
                "/submit time=10:00",
                "/spar daily setup",
                "/submit zone=Nowhere/Land bogus=1",
                "/submit zone=\"Europe/Berlin\" days=mon-fri filter=\"demo beginner\"",
                "/spar daily status",
                ""));
    assertThat(out).contains("(no form to fill in");
    // The form is printed with its fields, their values and how to send it.
    assertThat(out)
        .contains("[form] Daily question")
        .contains("  time: Time (HH:MM) = 09:30")
        .contains("  zone: Time zone (IANA) (empty), e.g. Europe/Berlin")
        .contains("Fill it in with /submit time=09:30 zone=Europe/Berlin days=mon-fri");
    assertThat(out)
        .contains("(usage: /submit FIELD=VALUE ...; the fields are time, zone, days, filter)");
    // Fields left out keep the value shown (09:30); the schedule is saved.
    assertThat(out)
        .contains(
            "A beginner question from the demo pack will be posted here at 09:30 Europe/Berlin")
        .contains("09:30 Europe/Berlin, mon-fri");
  }

  @Test
  void confirmationsArePressableInTheConsoleAndOnlyOnce() throws Exception {
    String out =
        session(
            "ana",
            String.join(
                "\n",
                "/spar daily on 10:00 UTC",
                "/spar daily off",
                "/spar daily status",
                "/press Confirm",
                "/press Confirm",
                "/spar daily status",
                ""));
    assertThat(out).contains("Please confirm").contains("Buttons: [Confirm] [Cancel]");
    assertThat(out.indexOf("**When:**".replace("**", "")))
        .isLessThan(out.indexOf("Daily question stopped"));
    assertThat(count(out, "Daily question stopped here")).isEqualTo(1);
    assertThat(out).contains("(no button 'Confirm'").contains("No daily question in this channel");
  }

  @Test
  void theActiveThreadSurvivesARestart() throws Exception {
    session("ana", "/spar interview demo-senior\nfirst answer\n");
    clock.advance(Duration.ofMinutes(5));
    String out = session("ana", "second answer\n");
    assertThat(out).contains("Follow-up 2 of 3").doesNotContain("Follow-up 1 of 3");
    // Bo never had a thread: he falls back to the channel's most recent one (and does not move it).
    String bo = session("bo", "hello from bo\n");
    assertThat(bo).doesNotContain("Follow-up");
  }
}
