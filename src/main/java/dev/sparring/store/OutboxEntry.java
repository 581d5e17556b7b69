package dev.sparring.store;

import dev.sparring.chat.Outbound;
import java.time.Instant;
import java.util.Objects;

/**
 * A message waiting in (or done with) the outbox. {@code correlation}: the id of the inbound event
 * that queued it, for logs (null when none). {@code resumed}: an earlier attempt may have reached
 * the platform (it failed, timed out, or its sender died holding the lease), so a gateway that can
 * should look for the message before sending it again. {@code team}: the key of the team (Slack
 * workspace, Discord guild) the message is for, when the code that queued it knew it. {@code
 * partition}: which of a platform's partitioned connections can deliver it (a Discord shard, {@code
 * discord:1/2}); null means any process can.
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
    boolean resumed,
    String team,
    String partition) {
  public OutboxEntry {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** An entry for any process, of a team not known. */
  public OutboxEntry(
      long id,
      Outbound message,
      int attempts,
      Instant createdAt,
      String lastError,
      Instant deliveredAt,
      String platformId,
      String correlation,
      boolean resumed) {
    this(
        id,
        message,
        attempts,
        createdAt,
        lastError,
        deliveredAt,
        platformId,
        correlation,
        resumed,
        null,
        null);
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
    this(
        id,
        message,
        attempts,
        createdAt,
        lastError,
        deliveredAt,
        platformId,
        null,
        false,
        null,
        null);
  }
}
