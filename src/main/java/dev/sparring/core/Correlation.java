package dev.sparring.core;

import dev.sparring.chat.Texts;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Pipeline step: gives the event a correlation id, puts it in the logging context ({@link
 * #MDC_KEY}) while the rest runs, and restores what was there before.
 */
public final class Correlation implements Pipeline.Step {

  /** The MDC key of the id that ties an inbound event to its log lines and outgoing messages. */
  public static final String MDC_KEY = "correlationId";

  Correlation() {}

  @Override
  public Pipeline.Handled handle(Pipeline.Call call, Pipeline.Next next) {
    String previous = MDC.get(MDC_KEY);
    String id = idOf(call.event());
    MDC.put(MDC_KEY, id);
    try {
      return next.handle(call.withCorrelation(id));
    } finally {
      if (previous == null) {
        MDC.remove(MDC_KEY);
      } else {
        MDC.put(MDC_KEY, previous);
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
