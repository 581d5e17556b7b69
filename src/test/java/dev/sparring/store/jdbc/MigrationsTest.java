package dev.sparring.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.store.StoreException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  @TempDir Path dir;

  private static DataSource sqlite(Path file) {
    return SqliteStore.dataSource(file, SqliteStore.Durability.FULL);
  }

  private static Flyway flyway(DataSource ds, String... locations) {
    return Flyway.configure().dataSource(ds).locations(locations).loggers("slf4j").load();
  }

  private static Flyway shippedFlyway(DataSource ds, Dialect dialect) {
    return flyway(ds, "classpath:db/migration/common", dialect.migrations());
  }

  private static List<Migrations.Script> shipped(Dialect dialect) {
    return Migrations.shipped(dialect, MigrationsTest.class.getClassLoader());
  }

  /** The schema's objects (type, name, table, SQL), sorted. */
  private static TreeSet<String> schema(DataSource ds) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    try (Connection c = ds.getConnection();
        ResultSet rows =
            c.createStatement()
                .executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master")) {
      while (rows.next()) {
        out.add(
            rows.getString(1)
                + " "
                + rows.getString(2)
                + " on "
                + rows.getString(3)
                + ": "
                + rows.getString(4));
      }
    }
    return out;
  }

  /** The history rows but for when each was applied and how long it took. */
  private static List<String> history(DataSource ds) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "SELECT installed_rank, version, description, type, script, checksum,"
                        + " installed_by, success, typeof(installed_on), typeof(execution_time)"
                        + " FROM flyway_schema_history ORDER BY installed_rank")) {
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
          row.add(rows.getString(i));
        }
        out.add(String.join("|", row));
      }
    }
    return out;
  }

  private static void execute(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  @Test
  void theShippedScriptsAreThoseFlywayResolvesWithItsChecksums() {
    for (Dialect dialect : Dialect.values()) {
      DataSource empty = sqlite(dir.resolve(dialect + ".db"));
      List<String> flyway = new ArrayList<>();
      for (MigrationInfo m : shippedFlyway(empty, dialect).info().pending()) {
        flyway.add(
            m.getVersion().getVersion()
                + " "
                + m.getDescription()
                + " "
                + m.getScript()
                + " "
                + m.getChecksum());
      }
      List<String> ours =
          shipped(dialect).stream()
              .map(s -> s.version() + " " + s.description() + " " + s.script() + " " + s.checksum())
              .toList();
      assertThat(ours).as("%s", dialect).hasSizeGreaterThan(5).isEqualTo(flyway);
    }
  }

  @Test
  void aNewFileGetsTheSchemaAndHistoryFlywayWouldHaveWritten() throws Exception {
    DataSource ours = sqlite(dir.resolve("ours.db"));
    DataSource flyways = sqlite(dir.resolve("flyway.db"));
    assertThat(JdbcStore.migrate(ours, Dialect.SQLITE))
        .isEqualTo(
            new JdbcStore.Migrated(JdbcStore.Migrated.How.CREATED, shipped(Dialect.SQLITE).size()));
    JdbcStore.flyway(flyways, Dialect.SQLITE);

    assertThat(schema(ours)).isEqualTo(schema(flyways)).anyMatch(s -> s.contains("outbox"));
    assertThat(history(ours)).isEqualTo(history(flyways)).hasSize(shipped(Dialect.SQLITE).size());
    // Flyway takes it as its own: valid, nothing pending, every migration a success.
    Flyway flyway = shippedFlyway(ours, Dialect.SQLITE);
    assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(flyway.info().applied())
        .hasSize(shipped(Dialect.SQLITE).size())
        .allMatch(m -> m.getState() == MigrationState.SUCCESS);
  }

  @Test
  void aRestartWithNothingPendingLeavesTheDatabaseAloneWithoutFlyway() throws Exception {
    DataSource ds = sqlite(dir.resolve("s.db"));
    JdbcStore.flyway(ds, Dialect.SQLITE);
    List<String> before = history(ds);
    assertThat(JdbcStore.migrate(ds, Dialect.SQLITE))
        .isEqualTo(new JdbcStore.Migrated(JdbcStore.Migrated.How.UP_TO_DATE, 0));
    assertThat(history(ds)).isEqualTo(before);
  }

  @Test
  void aDatabaseLackingTheNewestMigrationIsMigratedByFlyway() throws Exception {
    List<Migrations.Script> all = shipped(Dialect.SQLITE);
    Migrations.Script newest = all.get(all.size() - 1);
    Migrations.Script before = all.get(all.size() - 2);
    DataSource ds = sqlite(dir.resolve("s.db"));
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration/common", Dialect.SQLITE.migrations())
        .target(before.version())
        .load()
        .migrate();
    assertThat(history(ds)).hasSize(all.size() - 1);

    assertThat(JdbcStore.migrate(ds, Dialect.SQLITE))
        .isEqualTo(new JdbcStore.Migrated(JdbcStore.Migrated.How.FLYWAY, 1));
    assertThat(history(ds)).hasSize(all.size()).last().asString().contains(newest.script());
    assertThat(JdbcStore.migrate(ds, Dialect.SQLITE).how())
        .isEqualTo(JdbcStore.Migrated.How.UP_TO_DATE);
  }

  @Test
  void aFailedOrChangedMigrationInTheHistoryIsLeftToFlywayToRefuse() throws Exception {
    Path failed = dir.resolve("failed.db");
    SqliteStore.open(failed, SqliteStore.Durability.FULL).close();
    execute(sqlite(failed), "UPDATE flyway_schema_history SET success = 0 WHERE version = '2'");
    assertThatThrownBy(() -> SqliteStore.open(failed, SqliteStore.Durability.FULL))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("failed");

    Path changed = dir.resolve("changed.db");
    SqliteStore.open(changed, SqliteStore.Durability.FULL).close();
    execute(
        sqlite(changed),
        "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
    assertThatThrownBy(() -> SqliteStore.open(changed, SqliteStore.Durability.FULL))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void aDatabaseWithTablesButNoHistoryIsNotCreatedOver() throws Exception {
    DataSource ds = sqlite(dir.resolve("s.db"));
    execute(ds, "CREATE TABLE mine (x INTEGER)");
    try (Connection c = ds.getConnection()) {
      assertThat(Migrations.createFresh(c, shipped(Dialect.SQLITE))).isFalse();
    }
    assertThat(schema(ds)).hasSize(1);
  }

  @Test
  void aScriptThatFailsLeavesTheNewFileEmpty() throws Exception {
    DataSource ds = sqlite(dir.resolve("s.db"));
    List<Migrations.Script> broken = new ArrayList<>(shipped(Dialect.SQLITE));
    Migrations.Script last = broken.remove(broken.size() - 1);
    broken.add(
        new Migrations.Script(
            last.version(), last.description(), last.script(), last.checksum(), "CREATE nonsense"));
    try (Connection c = ds.getConnection()) {
      assertThat(Migrations.createFresh(c, broken)).isFalse();
    }
    assertThat(schema(ds)).isEmpty();
  }

  @Test
  void checksumsAreFlywaysWhateverTheLineEndingsAndByteOrderMark() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("sql"));
    String[] texts = {
      "\uFEFFCREATE TABLE a (x INT);\r\n-- caf\u00e9\r\n",
      "CREATE TABLE b (x INT);\n\nCREATE TABLE c (y INT);",
      "CREATE TABLE d (x INT);\r-- old Mac line ends\r",
    };
    for (int i = 0; i < texts.length; i++) {
      Files.writeString(
          folder.resolve("V" + (i + 1) + "__t.sql"), texts[i], StandardCharsets.UTF_8);
    }
    MigrationInfo[] resolved =
        flyway(sqlite(dir.resolve("s.db")), "filesystem:" + folder).info().pending();
    assertThat(resolved).hasSize(texts.length);
    for (int i = 0; i < texts.length; i++) {
      assertThat(Migrations.checksum(texts[i])).as(texts[i]).isEqualTo(resolved[i].getChecksum());
    }
  }

  /** A class loader whose only class path root is {@code root}. */
  private static ClassLoader loaderOf(Path root) throws Exception {
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
  }

  @Test
  void anythingButPlainVersionedScriptsIsLeftToFlyway() throws Exception {
    Path root = dir.resolve("cp");
    Path common = Files.createDirectories(root.resolve("db/migration/common"));
    Files.createDirectories(root.resolve("db/migration/sqlite"));
    Files.writeString(common.resolve("V1__one.sql"), "CREATE TABLE one (x INT);");
    Files.writeString(common.resolve("V1_1__one_more.sql"), "CREATE TABLE two (x INT);");
    List<Migrations.Script> plain = Migrations.shipped(Dialect.SQLITE, loaderOf(root));
    assertThat(plain)
        .extracting(Migrations.Script::version, Migrations.Script::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", "one"),
            org.assertj.core.groups.Tuple.tuple("1.1", "one more"));

    for (String[] other :
        new String[][] {
          {"R__view.sql", "CREATE VIEW v AS SELECT 1;"},
          {"beforeMigrate.sql", "SELECT 1;"},
          {"V2__placeholder.sql", "CREATE TABLE ${name} (x INT);"},
          {"V01__leading_zero.sql", "SELECT 1;"},
          {"V1__same_version.sql", "SELECT 1;"},
          {"notes.txt", "not a migration"},
        }) {
      Path f = common.resolve(other[0]);
      Files.writeString(f, other[1]);
      assertThat(Migrations.shipped(Dialect.SQLITE, loaderOf(root))).as(other[0]).isNull();
      Files.delete(f);
    }
  }
}
