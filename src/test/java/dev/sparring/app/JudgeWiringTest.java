package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.QuestionBank;
import dev.sparring.cli.Main;
import dev.sparring.config.ConfigLoader;
import dev.sparring.config.SparringConfig;
import dev.sparring.grading.Grader;
import dev.sparring.grading.RubricGrader;
import dev.sparring.grading.judge.JudgedGrader;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import dev.sparring.testing.JudgeStandIn;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge is off unless configured; on, replies stay offline and summaries use its verdict. */
class JudgeWiringTest {

  static final String ANSWER =
      "Make it idempotent with a dedup table keyed by event id, and page someone when messages"
          + " start sitting in the queue for too long.";
  static final String QUOTE = "page someone when messages start sitting in the queue for too long";
  static final String ALARM = "Alarm on the age of the oldest message.";

  @TempDir Path dir;
  JudgeStandIn server;
  final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");

  @BeforeEach
  void start() throws Exception {
    server = new JudgeStandIn();
    server.content(JudgeStandIn.points(5, "covered", QUOTE));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path configFile(boolean judge) throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(
        f,
        "bank:\n  paths: ['"
            + TestPacks.root()
            + "']\nstore:\n  type: memory\n"
            + "grading:\n  judge:\n    enabled: "
            + judge
            + "\n    url: "
            + server.url()
            + "\n    model: stand-in\n    apiKeyEnv: TEST_JUDGE_KEY\n",
        StandardCharsets.UTF_8);
    return f;
  }

  private SparringConfig config(boolean judge) throws Exception {
    return new ConfigLoader(Map.of()).load(configFile(judge));
  }

  @Test
  void theOfflineGraderIsWiredUnlessTheJudgeIsEnabled() throws Exception {
    SparringConfig defaults = new ConfigLoader(Map.of()).load(null);
    assertThat(Sparring.grader(defaults, TestPacks.demo(), Map.of(), clock, null))
        .isInstanceOf(RubricGrader.class);
    assertThat(Sparring.grader(config(false), TestPacks.demo(), Map.of(), clock, null))
        .isInstanceOf(RubricGrader.class);
    Grader on =
        Sparring.grader(
            config(true), TestPacks.demo(), Map.of("TEST_JUDGE_KEY", "k-123456"), clock, null);
    try (JudgedGrader judge = (JudgedGrader) on) {
      List<KeyPoint> points = TestPacks.demo().get("demo-senior").orElseThrow().keyPoints();
      assertThat(judge.gradeNow(ANSWER, points).covered())
          .extracting(KeyPoint::point)
          .contains(ALARM);
    }
    assertThat(server.seen.get(0).header("Authorization")).isEqualTo("Bearer k-123456");
  }

  @Test
  void theBotNeverWaitsForTheJudgeAndLaterGradesUseItsVerdict() throws Exception {
    SparringConfig config = config(true);
    QuestionBank bank = TestPacks.demo();
    List<KeyPoint> points = bank.get("demo-senior").orElseThrow().keyPoints();
    List<String> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (JudgedGrader judge =
            (JudgedGrader) Sparring.grader(config, bank, Map.of(), clock, outcomes::add);
        Harness h = new Harness(new MemoryStore(), Sparring.features(config, bank, judge, clock))) {
      h.command("ana", "interview demo-senior");
      String t = h.drainAndLastThread();
      server.holdRequests();
      h.reply("ana", t, ANSWER);
      h.command("ana", "interview stop"); // grades the answer for the summary
      // The handler returned with the judge's request out and held: the summary is offline.
      await().atMost(Duration.ofSeconds(5)).until(() -> server.held.get() == 1);
      h.dispatcher.drain();
      String summary =
          h.gateway.sent().get(h.gateway.sent().size() - 1).message().message().bodyText();
      assertThat(summary)
          .contains("\u2717 " + ALARM)
          .contains("\u2713 Make the handler idempotent");
      server.release();
      await().atMost(Duration.ofSeconds(5)).until(() -> judge.hasVerdict(ANSWER, points));
      // A later grade of the same answer (a reveal, an award) uses the verdict, with no new call.
      assertThat(judge.grade(ANSWER, points).covered()).extracting(KeyPoint::point).contains(ALARM);
      assertThat(server.calls()).isEqualTo(1);
      assertThat(outcomes).containsExactly("ok");
    }
  }

  @Test
  void judgeCallsAreCountedByOutcome() {
    Metrics metrics = new Metrics(new MemoryStore(), clock);
    metrics.judgeCalls().accept("ok");
    metrics.judgeCalls().accept("ok");
    metrics.judgeCalls().accept("timeout");
    assertThat(metrics.scrape())
        .contains("sparring_judge_calls_total{outcome=\"ok\"} 2.0")
        .contains("sparring_judge_calls_total{outcome=\"timeout\"} 1.0");
  }

  @Test
  void sparringGradeWaitsForTheJudgeUnlessToldNotTo() throws Exception {
    Path answer = dir.resolve("a.txt");
    Files.writeString(answer, ANSWER, StandardCharsets.UTF_8);
    String c = configFile(true).toString();
    String[] args = {
      "grade",
      "--config",
      c,
      "--question",
      "demo-senior",
      "--json",
      "--answer-file",
      answer.toString()
    };
    JsonNode judged = new ObjectMapper().readTree(run(args));
    assertThat(judged.get("covered").toString()).contains(ALARM);
    assertThat(server.calls()).isEqualTo(1);
    String[] offline = java.util.Arrays.copyOf(args, args.length + 1);
    offline[args.length] = "--no-judge";
    JsonNode plain = new ObjectMapper().readTree(run(offline));
    assertThat(plain.get("missed").toString()).contains(ALARM);
    assertThat(plain.get("score").asInt()).isLessThan(judged.get("score").asInt());
    assertThat(server.calls()).isEqualTo(1);
  }

  private static synchronized String run(String... args) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(new byte[0]));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(Main.execute(args)).isZero();
      return out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
    }
  }
}
