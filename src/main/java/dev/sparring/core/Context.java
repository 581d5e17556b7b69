package dev.sparring.core;

import dev.sparring.chat.Actor;
import dev.sparring.chat.TeamRef;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.util.Set;

/**
 * What a feature gets while handling one event: the open transaction, the effects, the time, and
 * the configured admin allowlist (on top of the platform roles the adapter put on the actor).
 */
public record Context(Tx tx, Effects out, Instant now, Set<String> admins) {

  public Context {
    admins = Set.copyOf(admins);
  }

  /**
   * This context with what is said marked as for {@code teamKey} (work the clock starts for a
   * stored record: the outbox then routes its messages to a process that can deliver them).
   */
  public Context forTeam(String teamKey) {
    Effects view = out.forTeam(teamKey);
    return view == out ? this : new Context(tx, view, now, admins);
  }

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Context.class);

  /**
   * Whether {@code event} may act on something owned by {@code teamKey} and {@code channelKey}
   * (read from the store, never from the payload): a button, form or reply from another team or
   * channel is refused, logged, and the person told that nothing was done (a thread reply is
   * ignored quietly). {@code channelKey} may be null when only the team matters.
   */
  public boolean owns(Inbound.FromUser event, String teamKey, String channelKey) {
    boolean sameTeam = event.team().key().equals(teamKey);
    boolean sameChannel = channelKey == null || event.channel().key().equals(channelKey);
    if (sameTeam && sameChannel) {
      return true;
    }
    log.warn(
        "refused {} {}: it targets team {} channel {} but came from team {} channel {}",
        event.getClass().getSimpleName(),
        event.key(),
        teamKey,
        channelKey,
        event.team().key(),
        event.channel().key());
    if (!(event instanceof Inbound.MessagePosted)) {
      out.tell(
          event,
          "That belongs to another "
              + (sameTeam ? "channel" : "workspace")
              + ", so nothing was done.");
    }
    return false;
  }

  /**
   * Stops every active conversation of {@code kind} in {@code team} (the team removed the bot):
   * quietly, keeping the answers given so far.
   */
  public void stopConversations(TeamRef team, String kind) {
    for (java.util.List<dev.sparring.store.Conversation> open;
        !(open = tx.conversations().activeIn(team.key(), kind, 500)).isEmpty(); ) {
      for (dev.sparring.store.Conversation c : open) {
        if (!tx.conversations()
            .compareAndSet(
                c.advance(c.step(), dev.sparring.store.Conversation.Status.STOPPED, now),
                c.version())) {
          throw new dev.sparring.store.ConcurrentUpdateException(kind + " " + c.id() + " moved on");
        }
      }
    }
  }

  /** Platform admins and owners (as the adapter saw them) and anyone on the allowlist. */
  public boolean isAdmin(Actor actor) {
    return actor.admin() || admins.contains(actor.user().key());
  }
}
