package dev.sparring.ops;

import static dev.sparring.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.testing.Cli.Run;
import dev.sparring.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeAndImportCommandTest {

  @TempDir Path dir;

  private String config() throws Exception {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, "bank:\n  paths: ['" + TestPacks.root() + "']\n", StandardCharsets.UTF_8);
    return f.toString();
  }

  @Test
  void gradesOneAnswerFromAFile() throws Exception {
    Path answer = dir.resolve("a.txt");
    Files.writeString(answer, "I would make the handler idempotent and add a DLQ with backoff.");
    Run r =
        run(
            "",
            "grade",
            "--config",
            config(),
            "--question",
            "demo-senior",
            "--answer-file",
            answer.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("demo-senior: ").contains("\u2713 Make the handler idempotent");
    Run j =
        run(
            "",
            "grade",
            "--config",
            config(),
            "--question",
            "demo-senior",
            "--step",
            "1",
            "--json",
            "--answer-file",
            answer.toString());
    JsonNode n = new ObjectMapper().readTree(j.out());
    assertThat(n.get("step").asInt()).isEqualTo(1);
    assertThat(n.get("missed")).hasSize(2);
  }

  @Test
  void batchModeAnswersEveryLineInOrderAndFlagsBadOnes() throws Exception {
    String input =
        String.join(
            "\n",
            "{\"question\":\"demo-basic\",\"answer\":\"A queue decouples producers and absorbs bursts.\"}",
            "not json",
            "{\"question\":\"nope\",\"answer\":\"x\"}",
            "{\"question\":\"demo-senior\",\"answer\":\"idk\"}",
            "{\"question\":\"demo-senior\"}",
            "");
    Run r = run(input, "grade", "--json", "--config", config());
    assertThat(r.code()).isEqualTo(1);
    List<JsonNode> lines =
        r.out()
            .lines()
            .map(
                l -> {
                  try {
                    return new ObjectMapper().readTree(l);
                  } catch (Exception e) {
                    throw new AssertionError(l, e);
                  }
                })
            .toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0).get("question").asText()).isEqualTo("demo-basic");
    assertThat(lines.get(0).get("covered")).hasSize(2);
    assertThat(lines.get(0).fieldNames())
        .toIterable()
        .containsExactly("question", "score", "covered", "missed");
    assertThat(lines.get(1).get("error").asText()).isEqualTo("not a JSON object");
    assertThat(lines.get(2).get("error").asText()).contains("no question 'nope'");
    assertThat(lines.get(3).get("score").asInt()).isZero();
    assertThat(lines.get(4).get("error").asText()).contains("missing \"answer\"");
  }

  @Test
  void gradeExplainsUsageMistakes() throws Exception {
    assertThat(run("", "grade", "--config", config()).code()).isEqualTo(2);
    Run unknown = run("x", "grade", "--config", config(), "--question", "zzz");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no question 'zzz'");
    assertThat(
            run("x", "grade", "--config", config(), "--question", "demo-basic", "--step", "9")
                .err())
        .contains("--step must be 0..2");
  }

  @Test
  void importWritesASkeletonThatFailsValidationUntilItsPlaceholdersAreReplaced() throws Exception {
    Path md = dir.resolve("qs.md");
    Files.writeString(md, "## Advanced\n- How do you shard a queue?\n  - What breaks ordering?\n");
    Path out = dir.resolve("packs").resolve("mine").resolve("questions.yaml");
    Run r = run("", "import", md.toString(), "--out", out.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("Wrote 1 question(s)");
    Run v = run("", "validate", dir.resolve("packs").toString());
    assertThat(v.code()).as(v.out()).isEqualTo(1);
    assertThat(v.out())
        .containsPattern(
            java.util.regex.Pattern.quote(out.toString()) + ":\\d+:\\d+: TODO placeholder")
        .contains("--allow-drafts");
    assertThat(v.err()).contains("problem(s) found");
    Run drafts = run("", "validate", "--allow-drafts", dir.resolve("packs").toString());
    assertThat(drafts.code()).as(drafts.out()).isZero();
    assertThat(drafts.out()).contains(": warning: TODO placeholder").contains("OK: 1 questions");
    // Once every placeholder is written, it validates as it is.
    String yaml = Files.readString(out);
    Files.writeString(
        out,
        yaml.replace("TODO: follow-up question", "Which follow-up comes next, part")
            .replace("TODO: key point", "A real claim, number")
            .replace("TODO", "Done"));
    Run done = run("", "validate", dir.resolve("packs").toString());
    assertThat(done.out()).doesNotContain("TODO");
    assertThat(run("", "import", dir.resolve("x.txt").toString()).code()).isEqualTo(1);
  }
}
