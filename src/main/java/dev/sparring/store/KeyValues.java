package dev.sparring.store;

import java.util.Optional;

/** Small named values (adapter state such as the console's active thread, settings). */
public interface KeyValues {

  Optional<String> get(String scope, String name);

  void put(String scope, String name, String value);
}
