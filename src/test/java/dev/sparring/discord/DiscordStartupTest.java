package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.core.Bot;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Start-up failures say what could not be reached and what to check, in one sentence the command
 * line prints as is (it used to print {@code sparring: -1: java.net.UnknownHostException}).
 */
class DiscordStartupTest {

  // JDA logs each failed attempt at ERROR (with stack traces, for the gateway); here they are the
  // point of the test, so they stay out of the output.
  private static ch.qos.logback.classic.Level jdaLevel;

  @org.junit.jupiter.api.BeforeAll
  static void quietJda() {
    var jda = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("net.dv8tion");
    jdaLevel = jda.getLevel();
    jda.setLevel(ch.qos.logback.classic.Level.OFF);
  }

  @org.junit.jupiter.api.AfterAll
  static void restoreJda() {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("net.dv8tion"))
        .setLevel(jdaLevel);
  }

  private final Bot bot =
      new Bot(new MemoryStore(), MutableClock.at("2026-03-02T09:00:00Z"), Features.all(), Set.of());

  private DiscordAdapter start(String api, String gateway) {
    return new DiscordAdapter(
        new DiscordSettings("test-token", api, gateway, false, false, Set.of()),
        bot,
        TestPacks.demo());
  }

  private static void readable(Throwable e) {
    assertThat(e).isInstanceOf(IllegalStateException.class);
    assertThat(e.getMessage()).doesNotContain("java.", "Exception", "-1:");
  }

  @Test
  void anUnknownApiHostIsNamedWithWhatToCheck() {
    assertThatThrownBy(() -> start("http://discord-api.invalid/api/v10/", null))
        .satisfies(DiscordStartupTest::readable)
        .hasMessageContaining("Discord's API at http://discord-api.invalid/api/v10/")
        .hasMessageContaining("the name discord-api.invalid does not resolve")
        .hasMessageContaining("network, DNS and any proxy")
        .hasMessageContaining("DISCORD_API_URL");
  }

  @Test
  void aRefusedConnectionSaysSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThatThrownBy(() -> start("http://127.0.0.1:" + port + "/api/v10/", null))
        .satisfies(DiscordStartupTest::readable)
        .hasMessageContaining("could not be reached (the connection was refused)");
  }

  @Test
  void aGatewayThatNeverAnswersIsNamed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (DiscordStandIn discord = new DiscordStandIn()) {
      DiscordAdapter adapter = start(discord.apiUrl(), "ws://127.0.0.1:" + port + "/");
      assertThatThrownBy(() -> adapter.awaitReady(2))
          .satisfies(DiscordStartupTest::readable)
          .hasMessageContaining("Discord's gateway (ws://127.0.0.1:" + port + "/)")
          .hasMessageContaining("within 2 s");
    }
  }
}
