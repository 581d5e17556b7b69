package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.config.ConfigLoader;
import dev.sparring.config.SparringConfig;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import dev.sparring.testing.Harness;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot that dies while sending (kill -9, a crash) leaves its outbox claims leased. Restarted on
 * the same {@code --data}, it is the same instance and takes them back at once, instead of making
 * its users wait out its own leases; a second live process on that folder never takes over a live
 * lease. The clock does not move in these tests, so every lease is still running.
 */
class RestartLeaseTest {

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");

  /** Stands for the process dying in the middle of a send: nothing after it runs. */
  private static final class Crash extends Error {
    Crash() {
      super("simulated kill -9 during a send");
    }
  }

  /** A console gateway that either dies on every send or records what it sends. */
  private static final class FakePlatform implements Gateway {
    final boolean dies;
    final List<Boolean> resumed = new ArrayList<>();

    FakePlatform(boolean dies) {
      this.dies = dies;
    }

    @Override
    public Platform platform() {
      return ConsoleModule.PLATFORM;
    }

    @Override
    public Delivery deliver(long outboxId, Outbound message, String parentId) {
      return deliver(outboxId, message, parentId, false);
    }

    @Override
    public synchronized Delivery deliver(
        long outboxId, Outbound message, String parentId, boolean resumed) {
      if (dies) {
        throw new Crash();
      }
      this.resumed.add(resumed);
      return new Delivery.Sent("m" + outboxId);
    }
  }

  private SparringConfig config() throws Exception {
    Path file = dir.resolve("sparring.yaml");
    Files.writeString(
        file,
        "bank:\n  paths: ['" + TestPacks.root() + "']\nstore:\n  type: sqlite\n",
        StandardCharsets.UTF_8);
    return new ConfigLoader(Map.of()).load(file);
  }

  private Sparring start(Gateway gateway) throws Exception {
    return Sparring.start(config(), dir.resolve("data"), clock, List.of(gateway));
  }

  /** Starts an interview; its question is queued, then the bot dies sending it. */
  private static void dieWhileSendingTheQuestion(Sparring app) {
    app.bot()
        .handle(
            new Inbound.CommandInvoked(
                "console:iv-1",
                Harness.TEAM,
                Harness.CHANNEL,
                Harness.actor("ana"),
                "interview demo-senior"));
    assertThatThrownBy(() -> app.dispatcher().runOnce()).isInstanceOf(Crash.class);
  }

  @Test
  void aRestartOnTheSameDataSendsWhatItDiedSendingAtOnce() throws Exception {
    try (Sparring first = start(new FakePlatform(true))) {
      dieWhileSendingTheQuestion(first);
    }
    FakePlatform platform = new FakePlatform(false);
    try (Sparring second = start(platform)) {
      assertThat(second.dispatcher().runOnce()).isEqualTo(1);
      // It may have reached the platform before the crash: the gateway is told to look first.
      assertThat(platform.resumed).containsExactly(true);
    }
  }

  @Test
  void aSecondLiveProcessOnTheSameDataLeavesTheFirstOnesLeasesAlone() throws Exception {
    Sparring first = start(new FakePlatform(true));
    try {
      dieWhileSendingTheQuestion(first);
      FakePlatform platform = new FakePlatform(false);
      try (Sparring other = start(platform)) {
        assertThat(other.dispatcher().runOnce()).isZero();
        assertThat(platform.resumed).isEmpty();
      }
    } finally {
      first.close();
    }
    FakePlatform platform = new FakePlatform(false);
    try (Sparring restarted = start(platform)) {
      assertThat(restarted.dispatcher().runOnce()).isEqualTo(1);
    }
  }
}
