package dev.sparring.chat;

import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks first: for what is costly to make and not
 * needed before the bot's first answer (a Caffeine cache costs a tenth of a second of start-up, the
 * first time one is built in the process).
 */
public final class Lazy<T> implements Supplier<T> {

  private final Supplier<T> make;
  private volatile T value;

  private Lazy(Supplier<T> make) {
    this.make = make;
  }

  /** The value {@code make} gives, made when first asked for. */
  public static <T> Lazy<T> of(Supplier<T> make) {
    return new Lazy<>(make);
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = java.util.Objects.requireNonNull(make.get(), "made nothing");
          value = v;
        }
      }
    }
    return v;
  }
}
