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

  /** Rows of every table (but the migration history) whose text mentions {@code marker}. */
  private int rowsMentioning(String marker) throws Exception {
    int found = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("sparring.db"));
        ResultSet tables =
            c.createStatement()
                .executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history'")) {
      java.util.List<String> names = new java.util.ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      assertThat(names).contains("conversations", "outbox", "ledger_totals", "threads");
      for (String table : names) {
        try (ResultSet rows = c.createStatement().executeQuery("SELECT * FROM " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              String v = rows.getString(i);
              if (v != null && v.contains(marker)) {
                found++;
                break;
              }
            }
          }
        }
      }
    }
    return found;
  }

  @Test
  void erasingATeamLeavesNoRowOfItInAnyTable() throws Exception {
    seedTeam("AAA");
    seedTeam("BBB");
    int ofB = rowsMentioning("BBB");
    assertThat(rowsMentioning("AAA")).isEqualTo(ofB).isGreaterThan(20);

    tx(t -> t.erase().team("slack:TAAA"));

    assertThat(rowsMentioning("AAA")).isZero();
    assertThat(rowsMentioning("BBB")).isEqualTo(ofB);
  }
}
