package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.store.StoreException;
import dev.sparring.testing.Harness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApologyTest {

  private final Apology step = new Apology();

  private Pipeline.Handled failing(Inbound event, RuntimeException failure) {
    return step.handle(
        new Pipeline.Call(event, null),
        call -> {
          throw failure;
        });
  }

  private static final Inbound COMMAND =
      new Inbound.CommandInvoked("k1", Harness.TEAM, Harness.CHANNEL, Harness.actor("ana"), "x");

  @Test
  void aBugIsAnsweredWithAReferenceAndNoDetails() {
    Pipeline.Handled h = failing(COMMAND, new IllegalStateException("secret details"));
    assertThat(h.outcome()).isEqualTo(Pipeline.Outcome.FAILED);
    assertThat(h.result().queued()).isZero();
    assertThat(h.result().ephemerals())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.user()).isEqualTo(Harness.user("ana"));
              assertThat(e.channel()).isEqualTo(Harness.CHANNEL);
              assertThat(e.message().bodyText())
                  .startsWith("Sorry, something went wrong on our side and nothing was changed.")
                  .containsPattern("reference [0-9a-f]{8}\\)")
                  .doesNotContain("secret")
                  .doesNotContain("Exception");
            });
  }

  @Test
  void aFailedTickHasNoOneToApologiseTo() {
    Pipeline.Handled h = failing(new Inbound.Tick(Instant.EPOCH), new IllegalStateException("x"));
    assertThat(h.outcome()).isEqualTo(Pipeline.Outcome.FAILED);
    assertThat(h.result().ephemerals()).isEmpty();
  }

  @Test
  void storeFailuresGoOnToTheCaller() {
    StoreException down = new StoreException("database unavailable");
    assertThatThrownBy(() -> failing(COMMAND, down)).isSameAs(down);
  }
}
