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
    config.setConnectionTimeout(10_000);
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

  @Override
  public void close() {
    pool.close();
  }
}
