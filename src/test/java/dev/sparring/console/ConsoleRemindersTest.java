package dev.sparring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A scripted month of reminders in the console, the clock moved an hour at a time: two people with
 * a reminder at 02:30, one in New York (the clock skips 02:00-03:00 on 8 March) and one in Sydney
 * (it repeats 02:00-03:00 on 5 April), a daily question every day at 12:00 UTC that neither
 * answers, except once. Each gets exactly one direct message per local day, none on days away or
 * with nothing to do, at the next valid time on the day 02:30 does not exist, and once on the day
 * it happens twice.
 */
class ConsoleRemindersTest {

  private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
  private static final Instant END = Instant.parse("2026-04-08T00:00:00Z");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

  private static final Pattern NOW = Pattern.compile("\\(it is now (\\S+)\\)");
  private static final Pattern DM = Pattern.compile("\\(DM to @(\\w+)\\) Sparring\\nWorth doing");

  /** One direct message: to whom, and the clock when it was printed. */
  private record Seen(String user, Instant at) {}

  private String run(List<String> lines) throws Exception {
    MemoryStore store = new MemoryStore();
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

  /** Each direct message, with the clock of the {@code /clock} line that printed it. */
  private static List<Seen> directMessages(String out) {
    List<Seen> seen = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    Matcher dm = DM.matcher(out);
    Matcher now = NOW.matcher(out);
    int from = 0;
    while (now.find(from)) {
      dm.region(from, now.start());
      while (dm.find()) {
        pending.add(dm.group(1));
      }
      Instant at = Instant.parse(now.group(1));
      pending.forEach(u -> seen.add(new Seen(u, at)));
      pending.clear();
      from = now.end();
    }
    return seen;
  }

  @Test
  void aMonthOfRemindersAcrossBothDstChanges() throws Exception {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "/spar daily on 12:00 UTC daily demo",
                "/spar timezone America/New_York",
                "/spar remind on 02:30",
                "/user bo",
                "/spar remind on 02:30 Australia/Sydney",
                "/user ana"));
    for (Instant t = START.plus(Duration.ofHours(1));
        !t.isAfter(END);
        t = t.plus(Duration.ofHours(1))) {
      lines.add("/clock " + t);
      if (t.equals(Instant.parse("2026-03-12T15:00:00Z"))) {
        lines.add("/spar away until 2026-03-14");
      }
      if (t.equals(Instant.parse("2026-03-20T13:00:00Z"))) {
        // Ana answers the question posted an hour ago: on her next local day there is nothing.
        lines.add("A queue decouples producers from consumers and absorbs bursts.");
      }
    }
    String out = run(lines);
    assertThat(out).contains("Reminder on: 02:30 America/New_York (your time zone).");
    assertThat(out).contains("Reminder on: 02:30 Australia/Sydney.");
    assertThat(out).contains("You are away until 2026-03-14.");

    List<Seen> seen = directMessages(out);
    Map<String, Map<LocalDate, List<Instant>>> byDay = new HashMap<>();
    for (Seen s : seen) {
      ZoneId zone = s.user().equals("ana") ? NEW_YORK : SYDNEY;
      // A message printed at the top of the hour was due within the hour before.
      LocalDate day = s.at().minusSeconds(1).atZone(zone).toLocalDate();
      byDay
          .computeIfAbsent(s.user(), u -> new HashMap<>())
          .computeIfAbsent(day, d -> new ArrayList<>())
          .add(s.at());
    }
    // Never two on one local day.
    byDay.forEach(
        (user, days) ->
            days.forEach((day, at) -> assertThat(at).as("%s on %s", user, day).hasSize(1)));

    // Ana: every local day from 2 March to 7 April, except away (13, 14) and answered (21).
    List<LocalDate> anaDays = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2026-03-02");
        !d.isAfter(LocalDate.parse("2026-04-07"));
        d = d.plusDays(1)) {
      if (!List.of("2026-03-13", "2026-03-14", "2026-03-21").contains(d.toString())) {
        anaDays.add(d);
      }
    }
    assertThat(byDay.get("ana").keySet()).containsExactlyInAnyOrderElementsOf(anaDays);
    // 02:30 does not exist in New York on 8 March: the nudge came when the clock jumped to 03:00.
    assertThat(byDay.get("ana").get(LocalDate.parse("2026-03-08")))
        .containsExactly(Instant.parse("2026-03-08T07:00:00Z"));
    assertThat(byDay.get("ana").get(LocalDate.parse("2026-03-07")))
        .containsExactly(Instant.parse("2026-03-07T08:00:00Z")); // 02:30 EST, printed at 03:00
    assertThat(byDay.get("ana").get(LocalDate.parse("2026-03-09")))
        .containsExactly(Instant.parse("2026-03-09T07:00:00Z")); // 02:30 EDT, printed at 03:00

    // Bo: every local day from 2 March to 8 April; 02:30 happened twice on 5 April: one nudge,
    // at the first (15:30 UTC, printed at 16:00).
    List<LocalDate> boDays = new ArrayList<>();
    for (LocalDate d = LocalDate.parse("2026-03-02");
        !d.isAfter(LocalDate.parse("2026-04-08"));
        d = d.plusDays(1)) {
      boDays.add(d);
    }
    assertThat(byDay.get("bo").keySet()).containsExactlyInAnyOrderElementsOf(boDays);
    assertThat(byDay.get("bo").get(LocalDate.parse("2026-04-05")))
        .containsExactly(Instant.parse("2026-04-04T16:00:00Z"));
    assertThat(seen).hasSize(anaDays.size() + boDays.size());

    // What a nudge says, and who it goes to, as the console shows it.
    assertThat(out)
        .contains(
            "(DM to @ana) Sparring\nWorth doing today\nHi ana, here is what is worth doing today,"
                + " Monday 2 March:\n- The daily question of 2026-03-01 waits for your answer");
  }
}
