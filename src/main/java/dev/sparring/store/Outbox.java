package dev.sparring.store;

import dev.sparring.core.Outbound;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The transactional outbox. Messages are delivered in order per channel: only the oldest
 * undelivered entry of a channel can be claimed, and a claim is a lease, so a replica that dies
 * mid-delivery gives the entry back when the lease runs out.
 */
public interface Outbox {

  /** Queues a message for delivery; returns its id. */
  default long enqueue(Outbound message, Instant now) {
    return enqueue(message, now, null);
  }

  /** Queues a message; {@code correlation} ties its delivery to the event that caused it. */
  long enqueue(Outbound message, Instant now, String correlation);

  /**
   * Leases up to {@code limit} deliverable entries to {@code owner} until {@code now + lease}: the
   * head of each channel's queue, if it is due and not leased by anyone else.
   */
  List<OutboxEntry> claim(String owner, Instant now, Duration lease, int limit);

  /**
   * Ends, as of {@code now}, every lease {@code owner} still holds: a process that restarts under
   * the same owner takes back the claims its previous run died holding, instead of waiting them
   * out. The entries count as resumed (their sender may have reached the platform). Leases of other
   * owners are untouched. Returns how many were taken back.
   */
  int takeBack(String owner, Instant now);

  /** Marks an entry delivered, with the platform's id for the message. */
  void delivered(long id, String platformId, Instant now);

  /** Gives an entry back for another try at {@code nextAttempt}, counting the attempt. */
  void retry(long id, Instant nextAttempt, String error);

  /** Gives an entry back until {@code nextAttempt} without counting an attempt (pacing). */
  void postpone(long id, Instant nextAttempt);

  /** Gives up on an entry: it stays visible as a dead letter. */
  void dead(long id, String error, Instant now);

  /** Entries not yet delivered nor dead. */
  long pending();

  /** When the oldest undelivered entry was queued, if any (for the outbox-age metric). */
  java.util.Optional<Instant> oldestPending();

  /** How many dead letters there are. */
  long deadCount();

  /**
   * Gives a dead letter another chance from {@code now}, with its attempts reset; returns false if
   * {@code id} is not a dead letter.
   */
  boolean requeue(long id, Instant now);

  /** Deletes a dead letter for good; returns false if {@code id} is not one. */
  boolean drop(long id);

  /** The oldest dead letters first. */
  List<OutboxEntry> deadLetters(int limit);
}
