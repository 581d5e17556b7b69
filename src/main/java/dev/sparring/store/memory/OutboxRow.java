package dev.sparring.store.memory;

import dev.sparring.chat.Outbound;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.OutboxRules;
import dev.sparring.store.OutboxRules.Change;
import dev.sparring.store.OutboxRules.Status;
import java.time.Instant;

/** One outbox entry as the memory store keeps it; changed only by {@link OutboxRules}. */
record OutboxRow(
    long id,
    String channelKey,
    Outbound message,
    Instant createdAt,
    Status status,
    int attempts,
    Instant nextAttemptAt,
    String leaseOwner,
    Instant leaseUntil,
    String lastError,
    Instant deliveredAt,
    String platformId) {

  /** A new entry, due at once. */
  static OutboxRow queued(long id, Outbound message, Instant now) {
    return new OutboxRow(
        id,
        message.channel().key(),
        message,
        now,
        Status.PENDING,
        0,
        now,
        null,
        null,
        null,
        null,
        null);
  }

  /** The entry as the SPI shows it (without correlation and route). */
  OutboxEntry entry() {
    return new OutboxEntry(id, message, attempts, createdAt, lastError, deliveredAt, platformId);
  }

  /** Whether an earlier attempt may have reached the platform. */
  boolean resumed() {
    return OutboxRules.resumed(attempts, leaseUntil);
  }

  /** Leased to {@code owner} until {@code until}. */
  OutboxRow leased(String owner, Instant until) {
    return new OutboxRow(
        id,
        channelKey,
        message,
        createdAt,
        status,
        attempts,
        nextAttemptAt,
        owner,
        until,
        lastError,
        deliveredAt,
        platformId);
  }

  /** After {@code change}; {@code next} and {@code error} are what the change would set. */
  OutboxRow after(Change change, Instant next, String error) {
    return new OutboxRow(
        id,
        channelKey,
        message,
        createdAt,
        change.status(status),
        change.attempts().after(attempts),
        change.nextAttempt(nextAttemptAt, next),
        null,
        null,
        change.lastError(lastError, error),
        deliveredAt,
        platformId);
  }

  /** After {@link Change#DELIVER}, with when and the platform's id for the message. */
  OutboxRow delivered(Instant at, String pid) {
    OutboxRow r = after(Change.DELIVER, null, null);
    return new OutboxRow(
        id,
        channelKey,
        message,
        createdAt,
        r.status,
        r.attempts,
        r.nextAttemptAt,
        null,
        null,
        r.lastError,
        at,
        pid);
  }
}
