package dev.sparring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.drill.DrillSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drill.*}: FSRS's desired retention, the longest interval, the goal's daily cap. */
class DrillConfigTest {

  @TempDir Path dir;

  private SparringConfig load(String yaml) throws Exception {
    Path f = dir.resolve("sparring.yaml");
    Files.writeString(f, yaml, StandardCharsets.UTF_8);
    return new ConfigLoader(Map.of()).load(f);
  }

  private List<String> problems(String yaml) {
    try {
      load(yaml);
    } catch (ConfigException e) {
      return e.problems();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void defaultsAndOverrides() throws Exception {
    assertThat(new ConfigLoader(Map.of()).load(null).drill()).isEqualTo(DrillSettings.defaults());
    assertThat(DrillSettings.defaults()).isEqualTo(new DrillSettings(0.9, 365, 20));
    SparringConfig c =
        load("drill:\n  retention: 0.85\n  maxIntervalDays: 90\n  goalDailyCap: 8\n");
    assertThat(c.drill()).isEqualTo(new DrillSettings(0.85, 90, 8));
    assertThat(ConfigLoader.describe(c, Map.of()))
        .contains("drill.retention = 0.85", "drill.maxIntervalDays = 90", "drill.goalDailyCap = 8");
  }

  @Test
  void badValuesAreNamedWithTheirRange() {
    assertThat(problems("drill:\n  retention: 0.99\n"))
        .singleElement()
        .asString()
        .startsWith("drill.retention: must be a number between 0.7 and 0.97")
        .contains("(got '0.99')");
    assertThat(problems("drill:\n  retention: 0.5\n")).singleElement().asString().contains("0.7");
    assertThat(problems("drill:\n  retention: lots\n"))
        .singleElement()
        .asString()
        .contains("(got 'lots')");
    assertThat(problems("drill:\n  maxIntervalDays: 0\n  goalDailyCap: none\n"))
        .containsExactly(
            "drill.maxIntervalDays: must be between 1 and 36500 (got 0)",
            "drill.goalDailyCap: must be a whole number (got 'none')");
    assertThat(problems("drill:\n  retension: 0.9\n"))
        .singleElement()
        .asString()
        .contains("did you mean 'drill.retention'");
    assertThatThrownBy(() -> new DrillSettings(0.98, 365, 20))
        .hasMessageContaining("drill.retention must be between 0.7 and 0.97");
  }
}
