package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureCatalogTest {

  /** A feature owning the given commands, thread kinds and button prefix. */
  static Feature feature(Set<String> commands, Set<String> kinds, String prefix) {
    return new Feature() {
      @Override
      public Set<String> commands() {
        return commands;
      }

      @Override
      public List<Help> help() {
        return List.of();
      }

      @Override
      public void command(Context ctx, Command command) {}

      @Override
      public Set<String> threadKinds() {
        return kinds;
      }

      @Override
      public String buttonPrefix() {
        return prefix;
      }
    };
  }

  private final Feature interviews = feature(Set.of("interview", "iv"), Set.of("interview"), "iv.");
  private final Feature daily = feature(Set.of("daily"), Set.of("daily"), "daily.");
  private final FeatureCatalog catalog = new FeatureCatalog(List.of(interviews, daily));

  @Test
  void eachFeatureIsFoundByWhatItOwns() {
    assertThat(catalog.all()).containsExactly(interviews, daily);
    assertThat(catalog.forCommand("iv")).isSameAs(interviews);
    assertThat(catalog.forCommand("daily")).isSameAs(daily);
    assertThat(catalog.forCommand("nope")).isNull();
    assertThat(catalog.forThreadKind("daily")).isSameAs(daily);
    assertThat(catalog.forAction("daily.answer")).containsSame(daily);
    assertThat(catalog.forAction("other.x")).isEmpty();
    assertThat(catalog.closest("interveiw")).isEqualTo("interview");
    assertThat(catalog.closest("zzzzzz")).isNull();
  }

  @Test
  void aCommandOrThreadKindClaimedTwiceOrHelpIsRefused() {
    assertThatThrownBy(
            () -> new FeatureCatalog(List.of(daily, feature(Set.of("daily"), Set.of(), null))))
        .hasMessage("command 'daily' registered twice");
    assertThatThrownBy(
            () -> new FeatureCatalog(List.of(daily, feature(Set.of("x"), Set.of("daily"), null))))
        .hasMessage("thread kind 'daily' registered twice");
    assertThatThrownBy(() -> new FeatureCatalog(List.of(feature(Set.of("help"), Set.of(), null))))
        .hasMessage("command 'help' registered twice");
  }
}
