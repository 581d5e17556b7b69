package dev.sparring.outbox;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.store.Conversation;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * What happens when a platform says a thread the bot posts in was deleted: its pending messages are
 * kept as dead letters (never posted elsewhere: a follow-up in the parent channel would show an
 * interview's questions to everyone), the conversation anchored on it ends, and the parent channel
 * gets one notice per thread, however many messages were waiting for it.
 */
final class LostThreads {

  /** Remembers which threads were noticed as gone, so the notice is posted once. */
  static final String SCOPE = "thread.gone";

  static final String NOTICE_TITLE = "A thread was deleted";

  private LostThreads() {}

  /** Records the loss of {@code entry}'s thread {@code anchor} inside {@code tx}. */
  static void record(Tx tx, OutboxEntry entry, String anchor, String reason, Instant now) {
    tx.outbox().dead(entry.id(), "thread gone: " + reason, now);
    if (tx.kv().get(SCOPE, anchor).isPresent()) {
      return;
    }
    tx.kv().put(SCOPE, anchor, now.toString());
    boolean ended = end(tx, anchor, now);
    String kind = tx.threads().get(anchor).map(ThreadLink::kind).orElse("");
    // The notice goes where the lost message would have: same team, same partition.
    tx.outbox()
        .enqueue(
            notice(entry.message().channel(), kind, ended),
            now,
            entry.correlation(),
            entry.team(),
            entry.partition());
  }

  /** Ends the active conversation anchored on the thread, if any; true if one ended. */
  private static boolean end(Tx tx, String anchor, Instant now) {
    Optional<Conversation> c = tx.conversations().get(anchor);
    if (c.isEmpty() || !c.get().active()) {
      return false;
    }
    Conversation stopped = c.get().advance(c.get().step(), Conversation.Status.STOPPED, now);
    return tx.conversations().compareAndSet(stopped, c.get().version());
  }

  static Outbound notice(ChannelRef channel, String kind, boolean ended) {
    String what =
        switch (kind) {
          case "interview" -> "an interview";
          case "daily" -> "a daily question";
          case "drill" -> "a drill";
          case "compete" -> "a competition";
          default -> "a Sparring post";
        };
    String body =
        "The thread of "
            + what
            + " was deleted, so what the bot had still to say there was not posted"
            + (!ended
                ? "."
                : kind.equals("interview")
                    ? " and the interview has ended. Start a new one with `/spar interview`."
                    : " and it has ended.")
            + " Admins: `/spar deadletters` lists those messages.";
    return new Outbound.Post(channel, Message.of(NOTICE_TITLE, body), null);
  }
}
