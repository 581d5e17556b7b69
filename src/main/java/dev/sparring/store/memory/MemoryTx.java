package dev.sparring.store.memory;

import dev.sparring.store.Answers;
import dev.sparring.store.CompareAndSet;
import dev.sparring.store.Conversations;
import dev.sparring.store.Disputes;
import dev.sparring.store.Documents;
import dev.sparring.store.Erasure;
import dev.sparring.store.InboundLog;
import dev.sparring.store.KeyValues;
import dev.sparring.store.Ledger;
import dev.sparring.store.Outbox;
import dev.sparring.store.OutboxRules.Status;
import dev.sparring.store.Threads;
import dev.sparring.store.Tx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.ToLongFunction;

/** One memory transaction: every write logs how to undo it, so a failure leaves no trace. */
final class MemoryTx implements Tx {

  final MemoryData data;
  private final Deque<Runnable> undo = new ArrayDeque<>();
  private boolean open = true;

  MemoryTx(MemoryData data) {
    this.data = data;
  }

  /** Ends the transaction, keeping its writes. */
  void commit() {
    open = false;
  }

  /** Ends the transaction, undoing its writes newest first. */
  void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
    open = false;
  }

  /** Fails unless the transaction is still open. */
  void check() {
    if (!open) {
      throw new IllegalStateException("transaction is over");
    }
  }

  /** Runs {@code action} on rollback. */
  void onRollback(Runnable action) {
    check();
    undo.push(action);
  }

  <K, V> void put(Map<K, V> map, K key, V value) {
    check();
    boolean had = map.containsKey(key);
    V old = map.put(key, value);
    undo.push(
        () -> {
          if (had) {
            map.put(key, old);
          } else {
            map.remove(key);
          }
        });
  }

  <K, V> void remove(Map<K, V> map, K key) {
    check();
    if (map.containsKey(key)) {
      V old = map.remove(key);
      undo.push(() -> map.put(key, old));
    }
  }

  /** Replaces the record under {@code key} by {@link CompareAndSet}'s rule. */
  <K, V> boolean compareAndSet(
      Map<K, V> map, K key, V next, ToLongFunction<V> version, long expected) {
    if (!CompareAndSet.allows(map.get(key), version, expected)) {
      return false;
    }
    put(map, key, next);
    return true;
  }

  /** Stores an outbox row, keeping the pending index in step. */
  void store(OutboxRow row) {
    put(data.outbox, row.id(), row);
    if (row.status() == Status.PENDING) {
      put(data.pending, row.id(), row);
    } else {
      remove(data.pending, row.id());
    }
  }

  /** Deletes an outbox row with everything kept beside it. */
  void drop(OutboxRow row) {
    remove(data.outbox, row.id());
    remove(data.pending, row.id());
    remove(data.correlations, row.id());
    remove(data.routes, row.id());
  }

  @Override
  public InboundLog inbound() {
    return new MemoryInbound(this);
  }

  @Override
  public Conversations conversations() {
    return new MemoryConversations(this);
  }

  @Override
  public Answers answers() {
    return new MemoryAnswers(this);
  }

  @Override
  public Threads threads() {
    return new MemoryThreads(this);
  }

  @Override
  public Outbox outbox() {
    return new MemoryOutbox(this);
  }

  @Override
  public KeyValues kv() {
    return new MemoryKeyValues(this);
  }

  @Override
  public Documents documents() {
    return new MemoryDocuments(this);
  }

  @Override
  public Ledger ledger() {
    return new MemoryLedger(this);
  }

  @Override
  public Disputes disputes() {
    return new MemoryDisputes(this);
  }

  @Override
  public Erasure erase() {
    return new MemoryErasure(this);
  }
}
