package dev.sparring;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.AppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Security rules read from the source: what no reviewer should have to remember to check. */
class SourceRulesTest {

  private static final Path MAIN = Path.of("src", "main", "java");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  @Test
  void slackSignatureChecksCannotBeSwitchedOff() throws IOException {
    // Bolt verifies signatures and the five-minute replay window unless told not to; nothing in
    // Sparring may tell it so (no setting, no environment variable, no test hook in main code).
    assertThat(AppConfig.builder().build().isRequestVerificationEnabled()).isTrue();
    for (Path p : sources()) {
      assertThat(Files.readString(p))
          .as(p.toString())
          .doesNotContain("requestVerificationEnabled")
          .doesNotContain("RequestVerificationEnabled");
    }
  }

  /**
   * SQL reaches the database only as prepared statements with {@code ?} placeholders, through
   * {@code Sql}. The plain statements that remain run fixed text, listed here with why.
   */
  private static final Map<String, String> PLAIN_STATEMENTS =
      Map.of(
          "SqliteStore.java", "PRAGMA with a compile-time constant; SAVEPOINT/RELEASE/ROLLBACK TO",
          "StoreCopy.java", "SELECT * FROM a table named in its own constant TABLES map; setval",
          "PostgresStore.java", "SELECT 1, the health check",
          "Migrations.java",
              "the schema history's fixed DDL and query; the shipped migration scripts, files inside"
                  + " the jar (s.sql()), run as Flyway would; BEGIN/COMMIT/ROLLBACK");

  /**
   * Plain statements that run something other than literal text, each one by name (as the pattern
   * reads it, up to its first closing bracket).
   */
  private static final Map<String, String> SHIPPED_SCRIPTS = Map.of("Migrations.java", "s.sql(");

  private static final Pattern PLAIN =
      Pattern.compile("\\.(execute|executeQuery|executeUpdate|addBatch)\\(([^;]*?)\\)\\s*[;)]");

  @Test
  void sqlUsesBoundParametersOnly() throws IOException {
    for (Path p : sources()) {
      String code = Files.readString(p);
      String name = p.getFileName().toString();
      if (code.contains("createStatement(")) {
        assertThat(PLAIN_STATEMENTS).as(name + " runs plain (unprepared) SQL").containsKey(name);
        Matcher m = PLAIN.matcher(code);
        while (m.find()) {
          String argument = m.group(2).replaceAll("\\s+", " ").strip();
          // Literal text, optionally joined to UPPER_CASE constants or the copy tool's table map.
          if (argument.equals(SHIPPED_SCRIPTS.get(name))) {
            continue;
          }
          assertThat(argument)
              .as("%s: %s", name, argument)
              .matches("[A-Z_]+|\"[^\"]*\"( \\+ (\"[^\"]*\"|[A-Z_]+|table|order))*|");
        }
      }
      if (code.contains("prepareStatement(")) {
        // Prepared statements are made in Sql (and the copy tool's insert, from column names the
        // database itself reported).
        // The schema history's rows are written with placeholders too (Migrations).
        assertThat(name).isIn("Sql.java", "StoreCopy.java", "Migrations.java");
      }
    }
  }
}
