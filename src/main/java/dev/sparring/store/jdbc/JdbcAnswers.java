package dev.sparring.store.jdbc;

import dev.sparring.chat.UserRef;
import dev.sparring.store.Answer;
import dev.sparring.store.Answers;
import java.util.List;

/** {@link Answers} in SQL shared by SQLite and PostgreSQL. */
final class JdbcAnswers implements Answers {

  private final Sql sql;

  JdbcAnswers(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean add(Answer a) {
    return sql.update(
            "INSERT INTO answers (conversation_id, step, user_key, body, answered_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (conversation_id, step) DO NOTHING",
            a.conversationId(),
            a.step(),
            a.user().key(),
            a.text(),
            a.at())
        == 1;
  }

  @Override
  public List<Answer> of(String conversationId) {
    return sql.list(
        "SELECT conversation_id, step, user_key, body, answered_at FROM answers"
            + " WHERE conversation_id = ? ORDER BY step",
        rs ->
            new Answer(
                rs.getString("conversation_id"),
                rs.getInt("step"),
                UserRef.parse(rs.getString("user_key")),
                rs.getString("body"),
                Sql.instant(rs, "answered_at")),
        conversationId);
  }
}
