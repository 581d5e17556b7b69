package dev.sparring.store;

import dev.sparring.testing.Postgres;
import java.nio.file.Path;

/** The store contract on a real PostgreSQL. */
class PostgresStoreTest extends StoreContract {
  @Override
  protected Store open(Path dir) {
    return Postgres.store();
  }
}
