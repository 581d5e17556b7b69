package dev.sparring.store;

import java.util.function.ToLongFunction;

/**
 * The rule of versioned records ({@link Conversation}, {@link Document}): a write goes through only
 * over the very version its writer read. Nothing stored means nothing to replace.
 */
public final class CompareAndSet {

  private CompareAndSet() {}

  /**
   * Whether {@code current} (null: none stored) may be replaced by a writer that read version
   * {@code expected}.
   */
  public static <T> boolean allows(T current, ToLongFunction<T> version, long expected) {
    return current != null && version.applyAsLong(current) == expected;
  }
}
