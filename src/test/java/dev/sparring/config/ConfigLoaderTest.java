package dev.sparring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.app.Platforms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  private Path file(String yaml) throws Exception {
    Path f = dir.resolve("sparring.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return f;
  }

  private static List<String> problems(Runnable r) {
    try {
      r.run();
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void theBundledDefaultsDescribeTheEmbeddedSetup() {
    SparringConfig c = new ConfigLoader(Map.of()).load(null);
    assertThat(c.store().type()).isEqualTo("sqlite");
    assertThat(c.store().sqliteDurability()).isEqualTo("full");
    assertThat(c.interviewIdleTimeout()).isEqualTo(Duration.ofHours(24));
    assertThat(c.maxAnswerChars()).isEqualTo(4000);
    assertThat(c.bankPaths()).containsExactly("prompts");
    assertThat(c.outbox().maxAttempts()).isEqualTo(8);
  }

  @Test
  void aUserFileOverridesOnlyWhatItNamesAndTheEnvironmentIsInterpolated() throws Exception {
    Path f = file("interview:\n  idleTimeout: 30m\nbank:\n  paths: [${PACKS:-prompts}, extra]\n");
    SparringConfig c =
        new ConfigLoader(Map.of("PACKS", "/srv/packs", "SPARRING_STORE", "memory")).load(f);
    assertThat(c.interviewIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.maxAnswerChars()).isEqualTo(4000);
    assertThat(c.bankPaths()).containsExactly("/srv/packs", "extra");
    assertThat(c.store().type()).isEqualTo("memory");
    assertThat(new ConfigLoader(Map.of()).load(f).bankPaths()).containsExactly("prompts", "extra");
  }

  @Test
  void retiredScoringKeysStillLoadSoAnOldConfigKeepsWorking() throws Exception {
    Path f = file("scoring:\n  interviewCompletion: 20\n  drillReview: 2\n  participation: 7\n");
    SparringConfig c = new ConfigLoader(Map.of()).load(f);
    assertThat(c.scoring().points(100)).isEqualTo(7 + c.scoring().gradeBonusMax());
    Path typo = file("scoring:\n  drilReview: 2\n");
    assertThat(problems(() -> new ConfigLoader(Map.of()).load(typo)))
        .singleElement()
        .asString()
        .contains("unknown key 'scoring.drilReview'");
  }

  @Test
  void problemsNameTheKeyAtFaultAllAtOnce() throws Exception {
    Path f =
        file(
            "interview:\n  idleTimout: 5m\n  maxAnswerChars: lots\nstore:\n  type: mongo\n"
                + "outbox:\n  lease: soon\nadmins: [bob]\n");
    List<String> first = problems(() -> new ConfigLoader(Map.of()).load(f));
    assertThat(first)
        .singleElement()
        .asString()
        .contains("unknown key 'interview.idleTimout'")
        .contains("did you mean 'interview.idleTimeout'");
    Path g =
        file(
            "interview:\n  maxAnswerChars: lots\nstore:\n  type: mongo\noutbox:\n  lease: soon\nadmins: [bob]\n");
    assertThat(problems(() -> new ConfigLoader(Map.of()).load(g)))
        .anySatisfy(
            p -> assertThat(p).startsWith("interview.maxAnswerChars: must be a whole number"))
        .anySatisfy(p -> assertThat(p).startsWith("store.type: must be memory, sqlite or postgres"))
        .anySatisfy(p -> assertThat(p).startsWith("outbox.lease: must be a duration"))
        .anySatisfy(p -> assertThat(p).startsWith("admins: 'bob'"));
  }

  @Test
  void postgresNeedsAUrlAndTakesItFromTheEnvironment() throws Exception {
    assertThat(problems(() -> new ConfigLoader(Map.of("SPARRING_STORE", "postgres")).load(null)))
        .singleElement()
        .asString()
        .startsWith("store.postgres.url: store.type is postgres");
    SparringConfig c =
        new ConfigLoader(
                Map.of("SPARRING_STORE", "postgres", "SPARRING_DB_URL", "jdbc:postgresql://db/sp"))
            .load(null);
    assertThat(c.store().postgresUrl()).isEqualTo("jdbc:postgresql://db/sp");
    assertThat(c.store().poolSize()).isEqualTo(10);
  }

  @Test
  void brokenFilesGiveAClearMessage() throws Exception {
    assertThat(problems(() -> new ConfigLoader(Map.of()).load(dir.resolve("missing.yaml"))))
        .singleElement()
        .asString()
        .contains("cannot read the config file");
    Path bad = file("store: [unclosed\n");
    assertThat(problems(() -> new ConfigLoader(Map.of()).load(bad)))
        .singleElement()
        .asString()
        .contains("not valid YAML");
    Path scalar = file("just a string\n");
    assertThat(problems(() -> new ConfigLoader(Map.of()).load(scalar)))
        .singleElement()
        .asString()
        .contains("must be a mapping");
  }

  @Test
  void theConfigDumpMasksSecrets() {
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN", "xoxb-1234567890-secret",
            "DISCORD_TOKEN", "MTIzNDU2Nzg5.secret.value");
    Platforms platforms = Platforms.shipped();
    List<String> lines =
        ConfigLoader.describe(platforms.loadConfig(null, env), env, platforms.secrets());
    String all = String.join("\n", lines);
    assertThat(all)
        .contains("env SLACK_BOT_TOKEN = xo****")
        .contains("env SLACK_SIGNING_SECRET = (unset)")
        .contains("env DISCORD_TOKEN = MT****")
        .contains("slack.mode = http")
        .contains("discord.shards.total = 1")
        .doesNotContain("1234567890")
        .doesNotContain("secret.value");
  }

  @Test
  void theShippedConfigFileMatchesTheBundledDefaults() throws Exception {
    Path shipped = Path.of("config", "sparring.yaml");
    assertThat(shipped).exists();
    SparringConfig fromFile = new ConfigLoader(Map.of()).load(shipped);
    assertThat(fromFile).isEqualTo(new ConfigLoader(Map.of()).load(null));
  }

  @Test
  void sectionsCannotBeReplacedByValues() throws Exception {
    Path f = file("store: memory\n");
    assertThat(problems(() -> new ConfigLoader(Map.of()).load(f)))
        .singleElement()
        .asString()
        .contains("'store' is a section");
    assertThatThrownBy(
            () -> new ConfigLoader(Map.of()).load(file("interview:\n  idleTimeout: 5s\n")))
        .isInstanceOf(ConfigException.class);
  }
}
