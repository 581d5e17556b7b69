package dev.sparring.store.jdbc;

import dev.sparring.core.ChannelRef;
import dev.sparring.core.Outbound;
import dev.sparring.core.TeamRef;
import dev.sparring.core.UserRef;
import dev.sparring.store.Answer;
import dev.sparring.store.Answers;
import dev.sparring.store.Conversation;
import dev.sparring.store.Conversations;
import dev.sparring.store.Dispute;
import dev.sparring.store.Disputes;
import dev.sparring.store.Document;
import dev.sparring.store.Documents;
import dev.sparring.store.Erasure;
import dev.sparring.store.InboundLog;
import dev.sparring.store.KeyValues;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.OutboundCodec;
import dev.sparring.store.Outbox;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.Standing;
import dev.sparring.store.StoreException;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.Threads;
import dev.sparring.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The repositories of one JDBC transaction; SQL shared by SQLite and PostgreSQL. */
final class JdbcTx implements Tx {

  private static final String PENDING = "pending";

  private final Sql sql;
  private final Dialect dialect;

  JdbcTx(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
  }

  @Override
  public InboundLog inbound() {
    return new InboundLog() {
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
    };
  }

  private static final String CONVERSATION_COLUMNS =
      "id, kind, team_key, channel_key, owner_key, question_id, step, status, version,"
          + " created_at, updated_at";

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
  public Conversations conversations() {
    return new Conversations() {
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
            "SELECT "
                + CONVERSATION_COLUMNS
                + " FROM conversations WHERE id = ?"
                + dialect.lockRow(),
            JdbcTx::conversation,
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
            JdbcTx::conversation,
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
            JdbcTx::conversation,
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
            JdbcTx::conversation,
            teamKey,
            kind,
            limit);
      }

      @Override
      public long countActive(String kind) {
        return sql.count(
            "SELECT COUNT(*) FROM conversations WHERE status = 'ACTIVE' AND kind = ?", kind);
      }
    };
  }

  @Override
  public Answers answers() {
    return new Answers() {
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
    };
  }

  private static ThreadLink thread(ResultSet rs) throws SQLException {
    return new ThreadLink(
        rs.getString("anchor"),
        rs.getString("channel_key"),
        rs.getString("kind"),
        rs.getString("platform_id"));
  }

  @Override
  public Threads threads() {
    return new Threads() {
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
            JdbcTx::thread,
            anchor);
      }

      @Override
      public Optional<ThreadLink> byPlatformId(String channelKey, String platformId) {
        return sql.one(
            "SELECT anchor, channel_key, kind, platform_id FROM threads"
                + " WHERE channel_key = ? AND platform_id = ?",
            JdbcTx::thread,
            channelKey,
            platformId);
      }
    };
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
        rs.getInt("attempts") > 0 || Sql.instant(rs, "lease_until") != null,
        rs.getString("team_key"),
        rs.getString("partition_key"));
  }

  private static Outbound decode(String payload) {
    return OutboundCodec.decode(payload);
  }

  private static final String OUTBOX_COLUMNS =
      "id, payload, attempts, created_at, last_error, delivered_at, platform_id, correlation,"
          + " lease_until, team_key, partition_key";

  @Override
  public Outbox outbox() {
    return new Outbox() {
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
        // Only the head of each channel's queue may go out, so a channel's messages keep order.
        List<Object> args = new ArrayList<>(List.of(now, now));
        StringBuilder ours = new StringBuilder("o.partition_key IS NULL");
        if (!partitions.isEmpty()) {
          ours.append(" OR o.partition_key IN (");
          for (String p : new java.util.TreeSet<>(partitions)) {
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
                JdbcTx::outboxEntry,
                args.toArray());
        List<OutboxEntry> claimed = new ArrayList<>(heads.size());
        Instant until = now.plus(lease);
        for (OutboxEntry e : heads) {
          int n =
              sql.update(
                  "UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE id = ?"
                      + " AND status = 'pending' AND (lease_until IS NULL OR lease_until <= ?)",
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

      @Override
      public void delivered(long id, String platformId, Instant now) {
        change(
            "UPDATE outbox SET status = 'delivered', attempts = attempts + 1, delivered_at = ?,"
                + " platform_id = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?",
            id,
            now,
            platformId,
            id);
      }

      @Override
      public void retry(long id, Instant nextAttempt, String error) {
        change(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ?",
            id,
            nextAttempt,
            error,
            id);
      }

      @Override
      public void reroute(long id, String partition) {
        change(
            "UPDATE outbox SET partition_key = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ? AND status = 'pending'",
            id,
            partition,
            id);
      }

      @Override
      public void postpone(long id, Instant nextAttempt) {
        change(
            "UPDATE outbox SET next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE id = ?",
            id,
            nextAttempt,
            id);
      }

      @Override
      public void dead(long id, String error, Instant now) {
        change(
            "UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ?,"
                + " next_attempt_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?",
            id,
            error,
            now,
            id);
      }

      private void change(String statement, long id, Object... args) {
        if (sql.update(statement, args) != 1) {
          throw new StoreException("no outbox entry " + id);
        }
      }

      @Override
      public long pending() {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'");
      }

      @Override
      public boolean requeue(long id, Instant now) {
        return sql.update(
                "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?,"
                    + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'dead'",
                now,
                id)
            == 1;
      }

      @Override
      public boolean drop(long id) {
        return sql.update("DELETE FROM outbox WHERE id = ? AND status = 'dead'", id) == 1;
      }

      @Override
      public Optional<Instant> oldestPending() {
        return sql.one(
            "SELECT MIN(created_at) FROM outbox WHERE status = 'pending'",
            rs -> Sql.instant(rs, 1));
      }

      @Override
      public long deadCount() {
        return sql.count("SELECT COUNT(*) FROM outbox WHERE status = 'dead'");
      }

      @Override
      public List<OutboxEntry> deadLetters(int limit) {
        return sql.list(
            "SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE status = 'dead' ORDER BY id LIMIT ?",
            JdbcTx::outboxEntry,
            limit);
      }
    };
  }

  private static String prefixed(String prefix, String columns) {
    return prefix + String.join(", " + prefix, columns.split(",\\s*"));
  }

  @Override
  public KeyValues kv() {
    return new KeyValues() {
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
      public java.util.SortedMap<String, String> all(String scope) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        sql.list(
                "SELECT name, value FROM key_values WHERE scope = ?",
                rs -> Map.entry(rs.getString(1), rs.getString(2)),
                scope)
            .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
      }
    };
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

  private static final String DOCUMENT_COLUMNS = "kind, id, team_key, body, version, due_at";

  @Override
  public Documents documents() {
    return new Documents() {
      @Override
      public Optional<Document> get(String kind, String id) {
        return sql.one(
            "SELECT " + DOCUMENT_COLUMNS + " FROM documents WHERE kind = ? AND id = ?",
            JdbcTx::document,
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
            JdbcTx::document,
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
            JdbcTx::document,
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
            JdbcTx::document,
            kind,
            at,
            limit);
      }
    };
  }

  private static final String DISPUTE_COLUMNS =
      "team_key, channel_key, user_key, answer_ref, question_id, step, point_no, key_point,"
          + " answer, reason, at";

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
  public Disputes disputes() {
    String newest =
        " ORDER BY at DESC, answer_ref"
            + dialect.binary()
            + ", point_no, user_key"
            + dialect.binary();
    return new Disputes() {
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
            JdbcTx::dispute,
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
            JdbcTx::dispute,
            limit);
      }
    };
  }

  @Override
  public Erasure erase() {
    return new JdbcErasure(sql);
  }

  /** {@link Standing#ORDER} in SQL: points down, then who got there first, then name. */
  private String rankedOrder() {
    return " ORDER BY points DESC, last_at, name" + dialect.binary();
  }

  private static Standing standing(ResultSet rs) throws SQLException {
    return new Standing(
        rs.getString("name"),
        rs.getLong("points"),
        rs.getLong("entries"),
        Instant.ofEpochMilli(rs.getLong("last_at")));
  }

  private static final String LEDGER_COLUMNS =
      "entry_key, team_key, channel_key, user_key, group_name, season, competition, reason,"
          + " points, at";

  private static LedgerEntry entry(ResultSet rs) throws SQLException {
    return new LedgerEntry(
        rs.getString("entry_key"),
        rs.getString("team_key"),
        rs.getString("channel_key"),
        rs.getString("user_key"),
        rs.getString("group_name"),
        rs.getString("season"),
        rs.getString("competition"),
        rs.getString("reason"),
        rs.getInt("points"),
        Sql.instant(rs, "at"));
  }

  @Override
  public Ledger ledger() {
    return new Ledger() {
      @Override
      public boolean append(LedgerEntry e) {
        boolean added =
            sql.update(
                    "INSERT INTO ledger ("
                        + LEDGER_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (entry_key) DO NOTHING",
                    e.key(),
                    e.team(),
                    e.channel(),
                    e.user(),
                    e.group(),
                    e.season(),
                    e.competition(),
                    e.reason(),
                    e.points(),
                    e.at())
                == 1;
        if (added) {
          for (Map.Entry<String, String> total : LedgerScopes.of(e).entrySet()) {
            sql.update(
                "INSERT INTO ledger_totals (team_key, scope, name, points, entries, last_at)"
                    + " VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (team_key, scope, name) DO UPDATE"
                    + " SET points = ledger_totals.points + excluded.points,"
                    + " entries = ledger_totals.entries + 1,"
                    + " last_at = CASE WHEN excluded.last_at > ledger_totals.last_at"
                    + " THEN excluded.last_at ELSE ledger_totals.last_at END",
                e.team(),
                total.getKey(),
                total.getValue(),
                (long) e.points(),
                e.at());
          }
        }
        return added;
      }

      @Override
      public List<Standing> standings(LedgerQuery q) {
        return top(q, Integer.MAX_VALUE);
      }

      @Override
      public List<Standing> top(LedgerQuery q, int limit) {
        String scope = LedgerScopes.of(q);
        if (scope == null) {
          List<Standing> all = sums(q);
          return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
        }
        return sql.list(
            "SELECT name, points, entries, last_at FROM ledger_totals"
                + " WHERE team_key = ? AND scope = ?"
                + rankedOrder()
                + " LIMIT ?",
            JdbcTx::standing,
            q.team(),
            scope,
            limit);
      }

      @Override
      public Optional<Rank> rank(LedgerQuery q, String name) {
        String scope = LedgerScopes.of(q);
        if (scope == null) {
          return Rank.in(sums(q), name);
        }
        Optional<Standing> mine =
            sql.one(
                "SELECT name, points, entries, last_at FROM ledger_totals"
                    + " WHERE team_key = ? AND scope = ? AND name = ?",
                JdbcTx::standing,
                q.team(),
                scope,
                name);
        if (mine.isEmpty()) {
          return Optional.empty();
        }
        Standing s = mine.get();
        long at = s.last().toEpochMilli();
        // Three index range counts: ahead on points, level but earlier, level at the same moment
        // but first by name. One OR-ed condition would make the database scan the whole board.
        String board = " FROM ledger_totals WHERE team_key = ? AND scope = ?";
        long ahead =
            sql.count(
                "SELECT (SELECT COUNT(*)"
                    + board
                    + " AND points > ?) + (SELECT COUNT(*)"
                    + board
                    + " AND points = ? AND last_at < ?) + (SELECT COUNT(*)"
                    + board
                    + " AND points = ? AND last_at = ? AND name"
                    + dialect.binary()
                    + " < ?)",
                q.team(),
                scope,
                s.points(),
                q.team(),
                scope,
                s.points(),
                at,
                q.team(),
                scope,
                s.points(),
                at,
                name);
        long of =
            sql.count(
                "SELECT COUNT(*) FROM ledger_totals WHERE team_key = ? AND scope = ?",
                q.team(),
                scope);
        return Optional.of(new Rank((int) ahead + 1, s, (int) of));
      }

      /** Sums straight from the ledger, for the rare query no running total covers. */
      private List<Standing> sums(LedgerQuery q) {
        StringBuilder where = new StringBuilder("team_key = ?");
        List<Object> args = new ArrayList<>(List.of(q.team()));
        if (q.channel() != null) {
          where.append(" AND channel_key = ?");
          args.add(q.channel());
        }
        if (q.season() != null) {
          where.append(" AND season = ?");
          args.add(q.season());
        }
        if (q.competition() != null) {
          where.append(" AND competition = ?");
          args.add(q.competition());
        }
        if (q.byGroup()) {
          where.append(" AND group_name IS NOT NULL");
        }
        String name = q.byGroup() ? "group_name" : "user_key";
        List<Standing> rows =
            new ArrayList<>(
                sql.list(
                    "SELECT "
                        + name
                        + ", SUM(points), COUNT(*), MAX(at) FROM ledger WHERE "
                        + where
                        + " GROUP BY "
                        + name,
                    rs ->
                        new Standing(
                            rs.getString(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            Instant.ofEpochMilli(rs.getLong(4))),
                    args.toArray()));
        rows.sort(Standing.ORDER);
        return rows;
      }

      @Override
      public List<LedgerEntry> entries(String team, String user, int limit) {
        return sql.list(
            "SELECT "
                + LEDGER_COLUMNS
                + " FROM ledger WHERE team_key = ? AND user_key = ?"
                + " ORDER BY at DESC, entry_key DESC LIMIT ?",
            JdbcTx::entry,
            team,
            user,
            limit);
      }
    };
  }
}
