package dev.sparring.store.jdbc;

import dev.sparring.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bound-parameter helpers over one connection. Every value goes through a placeholder. */
final class Sql {

  private final Connection connection;
  private final StatementCache cache;

  Sql(Connection connection) {
    this(connection, null);
  }

  /** {@code cache}: prepared statements kept across transactions on this connection, or null. */
  Sql(Connection connection, StatementCache cache) {
    this.connection = connection;
    this.cache = cache;
  }

  /**
   * Prepared statements of one long-lived connection, by SQL text, least recently used evicted.
   * SQLite prepares (compiles) every statement anew otherwise, which costs more than running it.
   * Not thread-safe: used under the connection's lock.
   */
  static final class StatementCache {
    private static final int SIZE = 128;
    private final Map<String, PreparedStatement> statements =
        new LinkedHashMap<>(SIZE, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= SIZE) {
              return false;
            }
            closeQuietly(eldest.getValue());
            return true;
          }
        };

    PreparedStatement get(Connection c, String sql) throws SQLException {
      PreparedStatement ps = statements.get(sql);
      if (ps == null || ps.isClosed()) {
        ps = c.prepareStatement(sql);
        statements.put(sql, ps);
      } else {
        ps.clearParameters();
      }
      return ps;
    }

    void clear() {
      statements.values().forEach(StatementCache::closeQuietly);
      statements.clear();
    }

    private static void closeQuietly(PreparedStatement ps) {
      try {
        ps.close();
      } catch (SQLException e) {
        // closing a statement of a connection that is going away
      }
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    return cache == null ? connection.prepareStatement(sql) : cache.get(connection, sql);
  }

  private void done(PreparedStatement ps) throws SQLException {
    if (cache == null) {
      ps.close();
    }
  }

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  int update(String sql, Object... args) {
    try {
      PreparedStatement ps = prepare(sql);
      try {
        bind(ps, args);
        return ps.executeUpdate();
      } finally {
        done(ps);
      }
    } catch (SQLException e) {
      throw fail(sql, e);
    }
  }

  <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) {
    try {
      PreparedStatement ps = prepare(sql);
      try {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          List<T> out = new ArrayList<>();
          while (rs.next()) {
            out.add(mapper.map(rs));
          }
          return out;
        }
      } finally {
        done(ps);
      }
    } catch (SQLException e) {
      throw fail(sql, e);
    }
  }

  <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... args) {
    List<T> rows = list(sql, mapper, args);
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  long count(String sql, Object... args) {
    return one(sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        ps.setNull(i + 1, Types.NULL); // untyped: PostgreSQL infers the column type
      } else if (a instanceof Instant t) {
        ps.setLong(i + 1, t.toEpochMilli());
      } else if (a instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (a instanceof String s) {
        ps.setString(i + 1, s);
      } else {
        throw new IllegalArgumentException("unsupported parameter type " + a.getClass());
      }
    }
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static RuntimeException fail(String sql, SQLException e) {
    String verb = sql.strip().split("\\s+", 2)[0];
    if (retryable(e)) {
      // Serialization failure or deadlock: the whole unit of work can simply run again.
      return new dev.sparring.store.ConcurrentUpdateException(
          "SQL " + verb + ": " + e.getMessage());
    }
    return new StoreException("SQL " + verb + " failed: " + e.getMessage(), e);
  }

  /** SQLSTATE class 40 (transaction rollback: serialization failure, deadlock). */
  static boolean retryable(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("40");
  }
}
