package dev.sparring.store.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The schema migrations this build ships, and the two cases in which start-up needs no Flyway: a
 * database whose Flyway history already holds every one of them (a restart, the common launch), and
 * an empty SQLite file (a first launch), which gets them here, with the history Flyway itself would
 * have written, so that Flyway later validates and extends it as its own.
 *
 * <p>Flyway costs the better part of a second at start-up, mostly in loading and running its own
 * classes; it still runs whenever a migration is pending on a database that already has a schema,
 * when the history holds anything unexpected (a failed or unknown migration, another kind of row),
 * and whenever the migration folders hold anything but plain versioned SQL scripts ({@code
 * V<version>__<description>.sql} without placeholders): Flyway keeps the last word on all of it.
 */
final class Migrations {

  /** The table Flyway keeps its history in. */
  static final String HISTORY = "flyway_schema_history";

  /** Flyway's SQLite history table, as Flyway creates it (13.x). */
  static final String SQLITE_HISTORY_DDL =
      "CREATE TABLE \"main\".\""
          + HISTORY
          + "\" (\n"
          + "    \"installed_rank\" INT NOT NULL PRIMARY KEY,\n"
          + "    \"version\" VARCHAR(50),\n"
          + "    \"description\" VARCHAR(200) NOT NULL,\n"
          + "    \"type\" VARCHAR(20) NOT NULL,\n"
          + "    \"script\" VARCHAR(1000) NOT NULL,\n"
          + "    \"checksum\" INT,\n"
          + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
          + "    \"installed_on\" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),\n"
          + "    \"execution_time\" INT NOT NULL,\n"
          + "    \"success\" BOOLEAN NOT NULL\n"
          + ")";

  static final String SQLITE_HISTORY_INDEX =
      "CREATE INDEX \"main\".\"" + HISTORY + "_s_idx\" ON \"" + HISTORY + "\" (\"success\")";

  /** A plain versioned migration's file name: version digits (no leading zero) and description. */
  private static final Pattern VERSIONED =
      Pattern.compile("V((?:0|[1-9][0-9]*)(?:[._](?:0|[1-9][0-9]*))*)__([^/]+)\\.sql");

  /** One versioned SQL migration, as Flyway names and checksums it. */
  record Script(String version, String description, String script, int checksum, String sql) {

    /** The version's numbers, for ordering (1 < 2 < 10, 1.1 < 1.2). */
    List<BigInteger> numbers() {
      List<BigInteger> out = new ArrayList<>();
      for (String part : version.split("\\.")) {
        out.add(new BigInteger(part));
      }
      return out;
    }
  }

  private static final Comparator<Script> BY_VERSION =
      (a, b) -> {
        List<BigInteger> x = a.numbers();
        List<BigInteger> y = b.numbers();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
          int c = x.get(i).compareTo(y.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.size(), y.size());
      };

  private Migrations() {}

  private static final Map<Dialect, java.util.Optional<List<Script>>> SHIPPED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** {@link #shipped(Dialect, ClassLoader)} of this class's loader, listed once per process. */
  static List<Script> shipped(Dialect dialect) {
    return SHIPPED
        .computeIfAbsent(
            dialect,
            d -> java.util.Optional.ofNullable(shipped(d, Migrations.class.getClassLoader())))
        .orElse(null);
  }

  /**
   * The migrations of {@code dialect} this build ships ({@code db/migration/common} and the
   * dialect's folder), in version order; null when a folder holds anything else than plain
   * versioned SQL scripts, or cannot be listed, or a version is there twice: Flyway decides then.
   */
  static List<Script> shipped(Dialect dialect, ClassLoader loader) {
    List<String> locations =
        List.of("db/migration/common", dialect.migrations().substring("classpath:".length()));
    Map<String, String> found = new HashMap<>();
    try {
      for (String location : locations) {
        Enumeration<URL> roots = loader.getResources(location);
        while (roots.hasMoreElements()) {
          if (!list(roots.nextElement(), location, loader, found)) {
            return null;
          }
        }
      }
    } catch (IOException | UncheckedIOException | URISyntaxException e) {
      return null;
    }
    List<Script> scripts = new ArrayList<>();
    Map<String, String> versions = new HashMap<>();
    for (Map.Entry<String, String> e : found.entrySet()) {
      String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
      Matcher m = VERSIONED.matcher(name);
      String sql = e.getValue();
      if (!m.matches() || sql.contains("${")) {
        return null;
      }
      String version = m.group(1).replace('_', '.');
      if (versions.put(version, name) != null) {
        return null;
      }
      String description = m.group(2).replace('_', ' ');
      scripts.add(new Script(version, description, name, checksum(sql), withoutBom(sql)));
    }
    scripts.sort(BY_VERSION);
    return scripts;
  }

  /**
   * Adds the resources under {@code location} of one class path root to {@code found} (path to
   * text); false for a root of a kind it cannot list.
   */
  private static boolean list(
      URL root, String location, ClassLoader loader, Map<String, String> found)
      throws IOException, URISyntaxException {
    switch (root.getProtocol()) {
      case "file" -> {
        Path dir = Path.of(root.toURI());
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
            found.put(
                location + "/" + dir.relativize(f).toString().replace('\\', '/'),
                Files.readString(f, StandardCharsets.UTF_8));
          }
        }
        return true;
      }
      case "jar" -> {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          String prefix = location + "/";
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
              try (InputStream in = jar.getInputStream(entry)) {
                found.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
              }
            }
          }
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Flyway's checksum of a script: CRC-32 of its lines' UTF-8 bytes, without line breaks. */
  static int checksum(String text) {
    CRC32 crc = new CRC32();
    try (BufferedReader lines = new BufferedReader(new StringReader(text), 4096)) {
      String line = lines.readLine();
      if (line != null) {
        line = withoutBom(line);
        do {
          crc.update(line.getBytes(StandardCharsets.UTF_8));
        } while ((line = lines.readLine()) != null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc.getValue();
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Whether the history on {@code c} shows exactly {@code shipped} applied, each successfully and
   * unchanged (version, description, script and checksum); false when there is no history yet or it
   * holds anything else.
   */
  static boolean upToDate(Connection c, List<Script> shipped) {
    Map<String, Script> byVersion = new HashMap<>();
    shipped.forEach(s -> byVersion.put(s.version(), s));
    int seen = 0;
    try (Statement st = c.createStatement();
        ResultSet rows =
            st.executeQuery(
                "SELECT version, description, type, script, checksum, success FROM " + HISTORY)) {
      while (rows.next()) {
        Script s = byVersion.remove(rows.getString(1));
        int checksum = rows.getInt(5);
        boolean noChecksum = rows.wasNull();
        if (s == null
            || !s.description().equals(rows.getString(2))
            || !"SQL".equals(rows.getString(3))
            || !s.script().equals(rows.getString(4))
            || noChecksum
            || checksum != s.checksum()
            || !rows.getBoolean(6)) {
          return false;
        }
        seen++;
      }
    } catch (SQLException e) {
      return false; // no history table (a new database): Flyway or createFresh decides
    }
    return seen == shipped.size() && byVersion.isEmpty();
  }

  /**
   * Applies {@code shipped} to an SQLite database that holds nothing yet, in one transaction that
   * holds the write lock, and records them in a history table as Flyway would have (so Flyway
   * validates it later and adds the next migration to it); false, with nothing changed, when the
   * database is not empty (another process may have just created it) or a script fails.
   */
  static boolean createFresh(Connection c, List<Script> shipped) {
    try (Statement st = c.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      boolean done = false;
      try {
        try (ResultSet n = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
          if (!n.next() || n.getInt(1) != 0) {
            return false;
          }
        }
        st.executeUpdate(SQLITE_HISTORY_DDL);
        st.executeUpdate(SQLITE_HISTORY_INDEX);
        try (PreparedStatement record =
            c.prepareStatement(
                "INSERT INTO \""
                    + HISTORY
                    + "\" (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (?, ?, ?, 'SQL', ?, ?, '', ?,"
                    + " 1)")) {
          int rank = 1;
          for (Script s : shipped) {
            long started = System.nanoTime();
            // The driver runs every statement of the script (sqlite3_exec).
            st.executeUpdate(s.sql());
            record.setInt(1, rank++);
            record.setString(2, s.version());
            record.setString(3, s.description());
            record.setString(4, s.script());
            record.setInt(5, s.checksum());
            record.setInt(6, (int) ((System.nanoTime() - started) / 1_000_000));
            record.executeUpdate();
          }
        }
        st.execute("COMMIT");
        done = true;
        return true;
      } finally {
        if (!done) {
          st.execute("ROLLBACK");
        }
      }
    } catch (SQLException e) {
      return false; // Flyway runs, and reports whatever is wrong
    }
  }
}
