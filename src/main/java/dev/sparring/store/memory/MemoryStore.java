package dev.sparring.store.memory;

import dev.sparring.store.Store;
import dev.sparring.store.StoreException;
import java.util.concurrent.locks.ReentrantLock;

/** A store held in memory; transactions are serialised by one lock and undone on failure. */
public final class MemoryStore implements Store {

  private final ReentrantLock lock = new ReentrantLock();
  private final MemoryData data = new MemoryData();
  private boolean closed;

  @Override
  public <T> T transact(Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new StoreException("store is closed");
      }
      MemoryTx tx = new MemoryTx(data);
      try {
        T result = work.run(tx);
        tx.commit();
        return result;
      } catch (RuntimeException | Error e) {
        tx.rollback();
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String describe() {
    return "memory";
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
  }
}
