package dev.sparring.chat;

import java.util.Objects;

/**
 * Everything the bot says. {@link Post}, {@link ReplyInThread}, {@link Update} and {@link Direct}
 * go through the transactional outbox, committed with the state change that caused them; an {@link
 * Ephemeral} answers the invoking user directly (Slack ephemeral, Discord ephemeral interaction
 * reply, the console's "only you" block) and is never stored.
 *
 * <p>Threads are named by an <em>anchor</em>: an id the core chooses when it posts the thread's
 * parent. The outbox links the anchor to the platform's message id once the parent is delivered, so
 * replies can be written before the platform has even seen the parent.
 */
public sealed interface Outbound {

  ChannelRef channel();

  Message message();

  /** A new top-level message; with a non-null {@code anchor} it opens a thread. */
  record Post(ChannelRef channel, Message message, String anchor) implements Outbound {
    public Post {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(message, "message");
    }
  }

  /** A reply in the thread opened by the post with this anchor. */
  record ReplyInThread(ChannelRef channel, String anchor, Message message) implements Outbound {
    public ReplyInThread {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(anchor, "anchor");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Replaces the content of the anchored parent message (for example to remove its buttons). */
  record Update(ChannelRef channel, String anchor, Message message) implements Outbound {
    public Update {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(anchor, "anchor");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Visible only to {@code user}, as the answer to what they just did. {@code kind} says what the
   * answer means, so an adapter that shows some answers its own way (Discord reacts to an accepted
   * answer) never reads the words.
   */
  record Ephemeral(ChannelRef channel, UserRef user, Message message, Kind kind)
      implements Outbound {
    public Ephemeral {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(message, "message");
      kind = kind == null ? Kind.REPLY : kind;
    }

    /** A plain reply. */
    public Ephemeral(ChannelRef channel, UserRef user, Message message) {
      this(channel, user, message, Kind.REPLY);
    }

    /** What a private answer means beyond its words. */
    public enum Kind {
      /** Anything said in answer. */
      REPLY,
      /** The person's answer to an open question was accepted (stored, or replaced theirs). */
      ANSWER_ACCEPTED
    }
  }

  /**
   * A private message to one person of {@code team}, outside any channel (a reminder): the gateway
   * opens the platform's direct conversation with {@code user} (Slack {@code conversations.open},
   * Discord's DM channel) and posts there. It opens no thread.
   *
   * <p>{@link #channel()} is the person's <em>address</em> ({@link #addressOf}), not a platform
   * channel: the outbox keeps one person's direct messages in order by it, and routes by its
   * platform; nothing is ever posted to it as a channel.
   */
  record Direct(TeamRef team, UserRef user, Message message) implements Outbound {
    /** The id prefix that marks an address: no platform's channel ids start with it. */
    public static final String ADDRESS_PREFIX = "@";

    public Direct {
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(message, "message");
      if (team.platform() != user.platform()) {
        throw new IllegalArgumentException("a direct message stays on its team's platform");
      }
    }

    @Override
    public ChannelRef channel() {
      return addressOf(user);
    }

    /** The address of {@code user}'s direct messages ({@code slack:@U123}). */
    public static ChannelRef addressOf(UserRef user) {
      return new ChannelRef(user.platform(), ADDRESS_PREFIX + user.id());
    }

    /** Whether {@code channel} is a person's address rather than a platform channel. */
    public static boolean isAddress(ChannelRef channel) {
      return channel.id().startsWith(ADDRESS_PREFIX);
    }
  }
}
