package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

  /** Each refused call must end this far inside the budget (it waits {@code LOCK_WAIT}, 2 s). */
  private static final Duration FAIL_FAST = ACK_BUDGET.minusMillis(500);

  /**
   * How long the outside connection holds its lock: longer than SQLite's old 10 s busy timeout,
   * which a request would have waited out in full.
   */
  private static final Duration HOLD = Duration.ofSeconds(12);

  /** Rounds of requests during the hold start at least this far apart. */
  private static final Duration PACE = SqliteStore.LOCK_WAIT;

  private static final int MAX_ROUNDS = (int) (HOLD.toMillis() / PACE.toMillis());
  private static final int MIN_ROUNDS = (int) (HOLD.toMillis() / ACK_BUDGET.toMillis());

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
    int sentBefore = h.gateway.sent().size();

    ExecutorService pool = Executors.newCachedThreadPool();
    try (Connection backup = outside(1_000);
        Statement st = backup.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      long held = System.nanoTime();
      String before = fingerprint(st); // a backup reading while it holds the lock

      // For the whole hold (longer than SQLite's old 10 s busy timeout), the bot keeps being
      // asked, and everything fails within the acknowledgement budget, each caller on its own
      // (no queue behind a stuck one): a new event, which the platform retries under the same
      // key; plain writes; a delivery round; and the readiness check, which reports the outage.
      // Rounds start at least PACE apart (a failing call itself takes about LOCK_WAIT), so there
      // are at most HOLD / PACE of them.
      int rounds = 0;
      do {
        long roundStart = System.nanoTime();
        int round = rounds++;
        assertThat(rounds).as("rounds during the hold").isLessThanOrEqualTo(MAX_ROUNDS);
        List<Callable<Object>> callers = new ArrayList<>();
        callers.add(() -> h.reply(retriedKey, "ana", thread, secondAnswer));
        for (int i = 0; i < 5; i++) {
          String name = "k" + (round * 5 + i);
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
        List<Future<Duration>> waits = new ArrayList<>();
        for (Callable<Object> caller : callers) {
          waits.add(pool.submit(() -> failsWithin(caller)));
        }
        for (Future<Duration> w : waits) {
          // A caller that hangs fails the test here, not after the hold.
          Duration took = w.get(ACK_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
          assertThat(took).as("round %d: one call", round + 1).isLessThan(FAIL_FAST);
        }
        assertThat(h.gateway.sent()).as("delivered during the hold").hasSize(sentBefore);
        await()
            .atMost(PACE.plusSeconds(1))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(50))
            .until(() -> since(roundStart).compareTo(PACE) >= 0);
      } while (since(held).compareTo(HOLD) < 0);

      assertThat(since(held)).isGreaterThanOrEqualTo(HOLD);
      assertThat(rounds).as("rounds during the hold").isGreaterThanOrEqualTo(MIN_ROUNDS);
      assertThat(fingerprint(st)).as("rows after the hold").isEqualTo(before);
      st.execute("COMMIT");
    } finally {
      pool.shutdownNow();
    }

    // The lock is gone: readiness is back, the acknowledged follow-up goes out, and the retried
    // event (same key) applies once, as if the failed attempts had never happened.
    assertThat(h.store.ping()).isTrue();
    assertThat(h.threadTitles(thread)).isEmpty();
    h.dispatcher.drain();
    assertThat(h.threadTitles(thread)).containsExactly("Follow-up 1 of 3");
    assertThat(h.reply(retriedKey, "ana", thread, secondAnswer).duplicate()).isFalse();
    assertThat(h.reply(retriedKey, "ana", thread, secondAnswer).duplicate()).isTrue();
    h.dispatcher.drain();
    assertThat(h.threadTitles(thread)).containsExactly("Follow-up 1 of 3", "Follow-up 2 of 3");
    assertThat(kv("race", "k0")).isEmpty();
    // None of the writes refused during the hold was applied later either; new writes work.
    h.store.transact(
        tx -> {
          tx.kv().put("race", "after", "v");
          return null;
        });
    try (Connection c = outside(1_000);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM key_values WHERE scope = 'race'")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      assertThat(names).containsExactly("after");
    }
  }

  /** Row counts of the tables the bot writes, and the outbox's states: equal means unchanged. */
  private static String fingerprint(Statement st) throws SQLException {
    StringBuilder out = new StringBuilder();
    for (String table :
        List.of("inbound_events", "conversations", "answers", "threads", "outbox", "key_values")) {
      try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        out.append(table).append('=').append(rs.getLong(1)).append(' ');
      }
    }
    try (ResultSet rs =
        st.executeQuery(
            "SELECT status, COUNT(*), COUNT(lease_owner) FROM outbox GROUP BY status ORDER BY 1")) {
      while (rs.next()) {
        out.append("outbox/").append(rs.getString(1)).append('=').append(rs.getLong(2));
        out.append(" leased=").append(rs.getLong(3)).append(' ');
      }
    }
    return out.toString();
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }
}
