package dev.sparring.store.jdbc;

import dev.sparring.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default: one SQLite file in WAL mode. SQLite allows one writer at a time, so all
 * transactions share one connection behind a lock instead of queueing on the file lock.
 */
public final class SqliteStore extends JdbcStore {

  /** How hard each commit pushes to disk. */
  public enum Durability {
    /** fsync at every commit: survives power loss. */
    FULL,
    /** fsync at checkpoints: survives a crash of the process, not of the machine. */
    NORMAL;

    public static Durability parse(String text) {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
  }

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();
  private final Sql.StatementCache statements = new Sql.StatementCache();

  private SqliteStore(Path file, Connection connection) {
    super(Dialect.SQLITE);
    this.file = file;
    this.connection = connection;
  }

  private static final int WAL_CHECKPOINT_PAGES = 10_000;

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  public static SqliteStore open(Path file, Durability durability) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the data folder for " + file + ": " + e, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(
        durability == Durability.FULL
            ? SQLiteConfig.SynchronousMode.FULL
            : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    try {
      migrate(ds, Dialect.SQLITE);
      Connection connection = ds.getConnection();
      try (java.sql.Statement st = connection.createStatement()) {
        // Checkpoint less often: hot pages (the outbox tail, live interviews) are written to the
        // WAL on every commit but copied to the database once per checkpoint.
        st.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
        // A page cache that holds the hot indexes (64 MiB at most, allocated as used).
        st.execute("PRAGMA cache_size = -65536");
      }
      return new SqliteStore(file, connection);
    } catch (SQLException e) {
      throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  Connection acquire() {
    lock.lock();
    return connection;
  }

  @Override
  void release(Connection c) {
    lock.unlock();
  }

  @Override
  Sql sql(Connection c) {
    return new Sql(c, statements);
  }

  @Override
  public String describe() {
    return "sqlite:" + file;
  }

  @Override
  public void close() {
    lock.lock();
    try {
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing " + file + " failed", e);
    } finally {
      lock.unlock();
    }
  }
}
