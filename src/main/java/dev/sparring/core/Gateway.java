package dev.sparring.core;

import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends outbox messages to one platform. {@code outboxId} is unique per message and stable across
 * retries (Discord uses it as the nonce that makes a re-send harmless); {@code parentId} is the
 * platform id of the thread's parent message for replies and updates, resolved from the anchor by
 * the dispatcher.
 */
public interface Gateway {

  Platform platform();

  /**
   * How this platform's teams are split over processes, when this gateway holds only some of them
   * (Discord shards in several processes); empty when it can deliver to every team.
   */
  default java.util.Optional<Partitioner> partitioner() {
    return java.util.Optional.empty();
  }

  Delivery deliver(long outboxId, Outbound message, String parentId);

  /**
   * {@code resumed}: an earlier attempt may have reached the platform (a timeout, or a replica that
   * died mid-send). A gateway that can find its own messages looks before sending again, so a
   * message is posted once; others simply send.
   */
  default Delivery deliver(long outboxId, Outbound message, String parentId, boolean resumed) {
    return deliver(outboxId, message, parentId);
  }

  /** What happened to one delivery attempt. */
  sealed interface Delivery {
    /** Delivered; {@code platformId} names the message on the platform. */
    record Sent(String platformId) implements Delivery {
      public Sent {
        Objects.requireNonNull(platformId, "platformId");
      }
    }

    /** Try again later: rate limited (with the platform's Retry-After) or a passing fault. */
    record RetryLater(Duration after, String reason) implements Delivery {}

    /**
     * Not yet, by the gateway's own pacing (about one message per second per channel): try again
     * after {@code after} without counting an attempt. {@code everyone}: the platform asked for a
     * pause of every send (a 429), so the dispatcher holds the whole platform until then.
     */
    record Throttled(Duration after, boolean everyone) implements Delivery {
      /** Only this message's channel must wait. */
      public Throttled(Duration after) {
        this(after, false);
      }
    }

    /** Will never succeed (channel gone, bot removed): dead-letter it now. */
    record Failed(String reason) implements Delivery {}

    /**
     * A {@link Outbound.Direct} whose person the bot cannot write to (they closed their direct
     * messages, left, or are a bot): never succeeds, so it is dead-lettered, and the features hear
     * of it ({@link Feature#unreachable}) so they stop writing to that person. Nothing is posted
     * about it anywhere: there is no channel to post in.
     */
    record Unreachable(String reason) implements Delivery {}

    /**
     * A reply's thread no longer exists (someone deleted it). Nothing more can go into it: the
     * dispatcher ends the conversation anchored on it and says so once in the parent channel,
     * instead of posting the thread's messages anywhere else.
     */
    record ThreadGone(String reason) implements Delivery {}
  }
}
