package dev.sparring.ops;

import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.config.Secrets;
import dev.sparring.config.SparringConfig;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.JdbcStore;
import dev.sparring.store.jdbc.PostgresStore;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.store.jdbc.StoreCopy;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparring store migrate|copy|export}: schema and data tools for the SQL stores. */
@Command(
    name = "store",
    description = "Migrate, copy or export the store.",
    subcommands = {
      StoreCommand.Migrate.class,
      StoreCommand.Copy.class,
      StoreCommand.Export.class,
      CommandLine.HelpCommand.class
    })
public final class StoreCommand {

  /**
   * Opens a store named like {@code sqlite:data/sparring.db} or {@code
   * postgres:jdbc:postgresql://db/sparring} (user and password from SPARRING_DB_USER and
   * SPARRING_DB_PASSWORD).
   */
  static JdbcStore open(String location) {
    if (location.startsWith("sqlite:")) {
      return SqliteStore.open(Path.of(location.substring(7)), SqliteStore.Durability.FULL);
    }
    String url = location.startsWith("postgres:") ? location.substring(9) : location;
    if (url.startsWith("jdbc:postgresql:")) {
      return PostgresStore.open(
          url, System.getenv("SPARRING_DB_USER"), System.getenv(Secrets.DATABASE_PASSWORD), 4);
    }
    throw new IllegalArgumentException(
        "'" + location + "' is not sqlite:PATH or postgres:jdbc:postgresql://HOST/DB");
  }

  @Command(name = "migrate", description = "Bring the configured store's schema up to date.")
  static final class Migrate implements Callable<Integer> {
    @Mixin Startup startup = new Startup();

    @Override
    public Integer call() {
      Startup.quietLogs();
      SparringConfig config = startup.loadConfig();
      try (Store store = Sparring.openStore(config, startup.data)) {
        System.out.println("Schema up to date: " + store.describe());
      }
      return 0;
    }
  }

  @Command(
      name = "copy",
      description =
          "Copy everything from one SQL store into an empty one, verified by counts and checksums.")
  static final class Copy implements Callable<Integer> {
    @Option(
        names = "--from",
        required = true,
        paramLabel = "STORE",
        description = "sqlite:PATH or postgres:JDBC-URL")
    String from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "STORE",
        description = "sqlite:PATH or postgres:JDBC-URL")
    String to;

    @Override
    public Integer call() {
      Startup.quietLogs();
      if (from.startsWith("sqlite:") && !Files.isRegularFile(Path.of(from.substring(7)))) {
        System.err.println("sparring store copy: no SQLite database at " + from.substring(7));
        return 1;
      }
      try (JdbcStore source = open(from);
          JdbcStore target = open(to)) {
        List<StoreCopy.TableSummary> tables = StoreCopy.copy(source, target);
        long rows = 0;
        for (StoreCopy.TableSummary t : tables) {
          System.out.printf(
              "%-16s %8d rows  sha256 %s%n", t.table(), t.rows(), t.sha256().substring(0, 16));
          rows += t.rows();
        }
        System.out.println(
            "Copied "
                + rows
                + " rows from "
                + source.describe()
                + " to "
                + target.describe()
                + "; counts and checksums match.");
      }
      return 0;
    }
  }

  @Command(name = "export", description = "Write every row as JSON Lines (a backup).")
  static final class Export implements Callable<Integer> {
    @Mixin Startup startup = new Startup();

    @Option(names = "--jsonl", description = "JSON Lines (the only format).", defaultValue = "true")
    boolean jsonl;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Option(
        names = "--from",
        paramLabel = "STORE",
        description = "Another store than the configured one.")
    String from;

    @Override
    public Integer call() throws Exception {
      Startup.quietLogs();
      Store store =
          from != null ? open(from) : Sparring.openStore(startup.loadConfig(), startup.data);
      try (store) {
        if (!(store instanceof JdbcStore jdbc)) {
          System.err.println("sparring store export: the memory store has nothing to export");
          return 1;
        }
        try (Writer w =
            out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          long rows = StoreCopy.exportJsonl(jdbc, w);
          w.flush();
          System.err.println("Exported " + rows + " rows.");
        }
      }
      return 0;
    }
  }
}
