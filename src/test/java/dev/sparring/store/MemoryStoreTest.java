package dev.sparring.store;

import dev.sparring.store.memory.MemoryStore;
import java.nio.file.Path;

class MemoryStoreTest extends StoreContract {
  @Override
  protected Store open(Path dir) {
    return new MemoryStore();
  }
}
