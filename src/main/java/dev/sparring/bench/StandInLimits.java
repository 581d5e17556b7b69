package dev.sparring.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack-like limits on {@code chat.postMessage} for a bench's {@link SlackApiStandIn}: one message
 * per second per channel and a global rate, both as token buckets (a second's burst); a refused
 * post waits a whole number of seconds (Retry-After), as on Slack. No limits at a rate ≤ 0.
 */
final class StandInLimits {

  private final double globalPerSecond;
  private final Bucket global;
  private final Map<String, Bucket> channels = new HashMap<>();
  private final AtomicLong refused = new AtomicLong();

  StandInLimits(double globalPerSecond) {
    this.globalPerSecond = globalPerSecond;
    this.global = new Bucket(Math.max(1, globalPerSecond));
  }

  double globalPerSecond() {
    return globalPerSecond;
  }

  /** Posts refused so far. */
  long refused() {
    return refused.get();
  }

  /** 0 to post now, else the whole seconds to wait (Retry-After); a refusal is counted. */
  synchronized long admit(String channel) {
    if (globalPerSecond <= 0) {
      return 0;
    }
    long now = System.nanoTime();
    Bucket c = channels.computeIfAbsent(channel, k -> new Bucket(1));
    long wait = Math.max(c.waitNanos(now), global.waitNanos(now));
    if (wait > 0) {
      refused.incrementAndGet();
      return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }
    c.take();
    global.take();
    return 0;
  }

  /** A token bucket holding a second's worth, refilled continuously. */
  private static final class Bucket {
    private final double rate;
    private double tokens;
    private long at = System.nanoTime();

    Bucket(double rate) {
      this.rate = rate;
      this.tokens = rate;
    }

    /** Nanoseconds until a token is free; 0 when one is (then it is not yet taken). */
    long waitNanos(long now) {
      tokens = Math.min(rate, tokens + (now - at) / 1e9 * rate);
      at = now;
      // 1% of a token of slack for clocks that disagree, as Slack tolerates short bursts.
      return tokens >= 0.99 ? 0 : (long) ((1 - tokens) / rate * 1e9);
    }

    void take() {
      tokens -= 1;
    }
  }
}
