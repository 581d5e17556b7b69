package dev.sparring.store.jdbc;

import dev.sparring.store.StoreException;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.Threads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link Threads} in SQL shared by SQLite and PostgreSQL. */
final class JdbcThreads implements Threads {

  private final Sql sql;

  JdbcThreads(Sql sql) {
    this.sql = sql;
  }

  private static ThreadLink thread(ResultSet rs) throws SQLException {
    return new ThreadLink(
        rs.getString("anchor"),
        rs.getString("channel_key"),
        rs.getString("kind"),
        rs.getString("platform_id"));
  }

  @Override
  public void open(String anchor, String channelKey, String kind, Instant at) {
    sql.update(
        "INSERT INTO threads (anchor, channel_key, kind, created_at) VALUES (?, ?, ?, ?)",
        anchor,
        channelKey,
        kind,
        at);
  }

  @Override
  public void link(String anchor, String platformId) {
    if (sql.update("UPDATE threads SET platform_id = ? WHERE anchor = ?", platformId, anchor)
        != 1) {
      throw new StoreException("no thread " + anchor);
    }
  }

  @Override
  public Optional<ThreadLink> get(String anchor) {
    return sql.one(
        "SELECT anchor, channel_key, kind, platform_id FROM threads WHERE anchor = ?",
        JdbcThreads::thread,
        anchor);
  }

  @Override
  public Optional<ThreadLink> byPlatformId(String channelKey, String platformId) {
    return sql.one(
        "SELECT anchor, channel_key, kind, platform_id FROM threads"
            + " WHERE channel_key = ? AND platform_id = ?",
        JdbcThreads::thread,
        channelKey,
        platformId);
  }
}
