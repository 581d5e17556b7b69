package dev.sparring.store.jdbc;

import dev.sparring.store.KeyValues;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@link KeyValues} in SQL shared by SQLite and PostgreSQL. */
final class JdbcKeyValues implements KeyValues {

  private final Sql sql;

  JdbcKeyValues(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Optional<String> get(String scope, String name) {
    return sql.one(
        "SELECT value FROM key_values WHERE scope = ? AND name = ?",
        rs -> rs.getString(1),
        scope,
        name);
  }

  @Override
  public void put(String scope, String name, String value) {
    sql.update(
        "INSERT INTO key_values (scope, name, value) VALUES (?, ?, ?)"
            + " ON CONFLICT (scope, name) DO UPDATE SET value = excluded.value",
        scope,
        name,
        value);
  }

  @Override
  public boolean delete(String scope, String name) {
    return sql.update("DELETE FROM key_values WHERE scope = ? AND name = ?", scope, name) == 1;
  }

  @Override
  public SortedMap<String, String> all(String scope) {
    SortedMap<String, String> out = new TreeMap<>();
    sql.list(
            "SELECT name, value FROM key_values WHERE scope = ?",
            rs -> Map.entry(rs.getString(1), rs.getString(2)),
            scope)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
