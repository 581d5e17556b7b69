package dev.sparring.store;

/**
 * Durable state. All reads and writes happen inside {@link #transact}: the work either commits as a
 * whole or not at all, which is what lets a state change and the messages it causes commit together
 * (the transactional outbox).
 */
public interface Store extends AutoCloseable {

  /**
   * Runs {@code work} in one transaction and commits it. Any exception rolls everything back and is
   * rethrown ({@link ConcurrentUpdateException} included, so callers can retry).
   */
  <T> T transact(Work<T> work);

  /** A short description for logs and health output, without secrets. */
  String describe();

  /** Whether the backing store answers right now (used by readiness checks). */
  default boolean ping() {
    try {
      transact(tx -> tx.kv().get("sparring", "ping"));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  void close();

  /** The body of a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Tx tx);
  }
}
