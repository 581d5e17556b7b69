package dev.sparring.core;

import dev.sparring.store.Tx;
import java.time.Duration;
import java.time.Instant;

/**
 * Dedup by inbound key, inside the event's own transaction: the key is recorded together with what
 * the event changes, so a repeat changes nothing, and an event whose handling failed (rolled back)
 * can be retried because its key was rolled back too.
 */
final class InboundKeys {

  /** How long inbound keys are remembered; platform retries come within minutes. */
  static final Duration RETENTION = Duration.ofDays(7);

  private InboundKeys() {}

  /** Records {@code event}'s key; false when it was seen before. Keyless events (ticks) are new. */
  static boolean firstTime(Tx tx, Inbound event, Instant now) {
    return event.key() == null || tx.inbound().record(event.key(), now);
  }

  /** Forgets keys older than {@link #RETENTION}. */
  static void prune(Tx tx, Instant now) {
    tx.inbound().prune(now.minus(RETENTION));
  }
}
