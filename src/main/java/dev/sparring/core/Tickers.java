package dev.sparring.core;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Caffeine tickers read from an injected {@link Clock}, so that a cache expires and refreshes on
 * the same time as the rest of the component (and a test moves it by moving its clock).
 */
public final class Tickers {

  private Tickers() {}

  /**
   * Nanoseconds taken from {@code clock.millis()}: millisecond steps, which is plenty for expiry
   * and refresh. A wall clock stepped back only delays expiry by as much.
   */
  public static Ticker of(Clock clock) {
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }
}
