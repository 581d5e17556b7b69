package dev.sparring.app;

import static dev.sparring.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.config.ConfigLoader;
import dev.sparring.store.Dispute;
import dev.sparring.store.Store;
import dev.sparring.testing.Cli.Run;
import dev.sparring.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparring grade} with contradictions, and {@code sparring packs report}. */
class FeedbackCommandsTest {

  @TempDir Path dir;

  private Path config() throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, "bank:\n  paths: ['" + TestPacks.root() + "']\n", StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void gradePrintsWhatTheAnswerSaidAgainstAKeyPoint() throws Exception {
    String answer = "A DLQ is unnecessary because retries handle everything.";
    Run r = run(answer, "grade", "--config", config().toString(), "--question", "demo-senior");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "  \u2717 You said \u201cA DLQ is unnecessary\u201d; in fact: Send poison messages to"
                + " a dead letter queue after a few attempts.")
        .contains("  \u2717 Alarm on the age of the oldest message.")
        .doesNotContainPattern("[\\uE000-\\uE003]");
    Run j =
        run(
            answer,
            "grade",
            "--config",
            config().toString(),
            "--question",
            "demo-senior",
            "--json");
    JsonNode n = new ObjectMapper().readTree(j.out());
    assertThat(n.get("contradicted")).hasSize(1);
    assertThat(n.get("contradicted").get(0).get("said").asText()).isEqualTo("A DLQ is unnecessary");
    assertThat(n.get("contradicted").get(0).get("point").asText()).startsWith("Send poison");
  }

  private void seed(List<Dispute> disputes) throws Exception {
    try (Store store =
        Sparring.openStore(new ConfigLoader(Map.of()).load(config()), dir.resolve("data"))) {
      store.transact(
          tx -> {
            disputes.forEach(d -> tx.disputes().add(d));
            return null;
          });
    }
  }

  private static Dispute dispute(
      String team, String user, String ref, String q, int step, int point, String reason, int min) {
    return new Dispute(
        team,
        "console:C1",
        user,
        ref,
        q,
        step,
        point,
        point == 0 ? "" : "Point " + point + " of " + q + ".",
        "an answer",
        reason,
        Instant.parse("2026-03-01T09:00:00Z").plusSeconds(60L * min));
  }

  @Test
  void packsReportCountsDisputesPerKeyPointWithTheLatestReasonsAsPlainText() throws Exception {
    Run empty =
        run(
            "",
            "packs",
            "report",
            "--config",
            config().toString(),
            "--data",
            dir.resolve("data").toString());
    assertThat(empty.code()).isZero();
    assertThat(empty.out())
        .isEqualTo(
            "How answers fare against the key points, every team's:\n"
                + "No graded answers yet: the report fills in as people answer.\n\n"
                + "No disputes yet.\n");
    seed(
        List.of(
            dispute("console:T1", "console:ana", "iv:a:0", "demo-senior", 0, 2, "old reason", 1),
            dispute("console:T1", "console:bo", "iv:b:0", "demo-senior", 0, 2, "", 2),
            dispute(
                "console:T2",
                "console:cy",
                "iv:c:0",
                "demo-senior",
                0,
                2,
                "newer\nreason \u202e<b>",
                3),
            dispute("console:T1", "console:ana", "iv:a:1", "demo-senior", 1, 0, "overall", 4),
            dispute("console:T1", "console:ana", "dy:x", "demo-basic", 0, 1, "basic", 5)));

    Run r =
        run(
            "",
            "packs",
            "report",
            "--config",
            config().toString(),
            "--data",
            dir.resolve("data").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            String.join(
                "\n",
                "How answers fare against the key points, every team's:",
                "No graded answers yet: the report fills in as people answer.",
                "",
                "5 disputes on 2 questions, most disputed first:",
                "",
                "demo-senior (4 disputes)",
                "  question, key point 2: Point 2 of demo-senior. (3 disputes)",
                "    2026-03-01  \u201cnewer reason <b>\u201d",
                "    2026-03-01  \u201cold reason\u201d",
                "  follow-up 1, the score overall (1 dispute)",
                "    2026-03-01  \u201coverall\u201d",
                "",
                "demo-basic (1 dispute)",
                "  question, key point 1: Point 1 of demo-basic. (1 dispute)",
                "    2026-03-01  \u201cbasic\u201d",
                ""));

    Run j =
        run(
            "",
            "packs",
            "report",
            "--json",
            "--config",
            config().toString(),
            "--data",
            dir.resolve("data").toString());
    JsonNode n = new ObjectMapper().readTree(j.out());
    assertThat(n.get("disputes").asInt()).isEqualTo(5);
    JsonNode senior = n.get("questions").get(0);
    assertThat(senior.get("question").asText()).isEqualTo("demo-senior");
    JsonNode point = senior.get("points").get(0);
    assertThat(point.get("step").asInt()).isZero();
    assertThat(point.get("point").asInt()).isEqualTo(2);
    assertThat(point.get("disputes").asInt()).isEqualTo(3);
    assertThat(point.get("latestReasons")).hasSize(2);
    assertThat(point.get("latestReasons").get(0).get("reason").asText())
        .isEqualTo("newer\nreason <b>");
  }

  @Test
  void packsReportShowsHowAnswersFarePerKeyPointAfterAScriptedWeekInTheConsole() throws Exception {
    StringBuilder week = new StringBuilder();
    for (int day = 0; day < 5; day++) {
      week.append("/spar interview demo-senior\n")
          .append("Make the handler idempotent and record processed ids under a unique key.\n")
          .append("Redrive after fixing the bug and alarm when the queue is not empty.\n")
          .append("FIFO with a message group id.\n")
          .append("Batching and long polling.\n")
          .append("/spar drill demo beginner\n")
          .append("A queue decouples producers from consumers and absorbs bursts.\n")
          .append("/clock +1d\n");
    }
    String data = dir.resolve("data").toString();
    Run console = run(week.toString(), "console", "--config", config().toString(), "--data", data);
    assertThat(console.code()).as(console.err()).isZero();
    assertThat(console.out()).contains("Interview complete");

    Run r = run("", "packs", "report", "--config", config().toString(), "--data", data);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("How answers fare against the key points")
        .containsPattern("\\d+ key points have graded answers")
        .contains("Always covered")
        .contains("`demo-senior #1` Make the handler idempotent")
        .containsPattern("covered [1-9]\\d*, missed \\d+, contradicted \\d+ of [1-9]")
        .contains("Rarely covered")
        .doesNotContain("No graded answers yet");

    Run json =
        run("", "packs", "report", "--json", "--config", config().toString(), "--data", data);
    JsonNode points = new ObjectMapper().readTree(json.out()).get("keyPoints");
    assertThat(points).isNotEmpty();
    assertThat(points.get(0).get("covered").asInt() + points.get(0).get("missed").asInt())
        .isPositive();
  }
}
