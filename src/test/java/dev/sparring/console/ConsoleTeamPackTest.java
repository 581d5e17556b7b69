package dev.sparring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.Filter;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.Store;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.TeamQuestions;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A suggested question typed into {@code sparring console} (where everyone is an admin), approved
 * from the queue, then asked as the team's own: an interview with its follow-ups in order and
 * graded, and the daily question of a channel set to the pack {@code team}, posted and revealed;
 * removed, it is asked no more.
 */
class ConsoleTeamPackTest {

  private final Store store = new MemoryStore();
  private final ConsoleClock clock =
      new ConsoleClock(Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC));
  private final Gateway gateway = ConsoleAdapter.newGateway();
  private final Bot bot = new Bot(store, clock, Features.all());
  private final OutboxDispatcher dispatcher =
      new OutboxDispatcher(
          store, clock, List.of(gateway), OutboxDispatcher.Settings.defaults(), "console");

  private String session(String user, String... lines) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ConsoleAdapter(bot, gateway, dispatcher, out, user, "general")
        .run(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), false);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The form's fields as one {@code /submit} line: quoted, line breaks written as \n. */
  private static String submitLine() {
    return submitLine(TeamQuestions.fields());
  }

  private static String submitLine(Map<String, String> fields) {
    StringBuilder b = new StringBuilder("/submit");
    for (Map.Entry<String, String> f : fields.entrySet()) {
      b.append(' ')
          .append(f.getKey())
          .append("=\"")
          .append(f.getValue().replace("\n", "\\n"))
          .append('"');
    }
    return b.toString();
  }

  @Test
  void suggestApproveThenInterviewDailyAndRemove() throws Exception {
    String suggested = session("ana", "/spar suggest", submitLine());
    assertThat(suggested).contains("[form] Suggest a question").contains("\\n for a line break");
    String id = TeamQuestions.idIn(suggested.substring(suggested.indexOf("Thanks!")));

    String approved = session("boss", "/spar suggestions", "/press Approve 1");
    assertThat(approved).contains(TeamQuestions.PROMPT).contains("Approved `" + id + "`");

    String interview =
        session(
            "ana",
            "/spar interview pack team",
            TeamQuestions.GOOD_ANSWER,
            "It lands in the dead-letter queue; alarm when the DLQ is not empty.",
            "Fix the root cause first, then redrive them back to the queue.");
    int question = interview.indexOf(TeamQuestions.PROMPT);
    int first = interview.indexOf(TeamQuestions.FOLLOW_UP_1);
    int second = interview.indexOf(TeamQuestions.FOLLOW_UP_2);
    int done = interview.indexOf("Interview complete \u00b7 " + id);
    assertThat(question).isNotNegative();
    assertThat(first).isGreaterThan(question);
    assertThat(second).isGreaterThan(first);
    assertThat(done).isGreaterThan(second);
    assertThat(interview.substring(done)).contains("\u2713 Make the handler idempotent");

    String daily =
        session(
            "boss",
            "/spar daily on 09:00 UTC daily pack team",
            "/spar daily now",
            TeamQuestions.GOOD_ANSWER,
            "/spar reveal");
    assertThat(daily).contains("team");
    int posted = daily.indexOf(TeamQuestions.PROMPT);
    int reveal = daily.indexOf("Reveal \u00b7 " + id);
    assertThat(posted).isNotNegative();
    assertThat(reveal).isGreaterThan(posted);
    assertThat(daily.substring(reveal))
        .contains("Set the visibility timeout above the handler time.")
        .contains("Best answer");

    assertThat(session("boss", "/spar suggestions remove " + id)).contains("Removed `" + id + "`");
    assertThat(session("ana", "/spar interview pack team")).contains(Filter.TEAM_EMPTY);
  }

  @Test
  void keyPointsAPersonWroteShowAsTypedInTheSummaryAndTheReveal() throws Exception {
    String suggested = session("ana", "/spar suggest", submitLine(TeamQuestions.hostileFields()));
    String id = TeamQuestions.idIn(suggested.substring(suggested.indexOf("Thanks!")));
    assertThat(session("boss", "/spar suggestions", "/press Approve 1"))
        .contains("Approved `" + id + "`");

    String interview =
        session(
            "ana",
            "/spar interview pack team",
            TeamQuestions.FIRST_POINT_ANSWER,
            "/spar interview stop");
    String summary = interview.substring(interview.indexOf("\u00b7 " + id + " \u00b7"));
    // The console shows text as it is, but the bot's own **bold** loses its stars: a person's
    // stars are kept, so their points are shown as typed, never as the bot's markup.
    assertThat(summary)
        .contains("- \u2713 " + TeamQuestions.HOSTILE_POINT + "\n")
        .contains("- \u2717 " + TeamQuestions.LONG_POINT + "\n")
        .contains("also cover: " + TeamQuestions.LONG_POINT.substring(0, 99).strip() + "\u2026_")
        .contains("- " + TeamQuestions.HOSTILE_FOLLOW_UP_POINT + "\n")
        .contains("_Question:_ " + TeamQuestions.HOSTILE_POINT + " " + TeamQuestions.LONG_POINT)
        // Cut prompts and points end their spans: the headings after them are the bot's again.
        .contains("\nModel answer\n")
        .doesNotContain("**Model answer**")
        .doesNotContain("**Follow-up 1: not answered**");

    String daily =
        session(
            "boss",
            "/spar daily on 09:00 UTC daily pack team",
            "/spar daily now",
            TeamQuestions.FIRST_POINT_ANSWER,
            "/spar reveal",
            "/spar archive");
    String reveal = daily.substring(daily.indexOf("Reveal \u00b7 " + id));
    assertThat(reveal)
        .contains("- " + TeamQuestions.HOSTILE_POINT + "\n")
        .contains("- " + TeamQuestions.LONG_POINT + "\n")
        .contains("(missed: " + TeamQuestions.LONG_POINT + "; and 2 more)")
        .contains("\nAnswers\n")
        .doesNotContain("**Answers**");
    String archive = daily.substring(daily.indexOf("Archive \u00b7 1"));
    assertThat(archive)
        .contains("\u2026\n- " + TeamQuestions.HOSTILE_POINT + "\n")
        .contains("- " + TeamQuestions.LONG_POINT + "\n");
  }
}
