package dev.sparring.store.jdbc;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.store.Conversation;
import dev.sparring.store.Conversations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link Conversations} in SQL shared by SQLite and PostgreSQL. */
final class JdbcConversations implements Conversations {

  private static final String CONVERSATION_COLUMNS =
      "id, kind, team_key, channel_key, owner_key, question_id, step, status, version,"
          + " created_at, updated_at";

  private final Sql sql;
  private final Dialect dialect;

  JdbcConversations(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  private static Conversation conversation(ResultSet rs) throws SQLException {
    return new Conversation(
        rs.getString("id"),
        rs.getString("kind"),
        TeamRef.parse(rs.getString("team_key")),
        ChannelRef.parse(rs.getString("channel_key")),
        UserRef.parse(rs.getString("owner_key")),
        rs.getString("question_id"),
        rs.getInt("step"),
        Conversation.Status.valueOf(rs.getString("status")),
        rs.getLong("version"),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"));
  }

  @Override
  public void insert(Conversation c) {
    sql.update(
        "INSERT INTO conversations ("
            + CONVERSATION_COLUMNS
            + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(),
        c.kind(),
        c.team().key(),
        c.channel().key(),
        c.owner().key(),
        c.questionId(),
        c.step(),
        c.status().name(),
        c.version(),
        c.createdAt(),
        c.updatedAt());
  }

  @Override
  public Optional<Conversation> get(String id) {
    return sql.one(
        "SELECT " + CONVERSATION_COLUMNS + " FROM conversations WHERE id = ?" + dialect.lockRow(),
        JdbcConversations::conversation,
        id);
  }

  @Override
  public boolean compareAndSet(Conversation next, long expectedVersion) {
    return sql.update(
            "UPDATE conversations SET step = ?, status = ?, version = ?, updated_at = ?"
                + " WHERE id = ? AND version = ?",
            next.step(),
            next.status().name(),
            next.version(),
            next.updatedAt(),
            next.id(),
            expectedVersion)
        == 1;
  }

  @Override
  public Optional<Conversation> active(String teamKey, String ownerKey, String kind) {
    return sql.one(
        "SELECT "
            + CONVERSATION_COLUMNS
            + " FROM conversations"
            + " WHERE team_key = ? AND owner_key = ? AND kind = ? AND status = 'ACTIVE'"
            + " ORDER BY created_at DESC, id DESC LIMIT 1",
        JdbcConversations::conversation,
        teamKey,
        ownerKey,
        kind);
  }

  @Override
  public List<Conversation> idleSince(String kind, Instant before, int limit) {
    return sql.list(
        "SELECT "
            + CONVERSATION_COLUMNS
            + " FROM conversations"
            + " WHERE status = 'ACTIVE' AND kind = ? AND updated_at < ?"
            + " ORDER BY updated_at, id LIMIT ?",
        JdbcConversations::conversation,
        kind,
        before,
        limit);
  }

  @Override
  public List<String> questionIds(String teamKey, String ownerKey, String kind) {
    return sql.list(
        "SELECT DISTINCT question_id FROM conversations"
            + " WHERE team_key = ? AND owner_key = ? AND kind = ? ORDER BY question_id",
        rs -> rs.getString(1),
        teamKey,
        ownerKey,
        kind);
  }

  @Override
  public List<Conversation> activeIn(String teamKey, String kind, int limit) {
    return sql.list(
        "SELECT "
            + CONVERSATION_COLUMNS
            + " FROM conversations WHERE team_key = ? AND kind = ? AND status = 'ACTIVE'"
            + " ORDER BY created_at, id LIMIT ?",
        JdbcConversations::conversation,
        teamKey,
        kind,
        limit);
  }

  @Override
  public long countActive(String kind) {
    return sql.count(
        "SELECT COUNT(*) FROM conversations WHERE status = 'ACTIVE' AND kind = ?", kind);
  }
}
