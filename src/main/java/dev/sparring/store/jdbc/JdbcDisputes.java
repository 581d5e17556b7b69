package dev.sparring.store.jdbc;

import dev.sparring.store.Dispute;
import dev.sparring.store.Disputes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** {@link Disputes} in SQL shared by SQLite and PostgreSQL. */
final class JdbcDisputes implements Disputes {

  private static final String DISPUTE_COLUMNS =
      "team_key, channel_key, user_key, answer_ref, question_id, step, point_no, key_point,"
          + " answer, reason, at";

  private final Sql sql;
  private final String newest;

  JdbcDisputes(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.newest =
        " ORDER BY at DESC, answer_ref"
            + dialect.binary()
            + ", point_no, user_key"
            + dialect.binary();
  }

  private static Dispute dispute(ResultSet rs) throws SQLException {
    return new Dispute(
        rs.getString("team_key"),
        rs.getString("channel_key"),
        rs.getString("user_key"),
        rs.getString("answer_ref"),
        rs.getString("question_id"),
        rs.getInt("step"),
        rs.getInt("point_no"),
        rs.getString("key_point"),
        rs.getString("answer"),
        rs.getString("reason"),
        Sql.instant(rs, "at"));
  }

  @Override
  public boolean add(Dispute d) {
    return sql.update(
            "INSERT INTO disputes ("
                + DISPUTE_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (team_key, answer_ref, user_key, point_no) DO NOTHING",
            d.team(),
            d.channel(),
            d.user(),
            d.answerRef(),
            d.questionId(),
            d.step(),
            d.pointNo(),
            d.keyPoint(),
            d.answer(),
            d.reason(),
            d.at())
        == 1;
  }

  @Override
  public List<Dispute> latest(String team, int limit) {
    return sql.list(
        "SELECT " + DISPUTE_COLUMNS + " FROM disputes WHERE team_key = ?" + newest + " LIMIT ?",
        JdbcDisputes::dispute,
        team,
        limit);
  }

  @Override
  public long count(String team) {
    return sql.count("SELECT COUNT(*) FROM disputes WHERE team_key = ?", team);
  }

  @Override
  public List<Dispute> all(int limit) {
    return sql.list(
        "SELECT " + DISPUTE_COLUMNS + " FROM disputes" + newest + " LIMIT ?",
        JdbcDisputes::dispute,
        limit);
  }
}
