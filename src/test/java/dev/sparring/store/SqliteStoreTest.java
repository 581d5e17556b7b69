package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.store.jdbc.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class SqliteStoreTest extends StoreContract {

  @Override
  protected Store open(Path dir) {
    return SqliteStore.open(dir.resolve("sparring.db"), SqliteStore.Durability.NORMAL);
  }

  @Test
  void stateSurvivesReopeningTheFile() {
    tx(
        t -> {
          t.inbound().record("k1", T0);
          t.conversations().insert(conversation("c1", ANA, T0));
          return null;
        });
    store.close();
    store = open(dir);
    assertThat(yes(t -> t.inbound().record("k1", T0))).isFalse();
    assertThat(find(t -> t.conversations().get("c1"))).isPresent();
  }

  @Test
  void runsInWalModeWithVersionedMigrations() throws Exception {
    Path file = dir.resolve("sparring.db");
    assertThat(Files.exists(file)).isTrue();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet journal = c.createStatement().executeQuery("PRAGMA journal_mode")) {
      journal.next();
      assertThat(journal.getString(1)).isEqualToIgnoringCase("wal");
      try (ResultSet history =
          c.createStatement()
              .executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1")) {
        assertThat(history.next()).isTrue();
        assertThat(history.getString(1)).isEqualTo("1");
      }
    }
  }
}
