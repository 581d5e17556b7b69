package dev.sparring.store.jdbc;

import dev.sparring.store.Document;
import dev.sparring.store.Documents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Documents} in SQL shared by SQLite and PostgreSQL. */
final class JdbcDocuments implements Documents {

  private static final String DOCUMENT_COLUMNS = "kind, id, team_key, body, version, due_at";

  private final Sql sql;
  private final Dialect dialect;

  JdbcDocuments(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  private static Document document(ResultSet rs) throws SQLException {
    return new Document(
        rs.getString("kind"),
        rs.getString("id"),
        rs.getString("team_key"),
        rs.getString("body"),
        rs.getLong("version"),
        Sql.instant(rs, "due_at"));
  }

  @Override
  public Optional<Document> get(String kind, String id) {
    return sql.one(
        "SELECT " + DOCUMENT_COLUMNS + " FROM documents WHERE kind = ? AND id = ?",
        JdbcDocuments::document,
        kind,
        id);
  }

  @Override
  public boolean insert(Document d) {
    return sql.update(
            "INSERT INTO documents ("
                + DOCUMENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (kind, id) DO NOTHING",
            d.kind(),
            d.id(),
            d.team(),
            d.body(),
            d.version(),
            d.dueAt())
        == 1;
  }

  @Override
  public boolean compareAndSet(Document next, long expectedVersion) {
    return sql.update(
            "UPDATE documents SET team_key = ?, body = ?, version = ?, due_at = ?"
                + " WHERE kind = ? AND id = ? AND version = ?",
            next.team(),
            next.body(),
            next.version(),
            next.dueAt(),
            next.kind(),
            next.id(),
            expectedVersion)
        == 1;
  }

  @Override
  public void put(Document d) {
    sql.update(
        "INSERT INTO documents ("
            + DOCUMENT_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (kind, id) DO UPDATE SET team_key = excluded.team_key,"
            + " body = excluded.body, version = excluded.version, due_at = excluded.due_at",
        d.kind(),
        d.id(),
        d.team(),
        d.body(),
        d.version(),
        d.dueAt());
  }

  @Override
  public boolean delete(String kind, String id) {
    return sql.update("DELETE FROM documents WHERE kind = ? AND id = ?", kind, id) == 1;
  }

  @Override
  public long count(String kind) {
    return sql.count("SELECT COUNT(*) FROM documents WHERE kind = ?", kind);
  }

  @Override
  public List<Document> byPrefix(String kind, String prefix, int limit) {
    // substr() keeps the match exact and case-sensitive on every database; id >= prefix lets
    // the primary key index find the start of the range.
    return sql.list(
        "SELECT "
            + DOCUMENT_COLUMNS
            + " FROM documents WHERE kind = ? AND id >= ?"
            + " AND substr(id, 1, ?) = ? ORDER BY id LIMIT ?",
        JdbcDocuments::document,
        kind,
        prefix,
        prefix.length(),
        prefix,
        limit);
  }

  @Override
  public List<Document> byTeam(String kind, String team, int limit) {
    return sql.list(
        "SELECT "
            + DOCUMENT_COLUMNS
            + " FROM documents WHERE kind = ? AND team_key = ? ORDER BY id"
            + dialect.binary()
            + " LIMIT ?",
        JdbcDocuments::document,
        kind,
        team,
        limit);
  }

  @Override
  public List<Document> due(String kind, Instant at, int limit) {
    return sql.list(
        "SELECT "
            + DOCUMENT_COLUMNS
            + " FROM documents WHERE kind = ? AND due_at <= ?"
            + " ORDER BY due_at, id LIMIT ?",
        JdbcDocuments::document,
        kind,
        at,
        limit);
  }
}
