package dev.sparring.core;

import dev.sparring.chat.Texts;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Pipeline step: gives the event a correlation id, puts it in the logging context ({@link
 * Bot#CORRELATION}) while the rest runs, and restores what was there before.
 */
final class Correlation implements Pipeline.Step {

  @Override
  public Pipeline.Handled handle(Pipeline.Call call, Pipeline.Next next) {
    String previous = MDC.get(Bot.CORRELATION);
    String id = idOf(call.event());
    MDC.put(Bot.CORRELATION, id);
    try {
      return next.handle(call.withCorrelation(id));
    } finally {
      if (previous == null) {
        MDC.remove(Bot.CORRELATION);
      } else {
        MDC.put(Bot.CORRELATION, previous);
      }
    }
  }

  /** The platform's event id where there is one (so logs match the platform's), else a new id. */
  static String idOf(Inbound event) {
    String key = event.key();
    return key != null
        ? Texts.clip(key, 100)
        : "local-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
