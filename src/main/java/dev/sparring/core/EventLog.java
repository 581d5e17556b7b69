package dev.sparring.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline step: one log line per event handled (what it queued and answered privately). Ticks that
 * queued nothing stay out of the log; an event that throws is logged where it failed.
 */
final class EventLog implements Pipeline.Step {

  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  @Override
  public Pipeline.Handled handle(Pipeline.Call call, Pipeline.Next next) {
    Pipeline.Handled handled = next.handle(call);
    Bot.Result result = handled.result();
    if (!(call.event() instanceof Inbound.Tick) || result.queued() > 0) {
      log.info(
          "{}{}: {} queued, {} private",
          call.event().getClass().getSimpleName(),
          result.duplicate() ? " (duplicate)" : "",
          result.queued(),
          result.ephemerals().size());
    }
    return handled;
  }
}
