package dev.sparring.store.jdbc;

import dev.sparring.chat.Outbound;
import dev.sparring.store.OutboundCodec;
import dev.sparring.store.Outbox;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.OutboxRules;
import dev.sparring.store.OutboxRules.Change;
import dev.sparring.store.OutboxRules.Status;
import dev.sparring.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link Outbox} in SQL shared by SQLite and PostgreSQL, rendered from {@link OutboxRules}. */
final class JdbcOutbox implements Outbox {

  private static final String PENDING = Status.PENDING.key();

  private static final String OUTBOX_COLUMNS =
      "id, payload, attempts, created_at, last_error, delivered_at, platform_id, correlation,"
          + " lease_until, team_key, partition_key";

  /** {@link OutboxRules#leased} negated, in SQL: one parameter, the time. */
  static final String NOT_LEASED = "(lease_until IS NULL OR lease_until <= ?)";

  private final Sql sql;
  private final Dialect dialect;

  JdbcOutbox(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  private static OutboxEntry outboxEntry(ResultSet rs) throws SQLException {
    return new OutboxEntry(
        rs.getLong("id"),
        decode(rs.getString("payload")),
        rs.getInt("attempts"),
        Sql.instant(rs, "created_at"),
        rs.getString("last_error"),
        Sql.instant(rs, "delivered_at"),
        rs.getString("platform_id"),
        rs.getString("correlation"),
        OutboxRules.resumed(rs.getInt("attempts"), Sql.instant(rs, "lease_until")),
        rs.getString("team_key"),
        rs.getString("partition_key"));
  }

  private static Outbound decode(String payload) {
    return OutboundCodec.decode(payload);
  }

  private static String prefixed(String prefix, String columns) {
    return prefix + String.join(", " + prefix, columns.split(",\\s*"));
  }

  @Override
  public long enqueue(
      Outbound message, Instant now, String correlation, String team, String partition) {
    return sql.one(
            "INSERT INTO outbox (channel_key, payload, status, attempts, created_at,"
                + " next_attempt_at, correlation, team_key, partition_key)"
                + " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?) RETURNING id",
            rs -> rs.getLong(1),
            message.channel().key(),
            OutboundCodec.encode(message),
            PENDING,
            now,
            now,
            correlation,
            team,
            partition)
        .orElseThrow(() -> new StoreException("outbox insert returned no id"));
  }

  @Override
  public List<OutboxEntry> claim(
      String owner, Instant now, Duration lease, int limit, Set<String> partitions) {
    // OutboxRules in SQL: only the head of each channel's queue may go out (so a channel's messages
    // keep order), when due, not leased, and of no partition or one of ours.
    List<Object> args = new ArrayList<>(List.of(now, now));
    StringBuilder ours = new StringBuilder("o.partition_key IS NULL");
    if (!partitions.isEmpty()) {
      ours.append(" OR o.partition_key IN (");
      for (String p : new TreeSet<>(partitions)) {
        ours.append(args.size() > 2 ? ", ?" : "?");
        args.add(p);
      }
      ours.append(')');
    }
    args.add(limit);
    List<OutboxEntry> heads =
        sql.list(
            "SELECT "
                + prefixed("o.", OUTBOX_COLUMNS)
                + " FROM outbox o"
                + " WHERE o.status = 'pending' AND o.next_attempt_at <= ?"
                + " AND (o.lease_until IS NULL OR o.lease_until <= ?)"
                + " AND ("
                + ours
                + ")"
                + " AND o.id = (SELECT MIN(p.id) FROM outbox p"
                + " WHERE p.status = 'pending' AND p.channel_key = o.channel_key)"
                + " ORDER BY o.id LIMIT ?"
                + dialect.skipLocked(),
            JdbcOutbox::outboxEntry,
            args.toArray());
    List<OutboxEntry> claimed = new ArrayList<>(heads.size());
    Instant until = OutboxRules.leaseEnd(now, lease);
    for (OutboxEntry e : heads) {
      int n =
          sql.update(
              "UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ?"
                  + " AND status = 'pending' AND "
                  + NOT_LEASED,
              owner,
              until,
              e.id(),
              now);
      if (n == 1) {
        claimed.add(e);
      }
    }
    return claimed;
  }

  @Override
  public int takeBack(String owner, Instant now) {
    // lease_until stays set (to now), so the next claim sees the entry as resumed.
    return sql.update(
        "UPDATE outbox SET lease_until = ? WHERE lease_owner = ? AND status = 'pending'"
            + " AND lease_until > ?",
        now,
        owner,
        now);
  }

  /**
   * Applies {@code change} to entry {@code id} in one statement rendered from the rule: returns
   * whether there was an entry it applies to. {@code extra}: further assignments, bound to {@code
   * extraArgs}.
   */
  private boolean apply(
      Change change, long id, Instant next, String error, String extra, Object... extraArgs) {
    StringBuilder statement =
        new StringBuilder("UPDATE outbox SET lease_owner = NULL, lease_until = NULL");
    List<Object> args = new ArrayList<>();
    if (change.to() != null) {
      statement.append(", status = ?");
      args.add(change.to().key());
    }
    statement.append(
        switch (change.attempts()) {
          case KEEP -> "";
          case COUNT -> ", attempts = attempts + 1";
          case RESET -> ", attempts = 0";
        });
    if (change.setsNextAttempt()) {
      statement.append(", next_attempt_at = ?");
      args.add(next);
    }
    if (change.setsError()) {
      statement.append(", last_error = ?");
      args.add(error);
    }
    statement.append(extra);
    args.addAll(List.of(extraArgs));
    statement.append(" WHERE id = ?");
    args.add(id);
    if (change.from() != null) {
      statement.append(" AND status = ?");
      args.add(change.from().key());
    }
    return sql.update(statement.toString(), args.toArray()) == 1;
  }

  /** As {@link #apply}, failing when there is no entry the change applies to. */
  private void change(Change change, long id, Instant next, String error) {
    change(change, id, next, error, "");
  }

  private void change(
      Change change, long id, Instant next, String error, String extra, Object... extraArgs) {
    if (!apply(change, id, next, error, extra, extraArgs)) {
      throw new StoreException("no outbox entry " + id);
    }
  }

  @Override
  public void delivered(long id, String platformId, Instant now) {
    change(Change.DELIVER, id, null, null, ", delivered_at = ?, platform_id = ?", now, platformId);
  }

  @Override
  public void retry(long id, Instant nextAttempt, String error) {
    change(Change.RETRY, id, nextAttempt, error);
  }

  @Override
  public void reroute(long id, String partition) {
    change(Change.REROUTE, id, null, null, ", partition_key = ?", partition);
  }

  @Override
  public void postpone(long id, Instant nextAttempt) {
    change(Change.POSTPONE, id, nextAttempt, null);
  }

  @Override
  public void dead(long id, String error, Instant now) {
    change(Change.DEAD, id, now, error);
  }

  @Override
  public long pending() {
    return sql.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'");
  }

  @Override
  public boolean requeue(long id, Instant now) {
    return apply(Change.REQUEUE, id, now, null, "");
  }

  @Override
  public boolean drop(long id) {
    return sql.update(
            "DELETE FROM outbox WHERE id = ? AND status = ?", id, Change.DROP.from().key())
        == 1;
  }

  @Override
  public Optional<Instant> oldestPending() {
    return sql.one(
        "SELECT MIN(created_at) FROM outbox WHERE status = 'pending'", rs -> Sql.instant(rs, 1));
  }

  @Override
  public long deadCount() {
    return sql.count("SELECT COUNT(*) FROM outbox WHERE status = 'dead'");
  }

  @Override
  public List<OutboxEntry> deadLetters(int limit) {
    return sql.list(
        "SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE status = 'dead' ORDER BY id LIMIT ?",
        JdbcOutbox::outboxEntry,
        limit);
  }
}
