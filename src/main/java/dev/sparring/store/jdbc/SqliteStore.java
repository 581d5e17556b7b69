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
 *
 * <p>Group commit: while one thread holds the connection, others queue their work; the next holder
 * runs every queued unit in its own savepoint and commits them together, so concurrent events share
 * one fsync. A unit that throws is rolled back to its savepoint alone; a failed commit fails them
 * all, and nobody is told "done" before the commit that made it durable.
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
  private final java.util.concurrent.ConcurrentLinkedQueue<Pending<?>> queue =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private static final int GROUP = 64;

  /** One caller's unit of work waiting for a commit. */
  private static final class Pending<T> {
    final Work<T> work;
    volatile boolean done;
    T result;
    Throwable error;

    Pending(Work<T> work) {
      this.work = work;
    }

    void run(JdbcTx tx) {
      result = work.run(tx);
    }
  }

  @Override
  public <T> T transact(Work<T> work) {
    if (lock.isHeldByCurrentThread()) {
      // Called from inside a unit of work: it is part of that unit's transaction.
      return work.run(new JdbcTx(sql(connection), Dialect.SQLITE));
    }
    Pending<T> mine = new Pending<>(work);
    queue.add(mine);
    while (!mine.done) {
      lock.lock();
      try {
        if (!mine.done) {
          lead();
        }
      } finally {
        lock.unlock();
      }
    }
    if (mine.error instanceof RuntimeException e) {
      throw e;
    }
    if (mine.error instanceof Error e) {
      throw e;
    }
    return mine.result;
  }

  /** Runs the queued units (this thread's among them) and commits them together. */
  private void lead() {
    java.util.List<Pending<?>> batch = new java.util.ArrayList<>();
    for (Pending<?> p; batch.size() < GROUP && (p = queue.poll()) != null; ) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    boolean alone = batch.size() == 1;
    try (java.sql.Statement st = connection.createStatement()) {
      connection.setAutoCommit(false);
      JdbcTx tx = new JdbcTx(sql(connection), Dialect.SQLITE);
      for (Pending<?> p : batch) {
        if (alone) {
          p.run(tx);
          continue;
        }
        st.execute("SAVEPOINT unit");
        try {
          p.run(tx);
          st.execute("RELEASE unit");
        } catch (RuntimeException e) {
          st.execute("ROLLBACK TO unit");
          st.execute("RELEASE unit");
          p.error = e;
        }
      }
      connection.commit();
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // the original failure is the one to report
      }
      for (Pending<?> p : batch) {
        if (p.error == null) {
          p.error =
              e instanceof SQLException sql
                  ? new StoreException(
                      "commit failed on " + describe() + ": " + sql.getMessage(), sql)
                  : e;
          p.result = null;
        }
      }
    } finally {
      for (Pending<?> p : batch) {
        p.done = true;
      }
    }
  }

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
