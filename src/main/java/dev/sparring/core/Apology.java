package dev.sparring.core;

import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.store.StoreException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline step: a failure inside a feature (a bug, not the store) has already rolled back; it is
 * logged with a short reference and the person gets an apology with that reference and no details.
 * Store failures go on to the caller so that the platform retries.
 */
final class Apology implements Pipeline.Step {

  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  @Override
  public Pipeline.Handled handle(Pipeline.Call call, Pipeline.Next next) {
    try {
      return next.handle(call);
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      String ref = UUID.randomUUID().toString().substring(0, 8);
      log.error("failed to handle {} (ref {})", describe(call.event()), ref, e);
      return new Pipeline.Handled(
          new Bot.Result(false, 0, apology(call.event(), ref)), Pipeline.Outcome.FAILED);
    }
  }

  private static List<Outbound.Ephemeral> apology(Inbound event, String ref) {
    if (!(event instanceof Inbound.FromUser u)) {
      return List.of();
    }
    return List.of(
        new Outbound.Ephemeral(
            u.channel(),
            u.actor().user(),
            Message.text(
                "Sorry, something went wrong on our side and nothing was changed. Please try"
                    + " again; if it keeps happening, tell your admin (reference "
                    + ref
                    + ").")));
  }

  private static String describe(Inbound event) {
    return event.getClass().getSimpleName() + (event.key() == null ? "" : " " + event.key());
  }
}
