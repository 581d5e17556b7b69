package dev.sparring.store;

import java.time.Instant;

/** Idempotency keys of inbound events already applied. */
public interface InboundLog {

  /** Records {@code key}; returns false if it was recorded before (the event is a repeat). */
  boolean record(String key, Instant at);

  /** Forgets keys older than {@code before}; returns how many. */
  int prune(Instant before);
}
