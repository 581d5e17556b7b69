package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.config.ConfigLoader;
import dev.sparring.config.SparringConfig;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.Document;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.testing.Harness;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the application converts the SM-2 drill cards an earlier version stored. */
class DrillMigrationStartupTest {

  @TempDir Path dir;

  @Test
  void startUpRewritesSm2CardsAsFsrs() throws Exception {
    Path file = dir.resolve("sparring.yaml");
    Files.writeString(
        file,
        "bank:\n  paths: ['"
            + TestPacks.root()
            + "']\nstore:\n  type: sqlite\ngrading:\n  meaning: false\n",
        StandardCharsets.UTF_8);
    SparringConfig config = new ConfigLoader(Map.of()).load(file);
    String id = Harness.TEAM.key() + "#" + Harness.user("ana").key() + "#demo-basic";
    try (Store old =
        SqliteStore.open(
            dir.resolve("data").resolve("sparring.db"), SqliteStore.Durability.NORMAL)) {
      old.transact(
          tx -> {
            tx.documents()
                .put(
                    Document.create(
                        "drill.card",
                        id,
                        Harness.TEAM.key(),
                        "{\"questionId\":\"demo-basic\",\"ease\":2.5,\"intervalDays\":6,\"reps\":2,"
                            + "\"lapses\":0,\"reviews\":2,\"lastReview\":\"2026-02-25T09:00:00Z\","
                            + "\"due\":\"2026-03-03T09:00:00Z\"}",
                        java.time.Instant.parse("2026-03-03T09:00:00Z")));
            return null;
          });
    }
    MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    try (Sparring app = Sparring.start(config, dir.resolve("data"), clock, List.of())) {
      String body =
          app.store().transact(tx -> tx.documents().get("drill.card", id)).orElseThrow().body();
      assertThat(body)
          .doesNotContain("\"ease\"")
          .contains("\"state\":\"REVIEW\"")
          .contains("\"stability\":6.0");
      Bot.Result stats =
          app.bot()
              .handle(
                  new Inbound.CommandInvoked(
                      "console:s1",
                      Harness.TEAM,
                      Harness.CHANNEL,
                      Harness.actor("ana"),
                      "drill stats"));
      assertThat(stats.ephemerals().get(0).message().bodyText())
          .contains("**Cards:** 1 of 2 questions")
          .contains("**Reviews:** 2, retention 100%")
          .contains("**Next review:** in 2 days");
    }
  }
}
