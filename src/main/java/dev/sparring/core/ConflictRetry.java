package dev.sparring.core;

import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.StoreException;
import java.util.function.Supplier;

/**
 * Pipeline step: a lost compare-and-set ({@link ConcurrentUpdateException}) rolled the transaction
 * back, so the whole event is tried again, up to a number of attempts; then it gives up with a
 * {@link StoreException} (the platform retries later). Other failures are not retried.
 */
final class ConflictRetry implements Pipeline.Step {

  /** Attempts per event (and per {@link Bot#teamRemoved}). */
  static final int MAX_ATTEMPTS = 8;

  private final int attempts;

  ConflictRetry(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
    this.attempts = attempts;
  }

  @Override
  public Pipeline.Handled handle(Pipeline.Call call, Pipeline.Next next) {
    return run(attempts, () -> next.handle(call));
  }

  /** Runs {@code work} until it does not lose a race, at most {@code attempts} times. */
  static <T> T run(int attempts, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (ConcurrentUpdateException e) {
        if (attempt >= attempts) {
          throw new StoreException("gave up after " + attempt + " conflicting attempts", e);
        }
      }
    }
  }
}
