package dev.sparring.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Pipeline step: tells every {@link Bot.Observer} (metrics) how each event ended and how long it
 * took, including events that were paced or failed.
 */
final class Observation implements Pipeline.Step {

  private final List<Bot.Observer> observers = new CopyOnWriteArrayList<>();
  private final LongSupplier nanoTime;

  Observation() {
    this(System::nanoTime);
  }

  /** {@code nanoTime}: the timer ({@link System#nanoTime} outside tests). */
  Observation(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  void add(Bot.Observer observer) {
    observers.add(observer);
  }

  @Override
  public Pipeline.Handled handle(Pipeline.Call call, Pipeline.Next next) {
    long start = nanoTime.getAsLong();
    Pipeline.Handled handled;
    try {
      handled = next.handle(call);
    } catch (RuntimeException e) {
      report(call.event(), Pipeline.Outcome.FAILED, start);
      throw e;
    }
    report(call.event(), handled.outcome(), start);
    return handled;
  }

  private void report(Inbound event, Pipeline.Outcome outcome, long start) {
    long nanos = nanoTime.getAsLong() - start;
    for (Bot.Observer o : observers) {
      o.handled(event, outcome.label(), nanos);
    }
  }
}
