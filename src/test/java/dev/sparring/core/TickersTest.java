package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.sparring.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TickersTest {

  @Test
  void theTickerMovesInNanosecondsWithTheClock() {
    MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    Ticker ticker = Tickers.of(clock);
    long before = ticker.read();
    assertThat(ticker.read()).isEqualTo(before);
    clock.advance(Duration.ofMillis(1_500));
    assertThat(ticker.read() - before).isEqualTo(1_500_000_000L);
  }
}
