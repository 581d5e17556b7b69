package dev.sparring.store.jdbc;

import dev.sparring.chat.Outbound;
import dev.sparring.chat.UserRef;
import dev.sparring.store.Erased;
import dev.sparring.store.Erasure;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link Erasure} in SQL shared by SQLite and PostgreSQL. */
final class JdbcErasure implements Erasure {

  /**
   * The team's channels (see {@link Erasure}): five parameters, all the team key. Document ids are
   * included whole: only those named after a channel can match a channel key.
   */
  private static final String CHANNELS =
      "SELECT channel_key FROM conversations WHERE team_key = ?"
          + " UNION SELECT channel_key FROM ledger WHERE team_key = ? AND channel_key IS NOT NULL"
          + " UNION SELECT id FROM documents WHERE team_key = ?"
          + " UNION SELECT channel_key FROM threads"
          + " WHERE anchor IN (SELECT id FROM conversations WHERE team_key = ?)"
          + " OR anchor IN (SELECT id FROM documents WHERE team_key = ?)";

  private final Sql sql;

  JdbcErasure(Sql sql) {
    this.sql = sql;
  }

  private List<String> channels(String team) {
    return sql.list(CHANNELS, rs -> rs.getString(1), team, team, team, team, team);
  }

  @Override
  public Erased team(String team) {
    Map<String, Long> n = new HashMap<>();
    List<String> channels = channels(team);
    long threads =
        sql.update(
            "DELETE FROM threads WHERE anchor IN (SELECT id FROM conversations WHERE team_key = ?)"
                + " OR anchor IN (SELECT id FROM documents WHERE team_key = ?)",
            team,
            team);
    long outbox = 0;
    for (String channel : channels) {
      threads += sql.update("DELETE FROM threads WHERE channel_key = ?", channel);
      outbox += sql.update("DELETE FROM outbox WHERE channel_key = ?", channel);
    }
    // Direct messages have no channel of the team's: they are the team's by their team.
    outbox += sql.update("DELETE FROM outbox WHERE team_key = ?", team);
    n.put("threads", threads);
    n.put("outbox entries", outbox);
    n.put(
        "answers",
        (long)
            sql.update(
                "DELETE FROM answers WHERE conversation_id IN"
                    + " (SELECT id FROM conversations WHERE team_key = ?)",
                team));
    n.put("conversations", (long) sql.update("DELETE FROM conversations WHERE team_key = ?", team));
    n.put("documents", (long) sql.update("DELETE FROM documents WHERE team_key = ?", team));
    n.put("ledger entries", (long) sql.update("DELETE FROM ledger WHERE team_key = ?", team));
    n.put("ledger totals", (long) sql.update("DELETE FROM ledger_totals WHERE team_key = ?", team));
    n.put("disputes", (long) sql.update("DELETE FROM disputes WHERE team_key = ?", team));
    return new Erased(n);
  }

  @Override
  public Erased user(String team, String user) {
    Map<String, Long> n = new HashMap<>();
    long answers =
        sql.update(
            "DELETE FROM answers WHERE conversation_id IN"
                + " (SELECT id FROM conversations WHERE team_key = ? AND owner_key = ?)",
            team,
            user);
    answers +=
        sql.update(
            "DELETE FROM answers WHERE user_key = ? AND conversation_id IN"
                + " (SELECT id FROM conversations WHERE team_key = ?)",
            user,
            team);
    n.put("answers", answers);
    n.put(
        "conversations",
        (long)
            sql.update(
                "DELETE FROM conversations WHERE team_key = ? AND owner_key = ?", team, user));

    // Group totals sum several people: recount the groups this person scored in afterwards.
    List<String[]> groups =
        sql.list(
            "SELECT DISTINCT competition, group_name FROM ledger WHERE team_key = ?"
                + " AND user_key = ? AND competition IS NOT NULL AND group_name IS NOT NULL",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            team,
            user);
    n.put(
        "ledger entries",
        (long) sql.update("DELETE FROM ledger WHERE team_key = ? AND user_key = ?", team, user));
    long totals =
        sql.update(
            "DELETE FROM ledger_totals WHERE team_key = ? AND name = ? AND substr(scope, 1, 3) <>"
                + " 'kg:'",
            team,
            user);
    for (String[] g : groups) {
      String scope = "kg:" + g[0];
      long[] left =
          sql.one(
                  "SELECT COUNT(*), COALESCE(SUM(points), 0), COALESCE(MAX(at), 0) FROM ledger"
                      + " WHERE team_key = ? AND competition = ? AND group_name = ?",
                  rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                  team,
                  g[0],
                  g[1])
              .orElseThrow();
      if (left[0] == 0) {
        totals +=
            sql.update(
                "DELETE FROM ledger_totals WHERE team_key = ? AND scope = ? AND name = ?",
                team,
                scope,
                g[1]);
      } else {
        sql.update(
            "UPDATE ledger_totals SET entries = ?, points = ?, last_at = ?"
                + " WHERE team_key = ? AND scope = ? AND name = ?",
            left[0],
            left[1],
            left[2],
            team,
            scope,
            g[1]);
      }
    }
    n.put("ledger totals", totals);

    long documents = 0;
    List<String[]> named =
        sql.list(
            "SELECT kind, id FROM documents WHERE team_key = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            team);
    for (String[] d : named) {
      if (Erasure.namesUser(d[1], user)) {
        documents += sql.update("DELETE FROM documents WHERE kind = ? AND id = ?", d[0], d[1]);
      }
    }
    n.put("documents", documents);
    // The direct messages to the person (what they were told privately).
    n.put(
        "outbox entries",
        (long)
            sql.update(
                "DELETE FROM outbox WHERE channel_key = ? AND team_key = ?", address(user), team));
    n.put(
        "disputes",
        (long) sql.update("DELETE FROM disputes WHERE team_key = ? AND user_key = ?", team, user));
    return new Erased(n);
  }

  /** The address of a person's direct messages; a key that names no person has none. */
  private static String address(String userKey) {
    try {
      return Outbound.Direct.addressOf(UserRef.parse(userKey)).key();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  @Override
  public int cancelPending(String team, Instant now) {
    int cancelled = 0;
    for (String channel : channels(team)) {
      cancelled +=
          sql.update(
              "DELETE FROM outbox WHERE channel_key = ? AND status = 'pending'"
                  + " AND "
                  + JdbcOutbox.NOT_LEASED,
              channel,
              now);
    }
    cancelled +=
        sql.update(
            "DELETE FROM outbox WHERE team_key = ? AND status = 'pending' AND "
                + JdbcOutbox.NOT_LEASED,
            team,
            now);
    return cancelled;
  }
}
