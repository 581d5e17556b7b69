package dev.sparring.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sparring.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL, for several replicas sharing one database. Connections come from a HikariCP pool;
 * transactions run at READ COMMITTED, which the store's writes are built for: compare-and-set
 * updates, unique claims with {@code ON CONFLICT DO NOTHING}, and outbox claims with {@code FOR
 * UPDATE SKIP LOCKED} plus a lease.
 */
public final class PostgresStore extends JdbcStore {

  private final HikariDataSource pool;
  private final String where;

  private PostgresStore(HikariDataSource pool, String where) {
    super(Dialect.POSTGRES);
    this.pool = pool;
    this.where = where;
  }

  /** Connects, migrates the schema and returns the store. The password is never logged. */
  public static PostgresStore open(String jdbcUrl, String user, String password, int poolSize) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new StoreException(
          "store.postgres.url must be a JDBC URL like jdbc:postgresql://db:5432/sparring (got '"
              + jdbcUrl
              + "')");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setPoolName("sparring-pg");
    config.setAutoCommit(false);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    // Fail fast while the database is away: a platform request gets its 503 (and retries) well
    // inside Slack's three-second window instead of hanging.
    config.setConnectionTimeout(2_500);
    config.setInitializationFailTimeout(10_000);
    String where = redact(jdbcUrl);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to " + where + ": " + e.getMessage(), e);
    }
    try {
      migrate(pool, Dialect.POSTGRES);
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate " + where + ": " + e.getMessage(), e);
    }
    return new PostgresStore(pool, where);
  }

  /** The URL without query parameters, which may carry credentials. */
  static String redact(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?…";
  }

  @Override
  Connection acquire() throws SQLException {
    return pool.getConnection();
  }

  @Override
  void release(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Hikari evicts a broken connection by itself.
    }
  }

  @Override
  public String describe() {
    return "postgres:" + where;
  }

  private static final long PING_MILLIS = 2_000;
  private final java.util.concurrent.ExecutorService pinger =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sparring-pg-ping");
            t.setDaemon(true);
            return t;
          });
  private final java.util.concurrent.atomic.AtomicReference<
          java.util.concurrent.CompletableFuture<Boolean>>
      ping = new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * Whether the database answers {@code SELECT 1} within two seconds. Health probes never wait
   * longer, and never pile up: while one check runs, the next probe waits on the same one.
   */
  @Override
  public boolean ping() {
    java.util.concurrent.CompletableFuture<Boolean> check = ping.get();
    if (check == null || check.isDone()) {
      check = java.util.concurrent.CompletableFuture.supplyAsync(this::select1, pinger);
      ping.set(check);
    }
    try {
      return check.get(PING_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean select1() {
    try (Connection c = pool.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      s.execute("SELECT 1");
      c.rollback();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pinger.shutdownNow();
    pool.close();
  }
}
