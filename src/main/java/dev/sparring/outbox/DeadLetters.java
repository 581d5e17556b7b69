package dev.sparring.outbox;

import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Texts;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.store.OutboxEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /spar deadletters [retry ID | drop ID]} (admins): the messages the outbox gave up on in
 * this channel, with a way to send one again or discard it. When a message is dead-lettered, the
 * dispatcher posts {@link #notice} in its channel so admins learn of it where it happened. Listing
 * is scoped to the channel the command runs in: channel ids are unique per platform, so nobody sees
 * another team's messages. Operators see every dead letter with {@code sparring outbox dead}.
 */
public final class DeadLetters implements Feature {

  /** The title of the notice; a notice that fails itself gets no notice of its own. */
  static final String NOTICE_TITLE = "A message could not be delivered";

  private static final int SCAN = 1_000;
  private static final int SHOWN = 10;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Override
  public Set<String> commands() {
    return Set.of("deadletters");
  }

  @Override
  public List<Help> help() {
    return List.of(
        new Help("deadletters", "messages to this channel the bot gave up delivering", true),
        new Help("deadletters retry ID | drop ID", "send one again, or discard it", true));
  }

  /**
   * The notice posted in the channel of a message that was dead-lettered, or null for none: a
   * private message has no channel to post in (operators see it with {@code sparring outbox dead}).
   */
  static Outbound notice(OutboxEntry entry, String reason) {
    Outbound m = entry.message();
    if (m instanceof Outbound.Ephemeral
        || m instanceof Outbound.Direct
        || NOTICE_TITLE.equals(m.message().title())) {
      return null;
    }
    return new Outbound.Post(
        m.channel(),
        Message.of(
            NOTICE_TITLE,
            "Sparring gave up on a message to this channel ("
                + Inline.data(Texts.clip(reason, 200))
                + "). Admins: `/spar deadletters retry "
                + entry.id()
                + "` sends it again, `/spar deadletters drop "
                + entry.id()
                + "` discards it."),
        null);
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    if (!ctx.isAdmin(in.actor())) {
      ctx.out()
          .tell(
              in,
              "Only admins can see and settle undelivered messages (/spar deadletters). Ask a"
                  + " workspace admin, or anyone on the bot's admin list.");
      return;
    }
    List<String> args = command.args();
    if (args.isEmpty()) {
      list(ctx, in);
      return;
    }
    String verb = args.get(0).toLowerCase(Locale.ROOT);
    if (!(verb.equals("retry") || verb.equals("drop")) || args.size() != 2) {
      ctx.out().tell(in, "Usage: `/spar deadletters`, `/spar deadletters retry ID` or `drop ID`.");
      return;
    }
    long id;
    try {
      id = Long.parseLong(args.get(1).replace("#", ""));
    } catch (NumberFormatException e) {
      ctx.out().tell(in, Inline.code(args.get(1), 20) + " is not a message number.");
      return;
    }
    Optional<OutboxEntry> entry =
        inThisChannel(ctx, in).stream().filter(e -> e.id() == id).findAny();
    if (entry.isEmpty()) {
      ctx.out().tell(in, "There is no undelivered message #" + id + " in this channel.");
      return;
    }
    if (verb.equals("retry")) {
      ctx.tx().outbox().requeue(id, ctx.now());
      ctx.out().tell(in, "Message #" + id + " is queued again.");
    } else {
      ctx.tx().outbox().drop(id);
      ctx.out().tell(in, "Message #" + id + " is discarded.");
    }
  }

  private static List<OutboxEntry> inThisChannel(Context ctx, Inbound.CommandInvoked in) {
    return ctx.tx().outbox().deadLetters(SCAN).stream()
        .filter(e -> e.message().channel().equals(in.channel()))
        .toList();
  }

  private static void list(Context ctx, Inbound.CommandInvoked in) {
    List<OutboxEntry> dead = inThisChannel(ctx, in);
    if (dead.isEmpty()) {
      ctx.out().tell(in, "Every message to this channel was delivered.");
      return;
    }
    StringBuilder b = new StringBuilder();
    for (OutboxEntry e : dead.subList(0, Math.min(SHOWN, dead.size()))) {
      String text = e.message().message().title();
      if (text == null || text.isBlank()) {
        text = e.message().message().body();
      }
      b.append("- #")
          .append(e.id())
          .append(", queued ")
          .append(WHEN.format(e.createdAt()))
          .append(": ")
          .append(Inline.data(Texts.clip(Inline.plain(text).replace('\n', ' '), 80)))
          .append(" (")
          .append(
              Inline.data(
                  Texts.clip(e.lastError() == null ? "no error recorded" : e.lastError(), 120)))
          .append(")\n");
    }
    if (dead.size() > SHOWN) {
      b.append("\u2026 and ").append(dead.size() - SHOWN).append(" more\n");
    }
    b.append("`/spar deadletters retry ID` sends one again, `drop ID` discards it.");
    ctx.out()
        .ephemeral(
            in.channel(), in.actor().user(), Message.of("Undelivered messages", b.toString()));
  }
}
