package dev.sparring.store.jdbc;

import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Ledger} in SQL shared by SQLite and PostgreSQL. */
final class JdbcLedger implements Ledger {

  private static final String LEDGER_COLUMNS =
      "entry_key, team_key, channel_key, user_key, group_name, season, competition, reason,"
          + " points, at";

  private final Sql sql;
  private final Dialect dialect;

  JdbcLedger(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.dialect = dialect;
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
        JdbcLedger::standing,
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
            JdbcLedger::standing,
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
            "SELECT COUNT(*) FROM ledger_totals WHERE team_key = ? AND scope = ?", q.team(), scope);
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
        JdbcLedger::entry,
        team,
        user,
        limit);
  }
}
