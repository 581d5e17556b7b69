package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.config.ConfigLoader;
import dev.sparring.config.SparringConfig;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.testing.Harness;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TeamQuestions;
import dev.sparring.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An approved team question lives in the database: a restarted application still asks it. */
class TeamPackRestartTest {

  @TempDir Path dir;

  private static Bot.Result command(Sparring app, String key, String text) {
    return app.bot()
        .handle(
            new Inbound.CommandInvoked(
                key, Harness.TEAM, Harness.CHANNEL, Harness.actor("ana"), text));
  }

  @Test
  void aRestartedApplicationOnTheSameSqliteFileStillAsksTheTeamQuestion() throws Exception {
    Path file = dir.resolve("sparring.yaml");
    Files.writeString(
        file,
        "bank:\n  paths: ['"
            + TestPacks.root()
            + "']\nstore:\n  type: sqlite\ngrading:\n  meaning: false\n",
        StandardCharsets.UTF_8);
    SparringConfig config = new ConfigLoader(Map.of()).load(file);
    MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
    String id;
    try (Sparring app = Sparring.start(config, dir.resolve("data"), clock, List.of())) {
      id = TeamQuestions.approve(app.bot(), Harness.TEAM, Harness.CHANNEL, "ana", "boss");
    }
    try (Sparring app = Sparring.start(config, dir.resolve("data"), clock, List.of())) {
      assertThat(Harness.said(command(app, "console:r1", "interview pack team")))
          .isEqualTo("Your interview on `" + id + "` is in a new thread: answer there.");
      String asked =
          app.store()
              .transact(
                  tx ->
                      tx.conversations()
                          .active(Harness.TEAM.key(), Harness.user("ana").key(), "interview"))
              .orElseThrow()
              .questionId();
      assertThat(asked).isEqualTo(id);
    }
  }
}
