package dev.sparring.core;

import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.store.ThreadLink;
import java.util.Optional;

/**
 * Sends one event to the feature that owns it, inside the event's transaction: commands by name
 * ({@code help} and unknown commands are answered here), thread messages by the kind of thread,
 * buttons by action prefix, forms by the ticket they carry, and every tick to every feature (after
 * the core's own housekeeping).
 */
final class Router {

  private final FeatureCatalog catalog;
  private final HelpAndHome help;

  Router(FeatureCatalog catalog, HelpAndHome help) {
    this.catalog = catalog;
    this.help = help;
  }

  // Java 17 has no pattern matching for switch; this chain is the one place events fan out.
  void route(Context ctx, Inbound event) {
    if (event instanceof Inbound.CommandInvoked c) {
      command(ctx, Command.parse(c));
    } else if (event instanceof Inbound.MessagePosted m) {
      Optional<ThreadLink> thread =
          ctx.tx().threads().byPlatformId(m.channel().key(), m.thread().id());
      thread.ifPresent(
          t -> {
            Feature owner = catalog.forThreadKind(t.kind());
            if (owner != null) {
              owner.threadMessage(ctx, m, t);
            }
          });
    } else if (event instanceof Inbound.ButtonPressed b) {
      catalog.forAction(b.action()).ifPresent(f -> f.button(ctx, b));
    } else if (event instanceof Inbound.ModalSubmitted s) {
      FormTickets.redeem(ctx, s)
          .ifPresent(
              checked -> catalog.forAction(checked.modal()).ifPresent(f -> f.modal(ctx, checked)));
    } else if (event instanceof Inbound.Tick) {
      InboundKeys.prune(ctx.tx(), ctx.now());
      FormTickets.prune(ctx.tx(), ctx.now());
      Confirmations.prune(ctx);
      catalog.all().forEach(f -> f.tick(ctx));
    } else {
      throw new IllegalStateException("unhandled event " + event.getClass());
    }
  }

  private void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    if (command.name().equals("help")) {
      ctx.out().ephemeral(in.channel(), in.actor().user(), help.help(command.args()));
      return;
    }
    Feature feature = catalog.forCommand(command.name());
    if (feature == null) {
      String guess = catalog.closest(command.name());
      ctx.out()
          .ephemeral(
              in.channel(),
              in.actor().user(),
              Message.text(
                  "Unknown command "
                      + Inline.code(command.name(), 40)
                      + "."
                      + (guess == null ? "" : " Did you mean `/spar " + guess + "`?")
                      + " Type `/spar help` for the list."));
      return;
    }
    feature.command(ctx, command);
  }
}
