package dev.sparring.store.jdbc;

import dev.sparring.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default: one SQLite file in WAL mode. SQLite allows one writer at a time, so all
 * transactions share one connection behind a lock instead of queueing on the file lock.
 *
 * <p>Group commit: while one thread holds the connection, others queue their work; the next holder
 * runs every queued unit in its own savepoint and commits them together, so concurrent events share
 * one fsync. A unit that throws is rolled back to its savepoint alone; a failed commit fails them
 * all, and nobody is told "done" before the commit that made it durable.
 *
 * <p>Other processes share the file (a backup, an {@code sqlite3} shell, {@code sparring outbox}).
 * So the connection stays in auto-commit mode between transactions and takes the write lock only
 * with an explicit {@code BEGIN IMMEDIATE} (the driver's own transactions would begin the next one
 * right after each commit and hold the lock while idle). A unit of work waits at most {@link
 * #LOCK_WAIT} for the lock, then fails, so a request is refused well inside a platform's 3 s and
 * retried by it; and after any failure the transaction is rolled back (the connection replaced if
 * even that fails), so the next unit starts clean.
 */
public final class SqliteStore extends JdbcStore {

  /**
   * How long a unit of work waits for the write lock (another process's, or the queue before it)
   * before it fails with "locked": inside the 3 s Slack and Discord give for an acknowledgement.
   */
  public static final Duration LOCK_WAIT = Duration.ofSeconds(2);

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

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;

  private final Path file;
  private final SQLiteDataSource dataSource;
  private final ReentrantLock lock = new ReentrantLock();
  private final Sql.StatementCache statements = new Sql.StatementCache();
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
  private static final int GROUP = 64;
  // Guarded by lock: replaced when a failure leaves it unusable.
  private Connection connection;
  private int busyMillis = -1;

  /** One caller's unit of work waiting for a commit. */
  private static final class Pending<T> {
    final Work<T> work;
    final long deadline;
    volatile boolean done;
    T result;
    Throwable error;

    Pending(Work<T> work, long deadline) {
      this.work = work;
      this.deadline = deadline;
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
    Pending<T> mine = new Pending<>(work, System.nanoTime() + LOCK_WAIT.toNanos());
    queue.add(mine);
    while (!mine.done) {
      if (!lockBefore(mine.deadline)) {
        if (queue.remove(mine)) {
          throw locked();
        }
        // A leader has taken this unit; its batch ends within the unit's deadline.
        lock.lock();
      }
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

  private boolean lockBefore(long deadline) {
    try {
      return lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs the queued units (this thread's among them) and commits them together. */
  private void lead() {
    List<Pending<?>> batch = new ArrayList<>();
    for (Pending<?> p; batch.size() < GROUP && (p = queue.poll()) != null; ) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    boolean alone = batch.size() == 1;
    boolean begun = false;
    try (Statement st = connection.createStatement()) {
      // The batch waits for the lock no longer than its most impatient unit may.
      long deadline = batch.stream().mapToLong(p -> p.deadline).min().getAsLong();
      waitForLocks(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      st.execute("BEGIN IMMEDIATE");
      begun = true;
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
      st.execute("COMMIT");
    } catch (SQLException | RuntimeException | Error e) {
      boolean sqlFailure = e instanceof SQLException || e instanceof StoreException;
      if (begun || sqlFailure) {
        recover(sqlFailure);
      }
      for (Pending<?> p : batch) {
        if (p.error == null) {
          p.error = e instanceof SQLException sql ? failure(sql) : e;
          p.result = null;
        }
      }
    } finally {
      for (Pending<?> p : batch) {
        p.done = true;
      }
    }
  }

  /** How long the connection's next statement may wait for another process's lock. */
  private void waitForLocks(long millis) throws SQLException {
    int wait = (int) Math.max(0, Math.min(millis, LOCK_WAIT.toMillis()));
    if (wait != busyMillis) {
      connection.unwrap(SQLiteConnection.class).setBusyTimeout(wait);
      busyMillis = wait;
    }
  }

  /**
   * Ends whatever a failure left open, so the next unit starts clean: rolls back, and if even that
   * fails (the connection is broken), opens a new connection.
   */
  private void recover(boolean sqlFailure) {
    if (sqlFailure) {
      // A statement that failed mid-way may still hold a cursor; prepare afresh.
      statements.clear();
    }
    try (Statement st = connection.createStatement()) {
      st.execute("ROLLBACK");
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        reconnect();
      }
    }
  }

  private void reconnect() {
    statements.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // it is being replaced because it failed
    }
    busyMillis = -1;
    try {
      connection = connect(dataSource);
    } catch (SQLException e) {
      // Still closed: the next unit fails, and tries again.
    }
  }

  private StoreException failure(SQLException e) {
    return busy(e)
        ? locked()
        : new StoreException("commit failed on " + describe() + ": " + e.getMessage(), e);
  }

  private StoreException locked() {
    return new StoreException(
        describe()
            + " is locked: waited "
            + LOCK_WAIT.toSeconds()
            + " s for its write lock (held by another process, or a long transaction); nothing"
            + " was changed, try again");
  }

  /** Whether {@code t} (or a cause) is SQLite's "another connection holds the lock". */
  static boolean busy(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql) {
        int code = sql.getErrorCode() & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
          return true;
        }
      }
    }
    return false;
  }

  private SqliteStore(Path file, SQLiteDataSource dataSource, Connection connection) {
    super(Dialect.SQLITE);
    this.file = file;
    this.dataSource = dataSource;
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
    SQLiteDataSource ds = dataSource(file, durability);
    try {
      migrate(ds, Dialect.SQLITE);
      return new SqliteStore(file, ds, connect(ds));
    } catch (SQLException | RuntimeException e) {
      if (busy(e)) {
        throw new StoreException(
            "cannot open "
                + file
                + ": it is locked by another process (waited "
                + LOCK_WAIT.toSeconds()
                + " s for its write lock); try again when it is done",
            e);
      }
      throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /** Connections to {@code file} in WAL mode with this durability and {@link #LOCK_WAIT}. */
  static SQLiteDataSource dataSource(Path file, Durability durability) {
    SqliteNative.prepare();
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(
        durability == Durability.FULL
            ? SQLiteConfig.SynchronousMode.FULL
            : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout((int) LOCK_WAIT.toMillis());
    // Only Flyway's transactions are the driver's: deferred, so a start or an operator command
    // with nothing to migrate reads the schema history without waiting for the write lock.
    config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return ds;
  }

  /** The store's connection, idle in auto-commit mode (no transaction, no lock). */
  private static Connection connect(SQLiteDataSource ds) throws SQLException {
    Connection connection = ds.getConnection();
    try (Statement st = connection.createStatement()) {
      // Checkpoint less often: hot pages (the outbox tail, live interviews) are written to the
      // WAL on every commit but copied to the database once per checkpoint.
      st.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
      // A page cache that holds the hot indexes (64 MiB at most, allocated as used).
      st.execute("PRAGMA cache_size = -65536");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
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

  /**
   * Tools' transactions (copy, export): a plain {@code BEGIN} reads a snapshot without taking the
   * write lock, so a backup of a live store does not stall the bot; the first write upgrades it.
   */
  @Override
  void begin(Connection c) throws SQLException {
    waitForLocks(LOCK_WAIT.toMillis());
    try (Statement st = c.createStatement()) {
      st.execute("BEGIN");
    }
  }

  @Override
  void commit(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("COMMIT");
    }
  }

  @Override
  void rollback(Connection c) {
    recover(true);
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
