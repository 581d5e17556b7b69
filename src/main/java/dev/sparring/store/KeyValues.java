package dev.sparring.store;

import java.util.Optional;

/** Small named values (adapter state such as the console's active thread, settings). */
public interface KeyValues {

  Optional<String> get(String scope, String name);

  void put(String scope, String name, String value);

  /** Removes one value; returns false if there was none. */
  boolean delete(String scope, String name);

  /** Every name and value in {@code scope}, by name (adapter housekeeping, not hot paths). */
  java.util.SortedMap<String, String> all(String scope);
}
