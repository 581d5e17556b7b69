package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.testing.ChildProgram;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program in a child process on the embedded SQLite store: SIGKILL after the second reply,
 * restart on the same {@code --data}, and the interview continues with follow-up 3.
 */
class KillAndRestartTest {

  @TempDir Path dir;

  private Process start(Path config) throws IOException {
    return dev.sparring.testing.ChildProgram.console(dir, config);
  }

  @Test
  void sigkillAfterTheSecondReplyThenRestartContinuesWithFollowUpThree() throws Exception {
    Path config = dir.resolve("sparring.yaml");
    Files.writeString(
        config,
        "bank:\n  paths: [" + TestPacksPath.get() + "]\nstore:\n  type: sqlite\n",
        StandardCharsets.UTF_8);

    Process first = start(config);
    ChildProgram.Output out1 = new ChildProgram.Output(first);
    Writer in1 = new OutputStreamWriter(first.getOutputStream(), StandardCharsets.UTF_8);
    in1.write(
        "/spar interview demo-senior\nfirst: idempotent handler\nsecond: redrive from the DLQ\n");
    in1.flush();
    await().atMost(Duration.ofSeconds(60)).until(() -> out1.get().contains("Follow-up 2 of 3"));
    first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isEqualTo(137);
    assertThat(out1.get()).doesNotContain("Follow-up 3 of 3");

    Process second = start(config);
    ChildProgram.Output out2 = new ChildProgram.Output(second);
    try (Writer in2 = new OutputStreamWriter(second.getOutputStream(), StandardCharsets.UTF_8)) {
      in2.write("third: FIFO message groups\n");
    }
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isZero();
    String after = out2.get();
    assertThat(after).contains("Follow-up 3 of 3").contains("Follow-up three about cost?");
    assertThat(after)
        .doesNotContain("Follow-up 1 of 3")
        .doesNotContain("Follow-up 2 of 3")
        .doesNotContain("How do you make an event consumer safe to retry?");
  }

  /** The test packs folder, as a YAML-safe quoted path. */
  private static final class TestPacksPath {
    static String get() {
      return "'" + dev.sparring.testing.TestPacks.root().toString().replace("'", "''") + "'";
    }
  }
}
