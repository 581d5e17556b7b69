package dev.sparring.store;

import dev.sparring.core.Outbound;
import java.time.Instant;
import java.util.Objects;

/**
 * A message waiting in (or done with) the outbox. {@code correlation}: the id of the inbound event
 * that queued it, for logs (null when none). {@code resumed}: an earlier attempt may have reached
 * the platform (it failed, timed out, or its sender died holding the lease), so a gateway that can
 * should look for the message before sending it again.
 */
public record OutboxEntry(
    long id,
    Outbound message,
    int attempts,
    Instant createdAt,
    String lastError,
    Instant deliveredAt,
    String platformId,
    String correlation,
    boolean resumed) {
  public OutboxEntry {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** An entry queued outside any inbound event (no correlation id). */
  public OutboxEntry(
      long id,
      Outbound message,
      int attempts,
      Instant createdAt,
      String lastError,
      Instant deliveredAt,
      String platformId) {
    this(id, message, attempts, createdAt, lastError, deliveredAt, platformId, null, false);
  }
}
