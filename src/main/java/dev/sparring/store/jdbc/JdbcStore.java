package dev.sparring.store.jdbc;

import dev.sparring.store.Store;
import dev.sparring.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A store over JDBC: one transaction per unit of work, on a connection the subclass lends. */
public abstract class JdbcStore implements Store {

  private final Dialect dialect;

  JdbcStore(Dialect dialect) {
    this.dialect = dialect;
  }

  /** How {@link #migrate} brought the schema up to date, and how many migrations it applied. */
  record Migrated(How how, int count) {
    enum How {
      /** The history held every shipped migration: nothing to do, Flyway not loaded. */
      UP_TO_DATE,
      /** A new SQLite file got every migration and Flyway's history, without Flyway. */
      CREATED,
      /** Flyway migrated (and validated what was applied before). */
      FLYWAY
    }
  }

  /**
   * Applies pending schema migrations. Flyway runs only when there is work for it ({@link
   * Migrations}): not on a restart with nothing pending, nor to create a new SQLite file.
   */
  static Migrated migrate(DataSource dataSource, Dialect dialect) {
    List<Migrations.Script> shipped = Migrations.shipped(dialect);
    if (shipped != null) {
      try (Connection c = dataSource.getConnection()) {
        if (Migrations.upToDate(c, shipped)) {
          return new Migrated(Migrated.How.UP_TO_DATE, 0);
        }
        if (dialect == Dialect.SQLITE && Migrations.createFresh(c, shipped)) {
          return new Migrated(Migrated.How.CREATED, shipped.size());
        }
      } catch (SQLException e) {
        // Flyway meets the same problem and reports it.
      }
    }
    return new Migrated(Migrated.How.FLYWAY, flyway(dataSource, dialect));
  }

  /** Flyway's migrate: whatever is pending, with validation of what was applied. */
  static int flyway(DataSource dataSource, Dialect dialect) {
    return Flyway.configure()
        .dataSource(dataSource)
        // Portable migrations live in common/; a dialect folder holds only what differs.
        .locations("classpath:db/migration/common", dialect.migrations())
        .loggers("slf4j")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** Work on a raw connection (copy and export tools). */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one transaction on a connection of this store. */
  <T> T withConnection(SqlWork<T> work) {
    Connection c;
    try {
      c = acquire();
    } catch (SQLException e) {
      throw new StoreException("cannot open a connection to " + describe(), e);
    }
    try {
      begin(c);
      T result = work.run(c);
      commit(c);
      return result;
    } catch (SQLException e) {
      rollback(c);
      throw new StoreException(describe() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      rollback(c);
      throw e;
    } finally {
      release(c);
    }
  }

  /** Starts a transaction on a connection lent by {@link #acquire}. */
  void begin(Connection c) throws SQLException {
    c.setAutoCommit(false);
  }

  /** Commits the transaction {@link #begin} started. */
  void commit(Connection c) throws SQLException {
    c.commit();
  }

  /** A connection for one transaction; {@link #release} gives it back. */
  abstract Connection acquire() throws SQLException;

  abstract void release(Connection connection);

  /** Statement helpers for a connection lent by {@link #acquire}. */
  Sql sql(Connection connection) {
    return new Sql(connection);
  }

  @Override
  public <T> T transact(Work<T> work) {
    Connection c;
    try {
      c = acquire();
    } catch (SQLException e) {
      throw new StoreException("cannot open a connection to " + describe(), e);
    }
    try {
      begin(c);
      T result = work.run(new JdbcTx(sql(c), dialect));
      commit(c);
      return result;
    } catch (SQLException e) {
      rollback(c);
      if (Sql.retryable(e)) {
        throw new dev.sparring.store.ConcurrentUpdateException("commit: " + e.getMessage());
      }
      throw new StoreException("commit failed on " + describe() + ": " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      rollback(c);
      throw e;
    } finally {
      release(c);
    }
  }

  /** Rolls back after a failure; never throws, so the original failure is the one reported. */
  void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The original failure is the one worth reporting; a broken connection is dropped on release.
    }
  }
}
