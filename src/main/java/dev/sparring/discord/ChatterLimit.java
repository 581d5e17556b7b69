package dev.sparring.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sparring.core.Tickers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How often the bot answers one person's messages in one thread with a text reply (such as "you are
 * not in this competition"): once per {@code window}. Thread messages are not rate limited by
 * Discord or by the bot's per-person action limit, so without this each message of a chatty or
 * hostile member would make the bot post one more. In one process; each replica counts its own.
 */
final class ChatterLimit {

  static final Duration WINDOW = Duration.ofMinutes(5);

  private final Clock clock;
  private final Duration window;
  // Entries only bound memory; the clock decides.
  private final Cache<String, Instant> last;

  ChatterLimit(Clock clock, Duration window) {
    this.clock = clock;
    this.window = window;
    this.last =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(window)
            .ticker(Tickers.of(clock))
            .build();
  }

  /** For tests: how many (person, thread) pairs are remembered. */
  long remembered() {
    last.cleanUp();
    return last.estimatedSize();
  }

  /** Counts a reply to {@code user} in {@code thread}; false if one was sent within the window. */
  boolean allow(String user, String thread) {
    Instant now = clock.instant();
    boolean[] allowed = {false};
    last.asMap()
        .compute(
            user + "|" + thread,
            (k, before) -> {
              if (before == null || !now.isBefore(before.plus(window))) {
                allowed[0] = true;
                return now;
              }
              return before;
            });
    return allowed[0];
  }
}
