package dev.sparring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.Document;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Postgres;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning loop over a scripted console month, the clock moved an hour at a time, on SQLite and
 * on PostgreSQL: a daily question every day at 12:00 UTC, reminders at 08:00 UTC for two people, an
 * interview goal for one of them. What Ana and Bo miss in the first daily question comes back as
 * their weak drill; Ana's goal pulls the review of that drill before her goal day where Bo's, rated
 * the same, falls after it; each gets exactly one reminder per day, none while away, and Ana's
 * reminders carry the goal's plan until the day.
 */
class LearningLoopMonthTest {

  private static final Instant START = Instant.parse("2026-03-02T07:00:00Z");
  private static final Instant END = Instant.parse("2026-04-01T00:00:00Z");
  private static final LocalDate GOAL = LocalDate.parse("2026-03-09");
  private static final String WEAK_ANSWER = "Put a queue between the services.";

  private static final Pattern NOW = Pattern.compile("\\(it is now (\\S+)\\)");
  private static final Pattern DM = Pattern.compile("\\(DM to @(\\w+)\\) Sparring\\n");
  private static final Pattern REVEAL = Pattern.compile("Reveal \u00b7 (\\S+) \u00b7 ");

  @TempDir Path dir;

  @Test
  void aMonthOnSqlite() throws Exception {
    try (Store store = SqliteStore.open(dir.resolve("month.db"), SqliteStore.Durability.NORMAL)) {
      month(store);
    }
  }

  @Test
  void aMonthOnPostgres() throws Exception {
    try (Store store = Postgres.store()) {
      month(store);
    }
  }

  private void month(Store store) throws Exception {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "/spar daily on 12:00 UTC daily demo",
                "/spar remind on 08:00 UTC",
                "/spar goal " + GOAL + " demo",
                "/user bo",
                "/spar remind on 08:00 UTC",
                "/user ana"));
    for (Instant t = START.plus(Duration.ofHours(1));
        t.isBefore(END);
        t = t.plus(Duration.ofHours(1))) {
      lines.add("/clock " + t);
      if (t.equals(Instant.parse("2026-03-02T13:00:00Z"))) {
        // Both answer the first daily question with one thin sentence.
        lines.addAll(List.of(WEAK_ANSWER, "/user bo", WEAK_ANSWER, "/user ana"));
      }
      if (t.equals(Instant.parse("2026-03-03T13:00:00Z"))) {
        // The reveal at 12:00 made what they missed a due drill: both ask for their weak one,
        // answer it the same way and rate it Easy.
        for (String who : List.of("ana", "bo")) {
          lines.addAll(
              List.of(
                  "/user " + who, "/spar drill weak", WEAK_ANSWER + " Retries.", "/press Easy"));
        }
        lines.add("/user ana");
      }
      if (t.equals(Instant.parse("2026-03-15T15:00:00Z"))) {
        lines.add("/spar away until 2026-03-17");
      }
    }
    String out = run(store, lines);

    // What was missed came back as the weak drill: the first revealed question.
    Matcher reveal = REVEAL.matcher(out);
    assertThat(reveal.find()).as("a reveal").isTrue();
    String first = reveal.group(1);
    assertThat(out).contains("Drill \u00b7 Weak point \u00b7 " + first);

    // The goal pulled Ana's review before her goal day; Bo's, rated the same, comes after it.
    Instant anaDue = due(store, "ana", first);
    Instant bobDue = due(store, "bo", first);
    assertThat(anaDue).isBefore(GOAL.atStartOfDay(ZoneOffset.UTC).toInstant());
    assertThat(bobDue).isAfter(anaDue);

    // One reminder a day each; none on the away days; the goal's plan only until the goal day.
    Map<String, Map<LocalDate, Integer>> perDay = reminders(out);
    perDay.forEach(
        (who, days) ->
            days.forEach((day, n) -> assertThat(n).as("%s's reminders on %s", who, day).isOne()));
    List<LocalDate> anaDays = new ArrayList<>(perDay.get("ana").keySet());
    assertThat(anaDays)
        .doesNotContain(LocalDate.parse("2026-03-16"), LocalDate.parse("2026-03-17"))
        .contains(LocalDate.parse("2026-03-03"), GOAL, LocalDate.parse("2026-03-18"));
    assertThat(perDay.get("bo").keySet()).contains(LocalDate.parse("2026-03-16"));
    assertThat(out).contains("Your interview goal, " + GOAL);
  }

  /** Reminders per person and UTC day, read from the console's "(DM to @x)" lines. */
  private static Map<String, Map<LocalDate, Integer>> reminders(String out) {
    Map<String, Map<LocalDate, Integer>> perDay = new TreeMap<>();
    Matcher now = NOW.matcher(out);
    Matcher dm = DM.matcher(out);
    int from = 0;
    while (now.find(from)) {
      dm.region(from, now.start());
      Instant at = Instant.parse(now.group(1));
      while (dm.find()) {
        LocalDate day = at.minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate();
        perDay.computeIfAbsent(dm.group(1), u -> new TreeMap<>()).merge(day, 1, Integer::sum);
      }
      from = now.end();
    }
    return perDay;
  }

  private static Instant due(Store store, String user, String question) {
    String id = "console:local#console:" + user + "#" + question;
    List<Document> cards = store.transact(tx -> tx.documents().byPrefix("drill.card", "", 1000));
    return cards.stream()
        .filter(d -> d.id().endsWith("#console:" + user + "#" + question))
        .findFirst()
        .map(Document::dueAt)
        .orElseThrow(() -> new AssertionError("no card " + id + " in " + cards));
  }

  private static String run(Store store, List<String> lines) throws Exception {
    ConsoleClock clock = new ConsoleClock(Clock.fixed(START, ZoneOffset.UTC));
    Gateway gateway = ConsoleAdapter.newGateway();
    Bot bot = new Bot(store, clock, Features.all());
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(gateway), OutboxDispatcher.Settings.defaults(), "console");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ConsoleAdapter(bot, gateway, dispatcher, out, "ana", "general")
        .run(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), false);
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
