package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.store.Store;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboundKeysTest {

  private final Store store = new MemoryStore();
  private final Instant t0 = Instant.parse("2026-03-01T09:00:00Z");

  private static Inbound command(String key) {
    return new Inbound.CommandInvoked(
        key, Harness.TEAM, Harness.CHANNEL, Harness.actor("ana"), "help");
  }

  private boolean firstTime(Inbound event, Instant at) {
    return store.transact(tx -> InboundKeys.firstTime(tx, event, at));
  }

  @Test
  void aKeyIsNewOnceAndTicksAreAlwaysNew() {
    assertThat(firstTime(command("k1"), t0)).isTrue();
    assertThat(firstTime(command("k1"), t0.plusSeconds(5))).isFalse();
    assertThat(firstTime(command("k2"), t0)).isTrue();
    assertThat(firstTime(new Inbound.Tick(t0), t0)).isTrue();
    assertThat(firstTime(new Inbound.Tick(t0), t0)).isTrue();
  }

  @Test
  void aKeyRolledBackWithItsEventIsNotRemembered() {
    try {
      store.transact(
          tx -> {
            InboundKeys.firstTime(tx, command("k1"), t0);
            throw new IllegalStateException("the feature failed");
          });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    assertThat(firstTime(command("k1"), t0)).isTrue();
  }

  @Test
  void keysAreForgottenAfterTheRetention() {
    firstTime(command("old"), t0);
    firstTime(command("recent"), t0.plus(Duration.ofDays(6)));
    store.transact(
        tx -> {
          InboundKeys.prune(tx, t0.plus(InboundKeys.RETENTION).plusSeconds(1));
          return null;
        });
    Instant later = t0.plus(Duration.ofDays(8));
    assertThat(firstTime(command("old"), later)).isTrue();
    assertThat(firstTime(command("recent"), later)).isFalse();
  }
}
