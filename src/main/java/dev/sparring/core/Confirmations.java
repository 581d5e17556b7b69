package dev.sparring.core;

import dev.sparring.chat.Ids;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.store.Document;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirm/Cancel for commands that are hard to undo ({@code daily off}, {@code compete end}, {@code
 * season reset}). The command only asks: it stores a pending confirmation, bound to the team and
 * channel it was asked in and to the exact thing it would change, and answers with two buttons. The
 * press takes the pending confirmation out of the store, so a repeated or stale press does nothing
 * a second time; the feature then acts on what was stored, never on the button's text.
 */
public final class Confirmations {

  private static final Logger log = LoggerFactory.getLogger(Confirmations.class);
  static final String KIND = "confirm";

  /** How long a question stays answerable: long enough to read it, short enough to be current. */
  public static final Duration TTL = Duration.ofMinutes(10);

  private static final String YES = "yes:";
  private static final String NO = "no:";

  private Confirmations() {}

  /**
   * A stored question. {@code action} names what to do ("off"); {@code target} what exactly it
   * applies to (a competition id, a season label), checked again when confirmed.
   */
  public record Pending(
      String team, String channel, String action, String target, String askedBy, Instant expires) {}

  /**
   * Asks whoever sent {@code in} to confirm {@code action} on {@code target}; {@code buttonAction}
   * is the feature's button action (it must start with the feature's button prefix).
   */
  public static void ask(
      Context ctx,
      Inbound.FromUser in,
      String buttonAction,
      String action,
      String target,
      String question) {
    String token = token();
    Pending p =
        new Pending(
            in.team().key(),
            in.channel().key(),
            action,
            target,
            in.actor().user().key(),
            ctx.now().plus(TTL));
    ctx.tx()
        .documents()
        .insert(Document.create(KIND, token, in.team().key(), Json.write(p), p.expires()));
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            Message.of(
                    "Please confirm",
                    question
                        + "\n_Nothing happens until you press Confirm (within "
                        + Texts.duration(TTL)
                        + ")._")
                .withButtons(
                    List.of(
                        new Message.Button(
                            buttonAction, "Confirm", YES + token, Message.Button.Style.DANGER),
                        new Message.Button(
                            buttonAction, "Cancel", NO + token, Message.Button.Style.SECONDARY))));
  }

  /**
   * The confirmed question, once: empty (with a short answer to the presser) when it was cancelled,
   * already used, expired, pressed from another team or channel, or by a non-admin.
   */
  public static Optional<Pending> take(Context ctx, Inbound.ButtonPressed press) {
    String value = press.value();
    boolean yes = value.startsWith(YES);
    if (!yes && !value.startsWith(NO)) {
      ctx.out().tell(press, "That button is not a confirmation.");
      return Optional.empty();
    }
    String token = value.substring(yes ? YES.length() : NO.length());
    Optional<Document> doc = ctx.tx().documents().get(KIND, token);
    if (doc.isEmpty()) {
      ctx.out()
          .tell(
              press,
              "This was already confirmed, cancelled or has expired; nothing more was done. Run"
                  + " the command again if you still want it.");
      return Optional.empty();
    }
    Pending p = Json.read(doc.get().body(), Pending.class);
    if (!p.team().equals(press.team().key()) || !p.channel().equals(press.channel().key())) {
      // Logged, not alarmed: a stale screen or a crafted payload; either way nothing happens.
      log.info(
          "confirmation {} pressed from team {} channel {}, asked in team {} channel {}: refused",
          p.action(),
          press.team().key(),
          press.channel().key(),
          p.team(),
          p.channel());
      ctx.out().tell(press, "This confirmation belongs to another channel; nothing was done.");
      return Optional.empty();
    }
    if (!ctx.isAdmin(press.actor())) {
      ctx.out().tell(press, "Only admins can confirm this; nothing was done.");
      return Optional.empty();
    }
    ctx.tx().documents().delete(KIND, token);
    if (!ctx.now().isBefore(p.expires())) {
      ctx.out()
          .tell(
              press,
              "This confirmation expired; nothing was done. Run the command again if you still"
                  + " want it.");
      return Optional.empty();
    }
    if (!yes) {
      ctx.out().tell(press, "Cancelled; nothing was changed.");
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** Forgets questions nobody answered (called on the clock's ticks). */
  static void prune(Context ctx) {
    for (Document d : ctx.tx().documents().due(KIND, ctx.now(), 100)) {
      ctx.tx().documents().delete(KIND, d.id());
    }
  }

  private static String token() {
    return Ids.random("cf-", 16);
  }
}
