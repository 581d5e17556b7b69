package dev.sparring.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sparring.chat.Lazy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Per-user limits on commands, button presses and forms: at most {@code perMinute} in any
 * one-minute window (a fixed window per user, kept in Caffeine and forgotten when idle). In one
 * process; each replica counts its own share.
 */
public final class RateLimiter {

  /** A user idle this long is forgotten (their window has long ended by then). */
  static final Duration IDLE = Duration.ofMinutes(2);

  private final int perMinute;
  private final Clock clock;
  private final Lazy<Cache<String, long[]>> windows;

  public RateLimiter(int perMinute, Clock clock) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("limits.actionsPerMinute must be at least 1");
    }
    this.perMinute = perMinute;
    this.clock = clock;
    // Made at the first action, not at start-up: see Lazy.
    this.windows =
        Lazy.of(
            () ->
                Caffeine.newBuilder()
                    .maximumSize(200_000)
                    .expireAfterAccess(IDLE)
                    .ticker(Tickers.of(clock))
                    .build());
  }

  public int perMinute() {
    return perMinute;
  }

  /** Counts one action of {@code userKey}; returns how long to wait if it is over the limit. */
  public Duration acquire(String userKey) {
    long now = clock.millis();
    long[] w = windows.get().get(userKey, k -> new long[] {now, 0});
    synchronized (w) {
      if (now - w[0] >= 60_000) {
        w[0] = now;
        w[1] = 0;
      }
      if (w[1] >= perMinute) {
        return Duration.ofMillis(60_000 - (now - w[0]));
      }
      w[1]++;
      return Duration.ZERO;
    }
  }

  /** For tests: how many users are remembered. */
  long remembered() {
    windows.get().cleanUp();
    return windows.get().estimatedSize();
  }

  Instant now() {
    return clock.instant();
  }
}
