package dev.sparring.store.memory;

import dev.sparring.store.InboundLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link InboundLog} of a {@link MemoryStore}. */
final class MemoryInbound implements InboundLog {

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryInbound(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  @Override
  public boolean record(String key, Instant at) {
    tx.check();
    if (data.inbound.containsKey(key)) {
      return false;
    }
    tx.put(data.inbound, key, at);
    return true;
  }

  @Override
  public int prune(Instant before) {
    List<String> old = new ArrayList<>();
    for (Map.Entry<String, Instant> e : data.inbound.entrySet()) {
      if (e.getValue().isBefore(before)) {
        old.add(e.getKey());
      }
    }
    old.forEach(k -> tx.remove(data.inbound, k));
    return old.size();
  }
}
