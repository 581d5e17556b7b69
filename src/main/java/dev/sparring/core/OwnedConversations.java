package dev.sparring.core;

import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.Conversation;
import dev.sparring.store.Conversation.Status;
import java.util.Optional;

/**
 * One person's threaded conversations (interviews, drills) as the features running them handle
 * them: opening one with its thread, finding the one a person has running, checking that a thread
 * reply or button press comes from its owner, and moving one on by compare-and-set.
 */
public final class OwnedConversations {

  private OwnedConversations() {}

  /** The active conversation of {@code kind} the person behind {@code event} has in its team. */
  public static Optional<Conversation> running(Context ctx, Inbound.FromUser event, String kind) {
    return ctx.tx().conversations().active(event.team().key(), event.actor().user().key(), kind);
  }

  /**
   * Stores a new conversation {@code id} of {@code kind} about {@code questionId} for the person
   * who ran {@code in}, at its first step, and links the thread it anchors in their channel.
   */
  public static Conversation open(
      Context ctx, String id, String kind, Inbound.CommandInvoked in, String questionId) {
    Conversation c =
        new Conversation(
            id,
            kind,
            in.team(),
            in.channel(),
            in.actor().user(),
            questionId,
            0,
            Status.ACTIVE,
            1,
            ctx.now(),
            ctx.now());
    ctx.tx().conversations().insert(c);
    ctx.tx().threads().open(id, in.channel().key(), kind, ctx.now());
    return c;
  }

  /**
   * {@code c} moved to {@code step} and {@code status}, stored by compare-and-set; throws {@link
   * ConcurrentUpdateException} (the pipeline runs the event again) when another writer moved it
   * first, so each step is taken exactly once.
   */
  public static Conversation move(Context ctx, Conversation c, int step, Status status) {
    Conversation moved = c.advance(step, status, ctx.now());
    if (!ctx.tx().conversations().compareAndSet(moved, c.version())) {
      throw new ConcurrentUpdateException(c.kind() + " " + c.id() + " moved on");
    }
    return moved;
  }

  /**
   * The conversation {@code id} a thread reply is about, when the bot may act on it where the reply
   * came from and the writer owns it; otherwise empty, quietly: others may discuss in the thread.
   */
  public static Optional<Conversation> replyFromOwner(
      Context ctx, Inbound.MessagePosted reply, String id) {
    Optional<Conversation> found = ctx.tx().conversations().get(id);
    if (found.isEmpty()) {
      return found;
    }
    Conversation c = found.get();
    if (!ctx.owns(reply, c.team().key(), c.channel().key())) {
      return Optional.empty();
    }
    return c.owner().equals(reply.actor().user()) ? found : Optional.empty();
  }

  /**
   * Whether the press of a button on {@code c} may act on it: it comes from where {@code c} lives
   * (else refused as {@link Context#owns} says) and from its owner (else the presser is told {@code
   * notOwner}).
   */
  public static boolean pressedByOwner(
      Context ctx, Inbound.ButtonPressed press, Conversation c, String notOwner) {
    if (!ctx.owns(press, c.team().key(), c.channel().key())) {
      return false;
    }
    if (!c.owner().equals(press.actor().user())) {
      ctx.out().tell(press, notOwner);
      return false;
    }
    return true;
  }
}
