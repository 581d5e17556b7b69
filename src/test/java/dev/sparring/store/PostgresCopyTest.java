package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.chat.Outbound;
import dev.sparring.store.jdbc.PostgresStore;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.store.jdbc.StoreCopy;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.Postgres;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a team from the embedded SQLite store to PostgreSQL keeps every row. */
class PostgresCopyTest {

  @TempDir Path dir;

  /** A SQLite store with a bit of everything: interviews, a daily post, answers, points. */
  private Path seededSqlite() {
    Path file = dir.resolve("sparring.db");
    try (Harness h =
        new Harness(SqliteStore.open(file, SqliteStore.Durability.NORMAL), Features.all())) {
      h.clock.set(Instant.parse("2026-03-02T08:00:00Z"));
      h.command("ana", "interview demo-senior");
      String t = h.drainAndLastThread();
      h.reply("ana", t, "idempotent with a DLQ");
      h.admin("ana", "daily on 09:00 UTC daily demo beginner");
      h.admin("ana", "daily now");
      h.dispatcher.drain();
      String daily =
          h.gateway.sent().stream()
              .filter(
                  s ->
                      s.message() instanceof Outbound.Post p
                          && p.anchor() != null
                          && p.anchor().startsWith("dp:"))
              .findFirst()
              .orElseThrow()
              .platformId();
      h.reply("bo", daily, "It decouples producers and consumers.");
      h.admin("ana", "reveal");
      h.dispatcher.drain();
      h.store.transact(
          tx -> {
            tx.kv().put("console", "active:console:C1:ana", t);
            tx.disputes()
                .add(
                    new Dispute(
                        Harness.TEAM.key(),
                        Harness.CHANNEL.key(),
                        Harness.user("bo").key(),
                        "dy:dp:" + Harness.CHANNEL.key() + "#2026-03-02",
                        "demo-basic",
                        0,
                        2,
                        "It absorbs bursts of load.",
                        "It decouples producers and consumers.",
                        "I meant bursts too",
                        h.clock.instant()));
            return null;
          });
    }
    return file;
  }

  @Test
  void aCopyPreservesEveryRowAndTheBotCarriesOnOnPostgres() {
    Path file = seededSqlite();
    String url = Postgres.freshDatabase();
    List<StoreCopy.TableSummary> copied;
    try (SqliteStore source = SqliteStore.open(file, SqliteStore.Durability.NORMAL);
        PostgresStore target = Postgres.open(url)) {
      copied = StoreCopy.copy(source, target);
      assertThat(StoreCopy.summarize(target)).isEqualTo(StoreCopy.summarize(source));
      assertThatThrownBy(() -> StoreCopy.copy(source, target))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("already has data");
    }
    assertThat(copied)
        .extracting(StoreCopy.TableSummary::table)
        .contains("ledger", "documents", "outbox");
    assertThat(copied).allSatisfy(t -> assertThat(t.rows()).as(t.table()).isPositive());

    // The interview goes on where it was, on the new store: follow-up 2 next.
    try (Harness h = new Harness(Postgres.open(url), Features.all())) {
      String thread =
          h.store
              .transact(
                  tx -> tx.conversations().active(Harness.TEAM.key(), "console:ana", "interview"))
              .flatMap(c -> h.store.transact(tx -> tx.threads().get(c.id())))
              .orElseThrow()
              .platformId();
      h.reply("console:after-copy", "ana", thread, "second answer");
      h.dispatcher.drain();
      assertThat(h.threadTitles(thread)).containsExactly("Follow-up 2 of 3");
      // New outbox rows continue after the copied ids.
      long pending = h.store.transact(tx -> tx.outbox().pending());
      assertThat(pending).isZero();
    }
  }

  @Test
  void exportWritesEveryRowAsJsonLines() {
    Path file = seededSqlite();
    try (SqliteStore source = SqliteStore.open(file, SqliteStore.Durability.NORMAL)) {
      StringWriter out = new StringWriter();
      long rows = StoreCopy.exportJsonl(source, out);
      long expected =
          StoreCopy.summarize(source).stream().mapToLong(StoreCopy.TableSummary::rows).sum();
      assertThat(rows).isEqualTo(expected);
      assertThat(out.toString().lines())
          .hasSize((int) expected)
          .allSatisfy(l -> assertThat(l).startsWith("{\"table\":\"").contains("\"row\":{"));
    }
  }
}
