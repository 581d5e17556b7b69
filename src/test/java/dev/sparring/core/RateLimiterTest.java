package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
  private final RateLimiter limiter = new RateLimiter(2, clock);

  @Test
  void aUserIsForgottenOnlyAfterBeingIdleForLongerThanTheIdleTime() {
    limiter.acquire("ana");
    limiter.acquire("bo");
    clock.advance(RateLimiter.IDLE.minusSeconds(1));
    assertThat(limiter.acquire("bo")).isZero(); // a new minute: bo's window starts again
    assertThat(limiter.remembered()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(2));
    assertThat(limiter.remembered()).as("ana idle past the idle time, bo not").isEqualTo(1);

    clock.advance(RateLimiter.IDLE);
    assertThat(limiter.remembered()).isZero();
  }

  @Test
  void aForgottenUserStartsWithAFullMinute() {
    limiter.acquire("ana");
    limiter.acquire("ana");
    assertThat(limiter.acquire("ana")).isPositive();
    clock.advance(RateLimiter.IDLE.plusSeconds(1));
    assertThat(limiter.remembered()).isZero();
    assertThat(limiter.acquire("ana")).isZero();
    assertThat(limiter.acquire("ana")).isZero();
    assertThat(limiter.acquire("ana")).isEqualTo(Duration.ofMinutes(1));
  }
}
