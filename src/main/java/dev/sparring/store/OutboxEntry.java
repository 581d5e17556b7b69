package dev.sparring.store;

import dev.sparring.core.Outbound;
import java.time.Instant;
import java.util.Objects;

/** A message waiting in (or done with) the outbox. */
public record OutboxEntry(
    long id,
    Outbound message,
    int attempts,
    Instant createdAt,
    String lastError,
    Instant deliveredAt,
    String platformId) {
  public OutboxEntry {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
