package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.testing.Harness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process (a backup, an {@code sqlite3} shell, an operator command) shares the SQLite file
 * with the bot. The bot must not hold the write lock while idle, must fail fast while someone else
 * holds it (so the platform retries instead of timing out), and must recover by itself afterwards.
 */
class SqliteLockTest {

  /** Slack's (and Discord's) acknowledgement budget: a request must be answered within it. */
  private static final Duration ACK_BUDGET = Duration.ofSeconds(3);

  @TempDir Path dir;
  private Path file;
  private Harness h;

  @BeforeEach
  void open() {
    file = dir.resolve("sparring.db");
    h = new Harness(SqliteStore.open(file, SqliteStore.Durability.NORMAL));
  }

  @AfterEach
  void close() {
    h.close();
  }

  /** A plain JDBC connection of "another process", waiting at most {@code busyMillis} for locks. */
  private Connection outside(int busyMillis) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = " + busyMillis);
    }
    return c;
  }

  private Optional<String> kv(String scope, String name) {
    return h.store.transact(tx -> tx.kv().get(scope, name));
  }

  private String startInterview() {
    h.command("ana", "interview demo-senior");
    return h.drainAndLastThread();
  }

  /** Runs {@code caller}, which must fail (or report not ready); returns how long it took. */
  private static Duration failsWithin(Callable<Object> caller) {
    long start = System.nanoTime();
    try {
      assertThat(caller.call()).as("a call that needs the write lock succeeded").isNull();
    } catch (StoreException expected) {
      assertThat(expected).hasMessageContaining("is locked");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void anIdleBotLeavesTheWriteLockToOthers() throws Exception {
    String thread = startInterview();
    h.reply("ana", thread, "Make it idempotent with a dedup table keyed by event id.");
    h.dispatcher.drain();
    // The bot is idle now: an outside writer gets the lock at once, and the bot sees its write.
    try (Connection c = outside(200);
        Statement st = c.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      st.executeUpdate(
          "INSERT INTO key_values (scope, name, value) VALUES ('ops', 'note', 'backup done')");
      st.execute("COMMIT");
    }
    assertThat(kv("ops", "note")).contains("backup done");
  }

  @Test
  void aLongOutsideLockFailsRequestsFastAndEverythingCompletesAfterIt() throws Exception {
    String thread = startInterview();
    // Acknowledged before the lock: its follow-up is queued but not yet delivered.
    h.reply("ana", thread, "Make it idempotent with a dedup table keyed by event id.");
    String retriedKey = h.nextKey();
    String secondAnswer = "Redrive after fixing, alarm when not empty.";

    try (Connection backup = outside(1_000);
        Statement st = backup.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM outbox")) {
        rs.next(); // a backup reading while it holds the lock
      }

      // Everything arriving while the lock is held fails within the acknowledgement budget, each
      // caller on its own (no queue behind a stuck one): a new event, which the platform will
      // retry; plain writes; a delivery round; and the readiness check, which reports the outage.
      List<Callable<Object>> callers = new ArrayList<>();
      callers.add(() -> h.reply(retriedKey, "ana", thread, secondAnswer));
      for (int i = 0; i < 5; i++) {
        String name = "k" + i;
        callers.add(
            () ->
                h.store.transact(
                    tx -> {
                      tx.kv().put("race", name, "v");
                      return null;
                    }));
      }
      callers.add(() -> h.dispatcher.runOnce());
      callers.add(() -> h.store.ping() ? "ready" : null);
      ExecutorService pool = Executors.newFixedThreadPool(callers.size());
      try {
        List<Future<Duration>> waits = new ArrayList<>();
        for (Callable<Object> caller : callers) {
          waits.add(pool.submit(() -> failsWithin(caller)));
        }
        for (Future<Duration> w : waits) {
          assertThat(w.get(30, TimeUnit.SECONDS)).isLessThan(ACK_BUDGET);
        }
      } finally {
        pool.shutdownNow();
      }

      st.execute("COMMIT");
    }

    // The lock is gone: readiness is back, the acknowledged follow-up goes out, and the retried
    // event (same key) applies once, as if the failed attempt had never happened.
    assertThat(h.store.ping()).isTrue();
    assertThat(h.threadTitles(thread)).isEmpty();
    h.dispatcher.drain();
    assertThat(h.threadTitles(thread)).containsExactly("Follow-up 1 of 3");
    assertThat(h.reply(retriedKey, "ana", thread, secondAnswer).duplicate()).isFalse();
    assertThat(h.reply(retriedKey, "ana", thread, secondAnswer).duplicate()).isTrue();
    h.dispatcher.drain();
    assertThat(h.threadTitles(thread)).containsExactly("Follow-up 1 of 3", "Follow-up 2 of 3");
    assertThat(kv("race", "k0")).isEmpty();
  }
}
