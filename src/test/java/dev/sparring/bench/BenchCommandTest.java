package dev.sparring.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.cli.Main;
import dev.sparring.testing.TestPacks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bench scenario, shrunk to seconds: it runs, prints one JSON object with the documented
 * fields, and its correctness figures hold (nothing duplicated or lost). Speed is not asserted.
 */
class BenchCommandTest {

  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void config() throws Exception {
    config = dir.resolve("sparring.yaml");
    Files.writeString(
        config,
        "bank:\n  paths: ['" + TestPacks.root() + "']\nstore:\n  sqlite:\n    durability: normal\n",
        StandardCharsets.UTF_8);
  }

  private JsonNode bench(String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      String[] all = new String[args.length + 4];
      all[0] = "bench";
      System.arraycopy(args, 0, all, 1, args.length);
      all[args.length + 1] = "--json";
      all[args.length + 2] = "--config";
      all[args.length + 3] = config.toString();
      code = Main.execute(all);
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8).strip();
    assertThat(code).as(out).isZero();
    assertThat(out.lines()).hasSize(1);
    return new ObjectMapper().readTree(out);
  }

  @Test
  void theStartupBenchLaunchesTheRealProgram() {
    assertThat(BenchStartup.ENTRY_POINT).isEqualTo(dev.sparring.cli.Main.class.getName());
  }

  @Test
  void grader() throws Exception {
    JsonNode g = bench("grader", "--seconds", "1", "--warmup", "0");
    assertThat(g.path("answersPerSec").asLong()).isPositive();
    assertThat(g.path("rubrics").asInt()).isPositive();
    assertThat(g.path("grading").asText()).isEqualTo("terms and meaning");
    assertThat(g.path("p50Millis").asDouble()).isPositive();
    assertThat(g.path("p99Millis").asDouble())
        .isGreaterThanOrEqualTo(g.path("p50Millis").asDouble());
    JsonNode terms = bench("grader", "--seconds", "1", "--warmup", "0", "--terms-only");
    assertThat(terms.path("grading").asText()).isEqualTo("terms");
    assertThat(terms.has("modelLoadMillis")).isFalse();
  }

  @Test
  void engineAndLeaderboard() throws Exception {
    JsonNode engine = bench("engine", "--interviews", "20");
    assertThat(engine.path("scenario").asText()).isEqualTo("engine");
    assertThat(engine.path("store").asText()).isEqualTo("sqlite");
    assertThat(engine.path("transitionsPerSec").asLong()).isPositive();
    assertThat(engine.path("floorPerSec").asLong()).isPositive();
    // 20 interviews of the demo pack's questions: every answer moved one on.
    assertThat(engine.path("transitions").asLong()).isGreaterThanOrEqualTo(40);

    JsonNode board = bench("leaderboard", "--rows", "3000", "--users", "300", "--queries", "20");
    assertThat(board.path("rows").asInt()).isEqualTo(3000);
    assertThat(board.path("users").asInt()).isEqualTo(300);
    assertThat(board.path("top10P99Ms").asDouble()).isPositive();
    assertThat(board.path("rankP99Ms").asDouble()).isPositive();
  }

  @Test
  void fanoutUnderRateLimitsLosesAndDoublesNothing() throws Exception {
    JsonNode f = bench("fanout", "--channels", "30", "--global-per-sec", "15");
    assertThat(f.path("messages").asInt()).isEqualTo(30);
    assertThat(f.path("duplicates").asInt()).isZero();
    assertThat(f.path("lost").asInt()).isZero();
    assertThat(f.path("deadLetters").asInt()).isZero();
    // 30 posts at 15/s, with a second's burst, cannot all land within the first second: the
    // stand-in's limits held (with 429s, or because the outbox paced itself).
    assertThat(f.path("seconds").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.path("idealSeconds").asDouble()).isEqualTo(2.0);
  }

  @Test
  void nudgesReachEveryoneOnceUnderRateLimits() throws Exception {
    JsonNode n = bench("nudges", "--people", "40", "--global-per-sec", "20", "--max-minutes", "3");
    assertThat(n.path("people").asInt()).isEqualTo(40);
    assertThat(n.path("messages").asInt()).isEqualTo(40);
    assertThat(n.path("duplicates").asInt()).isZero();
    assertThat(n.path("lost").asInt()).isZero();
    assertThat(n.path("deadLetters").asInt()).isZero();
    assertThat(n.path("dmOpens").asInt()).isEqualTo(40);
    // 40 direct messages at 20/s, with a second's burst, cannot all land within the first second.
    assertThat(n.path("seconds").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(n.path("idealSeconds").asDouble()).isEqualTo(2.0);
  }

  @Test
  void slackAgainstBareBolt() throws Exception {
    JsonNode s = bench("slack", "--interviews", "12", "--clients", "3");
    assertThat(s.path("non2xx").asInt()).isZero();
    assertThat(s.path("eventsPerSec").asLong()).isPositive();
    assertThat(s.path("bareBoltEventsPerSec").asLong()).isPositive();
    assertThat(s.path("p99Ms").asDouble()).isGreaterThanOrEqualTo(s.path("p50Ms").asDouble());
  }

  @Test
  void startup() throws Exception {
    JsonNode s = bench("startup", "--interviews", "50");
    assertThat(s.path("readyMs").asLong()).isPositive();
    assertThat(s.path("interviews").asInt()).isEqualTo(50);
    // RSS comes from /proc: Linux only.
    if (Files.isDirectory(Path.of("/proc/self"))) {
      assertThat(s.path("rssMb").asLong()).isPositive();
      assertThat(s.path("rssMbWithInterviews").asLong()).isPositive();
    }
  }
}
