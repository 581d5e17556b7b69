package dev.sparring.store.memory;

import dev.sparring.store.KeyValues;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@link KeyValues} of a {@link MemoryStore}. */
final class MemoryKeyValues implements KeyValues {

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryKeyValues(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  @Override
  public Optional<String> get(String scope, String name) {
    tx.check();
    return Optional.ofNullable(data.kv.get(scope + "\n" + name));
  }

  @Override
  public void put(String scope, String name, String value) {
    tx.put(data.kv, scope + "\n" + name, value);
  }

  @Override
  public boolean delete(String scope, String name) {
    boolean had = data.kv.containsKey(scope + "\n" + name);
    tx.remove(data.kv, scope + "\n" + name);
    return had;
  }

  @Override
  public SortedMap<String, String> all(String scope) {
    tx.check();
    SortedMap<String, String> out = new TreeMap<>();
    data.kv.forEach(
        (k, v) -> {
          if (k.startsWith(scope + "\n")) {
            out.put(k.substring(scope.length() + 1), v);
          }
        });
    return out;
  }
}
