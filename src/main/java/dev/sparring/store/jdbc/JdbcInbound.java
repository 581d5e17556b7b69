package dev.sparring.store.jdbc;

import dev.sparring.store.InboundLog;
import java.time.Instant;

/** {@link InboundLog} in SQL shared by SQLite and PostgreSQL. */
final class JdbcInbound implements InboundLog {

  private final Sql sql;

  JdbcInbound(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean record(String key, Instant at) {
    return sql.update(
            "INSERT INTO inbound_events (event_key, received_at) VALUES (?, ?)"
                + " ON CONFLICT (event_key) DO NOTHING",
            key,
            at)
        == 1;
  }

  @Override
  public int prune(Instant before) {
    return sql.update("DELETE FROM inbound_events WHERE received_at < ?", before);
  }
}
