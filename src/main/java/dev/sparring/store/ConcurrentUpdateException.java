package dev.sparring.store;

/**
 * A compare-and-set lost against a concurrent writer. The transaction is rolled back; retrying the
 * whole unit of work re-reads the winner's state.
 */
public final class ConcurrentUpdateException extends RuntimeException {
  public ConcurrentUpdateException(String message) {
    super(message, null, false, false);
  }
}
