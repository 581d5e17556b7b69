package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.testing.ChildProgram;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders across a SIGKILL: the real program in a child process on SQLite runs five days of a
 * scripted clock (a daily question every day, a reminder at 08:00 UTC), is killed, and a new
 * process on the same data runs five more. Every day has exactly one reminder, none twice and none
 * lost across the restart.
 */
class KillAndRestartRemindersTest {

  private static final Pattern NOW = Pattern.compile("\\(it is now (\\S+)\\)");
  private static final Pattern DM = Pattern.compile("\\(DM to @ana\\)");

  @TempDir Path dir;

  private Process start(Path config) throws IOException {
    return dev.sparring.testing.ChildProgram.console(dir, config);
  }

  /** Hourly {@code /clock} lines from {@code from} (exclusive) to {@code to} (inclusive). */
  private static String hours(Instant from, Instant to) {
    StringBuilder b = new StringBuilder();
    for (Instant t = from.plus(Duration.ofHours(1));
        !t.isAfter(to);
        t = t.plus(Duration.ofHours(1))) {
      b.append("/clock ").append(t).append('\n');
    }
    return b.toString();
  }

  /** Reminders per UTC day, read from "(DM to @ana)" lines before each "(it is now …)". */
  private static void count(String out, Map<LocalDate, Integer> perDay) {
    Matcher now = NOW.matcher(out);
    Matcher dm = DM.matcher(out);
    int from = 0;
    while (now.find(from)) {
      dm.region(from, now.start());
      Instant at = Instant.parse(now.group(1));
      while (dm.find()) {
        perDay.merge(at.minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum);
      }
      from = now.end();
    }
  }

  @Test
  void sigkillMidMonthNeitherRepeatsNorLosesADaysReminder() throws Exception {
    Path config = dir.resolve("sparring.yaml");
    Files.writeString(
        config,
        "bank:\n  paths: ['"
            + dev.sparring.testing.TestPacks.root().toString().replace("'", "''")
            + "']\nstore:\n  type: sqlite\n",
        StandardCharsets.UTF_8);
    // The child's clock starts at the real time; the script moves it forward from tomorrow.
    Instant day0 = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    Instant killAt = day0.plus(Duration.ofDays(5)).minus(Duration.ofHours(1));
    Instant end = day0.plus(Duration.ofDays(10)).minus(Duration.ofHours(1));

    Process first = start(config);
    ChildProgram.Output out1 = new ChildProgram.Output(first);
    Writer in1 = new OutputStreamWriter(first.getOutputStream(), StandardCharsets.UTF_8);
    in1.write("/spar daily on 12:00 UTC daily demo\n/spar remind on 08:00 UTC\n");
    in1.write("/clock " + day0 + "\n" + hours(day0, killAt));
    in1.flush();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> out1.get().contains("(it is now " + killAt + ")"));
    first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Process second = start(config);
    ChildProgram.Output out2 = new ChildProgram.Output(second);
    try (Writer in2 = new OutputStreamWriter(second.getOutputStream(), StandardCharsets.UTF_8)) {
      in2.write("/clock " + killAt + "\n" + hours(killAt, end));
    }
    assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isZero();

    Map<LocalDate, Integer> perDay = new TreeMap<>();
    count(out1.get(), perDay);
    count(out2.get(), perDay);
    // The first daily question comes at 12:00 on day 0, after that day's 08:00: nothing to remind
    // of yet. From day 1 on there is an unanswered question every morning.
    List<LocalDate> days = new ArrayList<>();
    for (int i = 1; i < 10; i++) {
      days.add(day0.plus(Duration.ofDays(i)).atZone(ZoneOffset.UTC).toLocalDate());
    }
    assertThat(perDay.keySet()).containsExactlyElementsOf(days);
    perDay.forEach((day, n) -> assertThat(n).as("reminders on %s", day).isOne());
  }
}
