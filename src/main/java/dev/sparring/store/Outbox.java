package dev.sparring.store;

import dev.sparring.chat.Outbound;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The transactional outbox. Messages are delivered in order per channel: only the oldest
 * undelivered entry of a channel can be claimed, and a claim is a lease, so a replica that dies
 * mid-delivery gives the entry back when the lease runs out.
 *
 * <p>An entry may carry a <em>partition</em>: the part of a platform's connections that can deliver
 * it (a Discord shard, when shards run in several processes). A process claims only entries of the
 * partitions it serves, and entries with none; an entry of a partition nobody serves waits.
 */
public interface Outbox {

  /** Queues a message for delivery; returns its id. */
  default long enqueue(Outbound message, Instant now) {
    return enqueue(message, now, null);
  }

  /** Queues a message; {@code correlation} ties its delivery to the event that caused it. */
  default long enqueue(Outbound message, Instant now, String correlation) {
    return enqueue(message, now, correlation, null, null);
  }

  /**
   * Queues a message for {@code team} (a team key, or null when not known) that only a process
   * serving {@code partition} may claim (null: any process may).
   */
  long enqueue(Outbound message, Instant now, String correlation, String team, String partition);

  /**
   * Leases up to {@code limit} deliverable entries to {@code owner} until {@code now + lease}: the
   * head of each channel's queue, if it is due and not leased by anyone else.
   */
  default List<OutboxEntry> claim(String owner, Instant now, Duration lease, int limit) {
    return claim(owner, now, lease, limit, Set.of());
  }

  /**
   * As {@link #claim(String, Instant, Duration, int)}, among the entries with no partition or one
   * of {@code partitions}. The head of a channel's queue that belongs to another partition holds
   * that channel back (its order is kept), but nothing else.
   */
  List<OutboxEntry> claim(
      String owner, Instant now, Duration lease, int limit, Set<String> partitions);

  /**
   * Hands a claimed entry to {@code partition} (the claimer found it cannot deliver it): ends the
   * lease, due at once, without counting an attempt.
   */
  void reroute(long id, String partition);

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
