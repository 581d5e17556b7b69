package dev.sparring.core;

import java.util.List;

/**
 * {@link Bot#handle} as a chain of small steps, outermost first. Each step does its one part and
 * either passes the event on to the rest of the chain or answers by itself (a paced event never
 * reaches the store).
 */
final class Pipeline {

  /** One event on its way through, and the id that ties its log lines and messages together. */
  record Call(Inbound event, String correlation) {
    Call withCorrelation(String id) {
      return new Call(event, id);
    }
  }

  /** How handling one event ended, as observers see it. */
  enum Outcome {
    HANDLED,
    DUPLICATE,
    LIMITED,
    FAILED;

    /**
     * The name observers get: {@code handled}, {@code duplicate}, {@code limited}, {@code failed}.
     */
    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What a step answers: the result for the caller and how it ended. */
  record Handled(Bot.Result result, Outcome outcome) {
    /** A result that went through the store: handled, or a duplicate. */
    static Handled of(Bot.Result result) {
      return new Handled(result, result.duplicate() ? Outcome.DUPLICATE : Outcome.HANDLED);
    }
  }

  /** The rest of the chain, as a step sees it. */
  interface Next {
    Handled handle(Call call);
  }

  /** One step: does its part around (or instead of) {@code next}. */
  interface Step {
    Handled handle(Call call, Next next);
  }

  private final List<Step> steps;

  /** {@code steps} outermost first; the last one must answer without calling on. */
  Pipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  Handled handle(Call call) {
    return from(0, call);
  }

  private Handled from(int index, Call call) {
    if (index == steps.size()) {
      throw new IllegalStateException("the last step of the pipeline called on");
    }
    return steps.get(index).handle(call, next -> from(index + 1, next));
  }
}
