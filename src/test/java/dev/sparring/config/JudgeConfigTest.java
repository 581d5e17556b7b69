package dev.sparring.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.grading.judge.JudgeSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grading.judge.*}: off by default, checked when on, its key only from the environment. */
class JudgeConfigTest {

  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    Path f = dir.resolve("sparring.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private static List<String> problems(Path f) {
    try {
      new ConfigLoader(Map.of()).load(f);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void theJudgeIsOffByDefault() {
    JudgeSettings j = new ConfigLoader(Map.of()).load(null).judge();
    assertThat(j.enabled()).isFalse();
    assertThat(j.apiKeyEnv()).isEqualTo("SPARRING_JUDGE_API_KEY");
    assertThat(j.auth()).isEqualTo(JudgeSettings.Auth.BEARER);
    assertThat(j.timeout()).isEqualTo(Duration.ofSeconds(8));
    assertThat(j.maxConcurrent()).isEqualTo(2);
    assertThat(j.cacheSize()).isEqualTo(10_000);
  }

  @Test
  void anOpenAiSetup() throws Exception {
    Path f =
        file(
            "grading:\n  judge:\n    enabled: true\n    url: https://api.openai.com/v1/\n"
                + "    model: gpt-4o-mini\n    apiKeyEnv: OPENAI_API_KEY\n    timeout: 5s\n");
    JudgeSettings j = new ConfigLoader(Map.of()).load(f).judge();
    assertThat(j.enabled()).isTrue();
    assertThat(j.model()).isEqualTo("gpt-4o-mini");
    assertThat(j.endpoint()).isEqualTo(URI.create("https://api.openai.com/v1/chat/completions"));
    assertThat(j.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void azureKeepsItsApiVersionQuery() throws Exception {
    Path f =
        file(
            "grading:\n  judge:\n    enabled: true\n    auth: api-key\n    model: grader\n"
                + "    url: https://r.openai.azure.com/openai/deployments/grader?api-version=2024-06-01\n");
    JudgeSettings j = new ConfigLoader(Map.of()).load(f).judge();
    assertThat(j.auth()).isEqualTo(JudgeSettings.Auth.API_KEY);
    assertThat(j.endpoint())
        .isEqualTo(
            URI.create(
                "https://r.openai.azure.com/openai/deployments/grader/chat/completions"
                    + "?api-version=2024-06-01"));
  }

  @Test
  void badSettingsAreNamedAllAtOnce() throws Exception {
    Path f =
        file(
            "grading:\n  judge:\n    enabled: true\n    url: localhost:11434\n    auth: token\n"
                + "    apiKeyEnv: sk-abc123\n    timeout: forever\n    maxConcurrent: 0\n");
    assertThat(problems(f))
        .anySatisfy(p -> assertThat(p).startsWith("grading.judge.url: must be an http://"))
        .anySatisfy(p -> assertThat(p).startsWith("grading.judge.model: grading.judge.enabled"))
        .anySatisfy(p -> assertThat(p).startsWith("grading.judge.auth: must be bearer or api-key"))
        .anySatisfy(p -> assertThat(p).startsWith("grading.judge.apiKeyEnv: must be the name"))
        .anySatisfy(p -> assertThat(p).startsWith("grading.judge.timeout: must be a duration"))
        .anySatisfy(p -> assertThat(p).startsWith("grading.judge.maxConcurrent: must be between"))
        .noneSatisfy(p -> assertThat(p).contains("sk-abc123"));
  }

  @Test
  void aPasswordInTheUrlIsRefusedEvenWithTheJudgeOff() throws Exception {
    Path f = file("grading:\n  judge:\n    url: https://me:hunter22@llm.example/v1\n");
    assertThat(problems(f))
        .singleElement()
        .asString()
        .startsWith("grading.judge.url: must not hold a user or password")
        .doesNotContain("hunter22");
    // A URL that does not parse matters only when the judge is on.
    assertThat(new ConfigLoader(Map.of()).load(file("grading:\n  judge:\n    url: nope\n")))
        .isNotNull();
  }

  @Test
  void theConfigDumpMasksTheJudgeKeyWhicheverVariableHoldsIt() throws Exception {
    Path f =
        file(
            "grading:\n  judge:\n    enabled: true\n    model: m\n    apiKeyEnv: OPENAI_API_KEY\n");
    Map<String, String> env =
        Map.of(
            "OPENAI_API_KEY", "sk-proj-abcdefghijklmnop",
            "SPARRING_JUDGE_API_KEY", "sk-other-qrstuvwxyz");
    String all = String.join("\n", ConfigLoader.describe(new ConfigLoader(env).load(f), env));
    assertThat(all)
        .contains("grading.judge.enabled = true")
        .contains("grading.judge.apiKeyEnv = OPENAI_API_KEY")
        .contains("env OPENAI_API_KEY = sk****")
        .contains("env SPARRING_JUDGE_API_KEY = sk****")
        .doesNotContain("abcdefghijklmnop")
        .doesNotContain("qrstuvwxyz");
    assertThat(Secrets.values(env)).contains("sk-proj-abcdefghijklmnop", "sk-other-qrstuvwxyz");
  }
}
