package dev.sparring.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What one inbound event makes the bot say, collected while it is handled. The durable part goes to
 * the outbox in the same transaction; ephemerals go back to the caller.
 */
public final class Effects {
  private final List<Outbound> durable = new ArrayList<>();
  private final List<Outbound.Ephemeral> ephemeral = new ArrayList<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<Form> forms = new ArrayList<>();

  public void post(ChannelRef channel, Message message, String anchor) {
    durable.add(new Outbound.Post(channel, message, anchor));
  }

  public void reply(ChannelRef channel, String anchor, Message message) {
    durable.add(new Outbound.ReplyInThread(channel, anchor, message));
  }

  public void update(ChannelRef channel, String anchor, Message message) {
    durable.add(new Outbound.Update(channel, anchor, message));
  }

  /** A short private answer to whoever did {@code event}. */
  public void tell(Inbound.FromUser event, String text) {
    ephemeral(event.channel(), event.actor().user(), Message.text(text));
  }

  public void ephemeral(ChannelRef channel, UserRef user, Message message) {
    ephemeral.add(new Outbound.Ephemeral(channel, user, message));
  }

  /** Asks the acting user to fill in a form (opened by the adapter right away). */
  public void form(Form form) {
    forms.add(form);
  }

  public List<Form> forms() {
    return List.copyOf(forms);
  }

  /** Runs {@code action} once the transaction has committed (never if it rolls back). */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  public List<Runnable> afterCommitActions() {
    return List.copyOf(afterCommit);
  }

  public List<Outbound> durable() {
    return List.copyOf(durable);
  }

  public List<Outbound.Ephemeral> ephemerals() {
    return List.copyOf(ephemeral);
  }
}
