package dev.sparring.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * The outbox's rules, written once for every store: the states an entry goes through, what each
 * change does to an entry and in which states it applies, and when an entry may be claimed. The
 * memory store applies them to its rows; the SQL stores render them into their statements.
 *
 * <p>Every change ends the entry's lease. An entry is claimable when it is pending, due and not
 * leased (a lease ending at {@code now} has ended); only the oldest pending entry of a channel is
 * ever claimed, so a channel's messages keep their order.
 */
public final class OutboxRules {

  private OutboxRules() {}

  /** Where an entry is in its life. */
  public enum Status {
    PENDING,
    DELIVERED,
    DEAD;

    /** The name as stored ({@code pending}, {@code delivered}, {@code dead}). */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a change does to the attempt counter. */
  public enum Attempts {
    KEEP,
    COUNT,
    RESET;

    /** The counter after the change. */
    public int after(int attempts) {
      return switch (this) {
        case KEEP -> attempts;
        case COUNT -> attempts + 1;
        case RESET -> 0;
      };
    }
  }

  /** The changes of {@link Outbox}, each with the states it applies in and what it sets. */
  public enum Change {
    /** Sent: done for good, the attempt counted. */
    DELIVER(null, Status.DELIVERED, Attempts.COUNT, false, false),
    /**
     * Another try later, the attempt counted and its error kept. The state is left as it was, so a
     * late retry of an entry another replica has since delivered does not send it again.
     */
    RETRY(null, null, Attempts.COUNT, true, true),
    /** Later, without counting an attempt (pacing); the state is left as it was. */
    POSTPONE(null, null, Attempts.KEEP, true, false),
    /** Given up on, the attempt counted and its error kept: a dead letter. */
    DEAD(null, Status.DEAD, Attempts.COUNT, true, true),
    /** Handed to another partition: only a pending entry, no attempt counted. */
    REROUTE(Status.PENDING, null, Attempts.KEEP, false, false),
    /** A dead letter's second chance, with its attempts reset. */
    REQUEUE(Status.DEAD, Status.PENDING, Attempts.RESET, true, false),
    /** A dead letter deleted for good. */
    DROP(Status.DEAD, null, Attempts.KEEP, false, false);

    private final Status from;
    private final Status to;
    private final Attempts attempts;
    private final boolean setsNextAttempt;
    private final boolean setsError;

    Change(Status from, Status to, Attempts attempts, boolean setsNextAttempt, boolean setsError) {
      this.from = from;
      this.to = to;
      this.attempts = attempts;
      this.setsNextAttempt = setsNextAttempt;
      this.setsError = setsError;
    }

    /** The only state this change applies in, or null when it applies to any entry. */
    public Status from() {
      return from;
    }

    /** The state the change puts the entry in, or null when it leaves the state as it was. */
    public Status to() {
      return to;
    }

    /** Whether the change applies to an entry in {@code status}. */
    public boolean appliesTo(Status status) {
      return from == null || from == status;
    }

    /** The status after the change. */
    public Status status(Status before) {
      return to == null ? before : to;
    }

    /** What the change does to the attempt counter. */
    public Attempts attempts() {
      return attempts;
    }

    /** Whether the change sets when the next attempt is due (otherwise it is left as it was). */
    public boolean setsNextAttempt() {
      return setsNextAttempt;
    }

    /** Whether the change records an error (otherwise the last one is kept). */
    public boolean setsError() {
      return setsError;
    }

    /** The next-attempt time after the change, given the one it would set. */
    public Instant nextAttempt(Instant before, Instant given) {
      return setsNextAttempt ? given : before;
    }

    /** The last error after the change, given the one it would record. */
    public String lastError(String before, String given) {
      return setsError ? given : before;
    }
  }

  /** Whether an entry next due at {@code nextAttempt} may go out at {@code now}. */
  public static boolean due(Instant nextAttempt, Instant now) {
    return !nextAttempt.isAfter(now);
  }

  /**
   * Whether a lease ending at {@code leaseUntil} (null: never leased) still holds at {@code now}.
   */
  public static boolean leased(Instant leaseUntil, Instant now) {
    return leaseUntil != null && leaseUntil.isAfter(now);
  }

  /** Whether a claimer serving {@code partitions} may claim an entry of {@code partition}. */
  public static boolean serves(String partition, Set<String> partitions) {
    return partition == null || partitions.contains(partition);
  }

  /** Whether the head of a channel's queue may be claimed at {@code now} (it is pending). */
  public static boolean claimable(Instant nextAttempt, Instant leaseUntil, Instant now) {
    return due(nextAttempt, now) && !leased(leaseUntil, now);
  }

  /** When a lease taken at {@code now} for {@code lease} ends. */
  public static Instant leaseEnd(Instant now, Duration lease) {
    return now.plus(lease);
  }

  /**
   * Whether an earlier attempt may have reached the platform: one was counted, or a lease was taken
   * (an ended lease keeps its end time until a change clears it, which is how a claim taken back or
   * run out is told from a fresh entry).
   */
  public static boolean resumed(int attempts, Instant leaseUntil) {
    return attempts > 0 || leaseUntil != null;
  }
}
