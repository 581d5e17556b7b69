package dev.sparring.store.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.store.StoreException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-database copy and export between JDBC stores (SQLite to PostgreSQL, or back), verified
 * table by table with row counts and SHA-256 checksums over the rows in key order.
 */
public final class StoreCopy {

  /** Every table, with the columns that order its rows. */
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("inbound_events", "event_key");
    TABLES.put("conversations", "id");
    TABLES.put("answers", "conversation_id, step");
    TABLES.put("threads", "anchor");
    TABLES.put("outbox", "id");
    TABLES.put("key_values", "scope, name");
    TABLES.put("documents", "kind, id");
    TABLES.put("ledger", "entry_key");
    TABLES.put("ledger_totals", "team_key, scope, name");
    TABLES.put("disputes", "team_key, answer_ref, user_key, point_no");
  }

  private StoreCopy() {}

  /** Rows and checksum of one table. */
  public record TableSummary(String table, long rows, String sha256) {}

  /**
   * Copies every row of {@code from} into {@code to}, which must be empty, then checks that both
   * sides have the same counts and checksums. Returns the per-table summaries.
   */
  public static List<TableSummary> copy(JdbcStore from, JdbcStore to) {
    List<TableSummary> target = summarize(to);
    for (TableSummary t : target) {
      if (t.rows() > 0) {
        throw new StoreException(
            "the target already has data ("
                + t.rows()
                + " rows in "
                + t.table()
                + "); copy into an empty database");
      }
    }
    from.withConnection(
        source ->
            to.withConnection(
                dest -> {
                  for (Map.Entry<String, String> t : TABLES.entrySet()) {
                    copyTable(source, dest, t.getKey(), t.getValue());
                  }
                  if (to instanceof PostgresStore) {
                    try (Statement s = dest.createStatement()) {
                      s.execute(
                          "SELECT setval(pg_get_serial_sequence('outbox', 'id'),"
                              + " COALESCE((SELECT MAX(id) FROM outbox), 0) + 1, false)");
                    }
                  }
                  return null;
                }));
    List<TableSummary> before = summarize(from);
    List<TableSummary> after = summarize(to);
    if (!before.equals(after)) {
      throw new StoreException(
          "copy verification failed: source " + before + " but target " + after);
    }
    return after;
  }

  private static void copyTable(Connection source, Connection dest, String table, String order)
      throws SQLException {
    try (Statement s = source.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        columns.add(md.getColumnName(i).toLowerCase());
      }
      String insert =
          "INSERT INTO "
              + table
              + " ("
              + String.join(", ", columns)
              + ") VALUES ("
              + String.join(", ", java.util.Collections.nCopies(n, "?"))
              + ")";
      try (PreparedStatement ps = dest.prepareStatement(insert)) {
        int batch = 0;
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            Object v = rs.getObject(i);
            if (v == null) {
              ps.setNull(i, java.sql.Types.NULL);
            } else if (v instanceof Number num && isIntegral(md.getColumnType(i))) {
              ps.setLong(i, num.longValue());
            } else {
              ps.setString(i, v.toString());
            }
          }
          ps.addBatch();
          if (++batch % 500 == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
    }
  }

  private static boolean isIntegral(int sqlType) {
    return sqlType == java.sql.Types.INTEGER
        || sqlType == java.sql.Types.BIGINT
        || sqlType == java.sql.Types.SMALLINT;
  }

  /** Row counts and checksums of every table. */
  public static List<TableSummary> summarize(JdbcStore store) {
    return store.withConnection(
        c -> {
          List<TableSummary> out = new ArrayList<>();
          for (Map.Entry<String, String> t : TABLES.entrySet()) {
            MessageDigest digest = sha256();
            long rows = 0;
            String table = t.getKey();
            String order = t.getValue();
            try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
              int n = rs.getMetaData().getColumnCount();
              while (rs.next()) {
                rows++;
                for (int i = 1; i <= n; i++) {
                  Object v = rs.getObject(i);
                  digest.update(canonical(v).getBytes(StandardCharsets.UTF_8));
                  digest.update((byte) 0x1f);
                }
                digest.update((byte) 0x1e);
              }
            }
            out.add(new TableSummary(t.getKey(), rows, HexFormat.of().formatHex(digest.digest())));
          }
          return out;
        });
  }

  /** Writes every row as a JSON line: {"table": ..., "row": {column: value}}. */
  public static long exportJsonl(JdbcStore store, Writer out) {
    ObjectMapper json = new ObjectMapper();
    return store.withConnection(
        c -> {
          long rows = 0;
          for (Map.Entry<String, String> t : TABLES.entrySet()) {
            String table = t.getKey();
            String order = t.getValue();
            try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
              ResultSetMetaData md = rs.getMetaData();
              while (rs.next()) {
                ObjectNode line = json.createObjectNode();
                line.put("table", t.getKey());
                ObjectNode row = line.putObject("row");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                  Object v = rs.getObject(i);
                  String name = md.getColumnName(i).toLowerCase();
                  if (v == null) {
                    row.putNull(name);
                  } else if (v instanceof Number num && isIntegral(md.getColumnType(i))) {
                    row.put(name, num.longValue());
                  } else {
                    row.put(name, v.toString());
                  }
                }
                try {
                  out.write(json.writeValueAsString(line));
                  out.write('\n');
                } catch (IOException e) {
                  throw new StoreException("export failed: " + e.getMessage(), e);
                }
                rows++;
              }
            }
          }
          return rows;
        });
  }

  /** Numbers compare by value whatever the driver's type (SQLite Integer vs PostgreSQL Long). */
  private static String canonical(Object v) {
    if (v == null) {
      return "\u0000null";
    }
    if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
      return Long.toString(n.longValue());
    }
    return v.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
