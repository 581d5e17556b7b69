package dev.sparring.core;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Form;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Binds every form the bot opens to the team, channel and person it was opened for. What travels
 * through the platform (Slack's private metadata, Discord's modal id) is only an opaque ticket; on
 * submission the ticket is looked up in the store, so a submission whose payload names another
 * team's channel, or comes from someone else, changes nothing.
 */
final class FormTickets {

  static final String KIND = "form.ticket";

  /** How long a form may stay open before its ticket lapses. */
  static final Duration LIFETIME = Duration.ofHours(24);

  private FormTickets() {}

  record Ticket(String modal, String channel, String user, String value) {}

  /** {@code form} as sent to the platform: its value replaced by a new ticket. */
  static Form issue(Tx tx, Inbound.FromUser event, Form form, Instant now) {
    String id = "ft-" + UUID.randomUUID();
    Ticket t =
        new Ticket(form.id(), event.channel().key(), event.actor().user().key(), form.value());
    tx.documents()
        .insert(Document.create(KIND, id, event.team().key(), Json.write(t), now.plus(LIFETIME)));
    return new Form(form.id(), form.title(), form.submit(), id, form.inputs());
  }

  /**
   * The submission as the form was issued (channel and value from the ticket), or empty when the
   * ticket is unknown, used, lapsed or belongs to another team, channel, person or form.
   */
  static Optional<Inbound.ModalSubmitted> redeem(Context ctx, Inbound.ModalSubmitted s) {
    Optional<Document> doc = ctx.tx().documents().get(KIND, s.value());
    if (doc.isEmpty() || !doc.get().dueAt().isAfter(ctx.now())) {
      ctx.out()
          .tell(
              s, "This form has expired or was already sent. Run the command again for a new one.");
      return Optional.empty();
    }
    Ticket t = Json.read(doc.get().body(), Ticket.class);
    if (!ctx.owns(s, doc.get().team(), t.channel())) {
      return Optional.empty();
    }
    if (!t.user().equals(s.actor().user().key()) || !t.modal().equals(s.modal())) {
      ctx.out().tell(s, "This form was opened for someone else, so nothing was done.");
      return Optional.empty();
    }
    ctx.tx().documents().delete(KIND, s.value());
    return Optional.of(
        new Inbound.ModalSubmitted(
            s.key(),
            s.team(),
            ChannelRef.parse(t.channel()),
            s.actor(),
            s.modal(),
            t.value(),
            s.fields()));
  }

  /** Forgets lapsed tickets (on the scheduler's tick). */
  static void prune(Tx tx, Instant now) {
    for (Document d : tx.documents().due(KIND, now, 500)) {
      tx.documents().delete(KIND, d.id());
    }
  }
}
