package dev.sparring.core;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Form;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one inbound event makes the bot say, collected while it is handled. The durable part goes to
 * the outbox in the same transaction; ephemerals go back to the caller.
 *
 * <p>Each durable message remembers the team it is for: the team of the person's event, or, for
 * work the clock starts (daily posts, competitions, expiry), the team of the stored record, set
 * through {@link #forTeam}. The outbox routes a message by its team to a process that holds that
 * team's connection (Discord shards in several processes).
 */
public final class Effects {

  /** A durable message and the team it is for (null when not known). */
  public record Queued(Outbound message, TeamRef team) {}

  private final List<Queued> durable;
  private final List<Outbound.Ephemeral> ephemeral;
  private final List<Runnable> afterCommit;
  private final List<Form> forms;
  private final TeamRef team;
  // Shared by every team view of these effects, like the lists.
  private final AtomicBoolean again;

  /** Effects for work of no one team (the clock's ticks). */
  public Effects() {
    this(null);
  }

  /** Effects of an event from {@code team}. */
  public Effects(TeamRef team) {
    this(
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        team,
        new AtomicBoolean());
  }

  private Effects(
      List<Queued> durable,
      List<Outbound.Ephemeral> ephemeral,
      List<Runnable> afterCommit,
      List<Form> forms,
      TeamRef team,
      AtomicBoolean again) {
    this.durable = durable;
    this.ephemeral = ephemeral;
    this.afterCommit = afterCommit;
    this.forms = forms;
    this.team = team;
    this.again = again;
  }

  /**
   * The same effects, with what is said through the view marked as for {@code team}: a tick that
   * posts for a stored schedule says whose it is. {@code team} is a team key; null or blank keeps
   * this view's team.
   */
  public Effects forTeam(String team) {
    if (team == null || team.isBlank()) {
      return this;
    }
    TeamRef ref;
    try {
      ref = TeamRef.parse(team);
    } catch (IllegalArgumentException e) {
      return this; // a stored key from before refs were checked: any process may deliver
    }
    return new Effects(durable, ephemeral, afterCommit, forms, ref, again);
  }

  /** The team messages said through this view are for (null when not known). */
  public TeamRef team() {
    return team;
  }

  public void post(ChannelRef channel, Message message, String anchor) {
    durable.add(new Queued(new Outbound.Post(channel, message, anchor), team));
  }

  public void reply(ChannelRef channel, String anchor, Message message) {
    durable.add(new Queued(new Outbound.ReplyInThread(channel, anchor, message), team));
  }

  public void update(ChannelRef channel, String anchor, Message message) {
    durable.add(new Queued(new Outbound.Update(channel, anchor, message), team));
  }

  /**
   * A private message to {@code user} of {@code team}, delivered through the outbox like a post
   * (the platform's direct messages; see {@link Outbound.Direct}).
   */
  public void direct(TeamRef team, UserRef user, Message message) {
    durable.add(new Queued(new Outbound.Direct(team, user, message), team));
  }

  /** A short private answer to whoever did {@code event}. */
  public void tell(Inbound.FromUser event, String text) {
    ephemeral(event.channel(), event.actor().user(), Message.text(text));
  }

  public void ephemeral(ChannelRef channel, UserRef user, Message message) {
    ephemeral.add(new Outbound.Ephemeral(channel, user, message));
  }

  /**
   * Tells {@code user} their answer was accepted: an ephemeral of kind {@link
   * Outbound.Ephemeral.Kind#ANSWER_ACCEPTED}, which adapters may show their own way.
   */
  public void answerAccepted(ChannelRef channel, UserRef user, Message message) {
    ephemeral.add(
        new Outbound.Ephemeral(channel, user, message, Outbound.Ephemeral.Kind.ANSWER_ACCEPTED));
  }

  /** Asks the acting user to fill in a form (opened by the adapter right away). */
  public void form(Form form) {
    forms.add(form);
  }

  public List<Form> forms() {
    return List.copyOf(forms);
  }

  /**
   * Asks for another tick at once: a feature had more time-driven work due than one tick takes on
   * (it works in bounded batches), so the scheduler need not wait a whole interval for the rest.
   */
  public void again() {
    again.set(true);
  }

  /** Whether some feature asked for another tick at once. */
  public boolean wantsAgain() {
    return again.get();
  }

  /** Runs {@code action} once the transaction has committed (never if it rolls back). */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  public List<Runnable> afterCommitActions() {
    return List.copyOf(afterCommit);
  }

  public List<Outbound> durable() {
    return durable.stream().map(Queued::message).toList();
  }

  /** The durable messages with the team each is for. */
  public List<Queued> queued() {
    return List.copyOf(durable);
  }

  public List<Outbound.Ephemeral> ephemerals() {
    return List.copyOf(ephemeral);
  }
}
