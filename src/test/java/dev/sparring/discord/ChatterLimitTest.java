package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatterLimitTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
  private final ChatterLimit limit = new ChatterLimit(clock, ChatterLimit.WINDOW);

  @Test
  void aReplyIsRememberedForTheWindowAndForgottenAfterIt() {
    assertThat(limit.allow("ana", "t1")).isTrue();
    assertThat(limit.allow("bo", "t1")).isTrue();

    clock.advance(ChatterLimit.WINDOW.minusSeconds(1));
    assertThat(limit.remembered()).isEqualTo(2);
    assertThat(limit.allow("ana", "t1")).isFalse();

    clock.advance(Duration.ofSeconds(2));
    // bo is forgotten; ana's refused message rewrote her entry (same reply time, new write), so
    // she is kept, and the reply time it holds, not the cache, decides that she may have one now.
    assertThat(limit.remembered()).isEqualTo(1);
    assertThat(limit.allow("ana", "t1")).isTrue();
    assertThat(limit.allow("bo", "t1")).isTrue();
    assertThat(limit.allow("bo", "t1")).isFalse();

    clock.advance(ChatterLimit.WINDOW.plusSeconds(1));
    assertThat(limit.remembered()).isZero();
  }
}
