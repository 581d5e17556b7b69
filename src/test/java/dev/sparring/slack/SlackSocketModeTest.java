package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.core.Bot;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode: the adapter opens a WebSocket with apps.connections.open (stand-in), receives a
 * slash command envelope over it, acknowledges the envelope with the ephemeral answer, and the
 * interview's question is posted through the Web API.
 */
class SlackSocketModeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A Socket Mode server: says hello, then sends what the test gives it. */
  static final class SocketServer extends WebSocketServer {
    final CountDownLatch connected = new CountDownLatch(1);
    final CountDownLatch started = new CountDownLatch(1);
    final List<String> received = new CopyOnWriteArrayList<>();
    volatile WebSocket client;

    SocketServer() {
      super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      client = conn;
      conn.send(
          "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"standin\"},"
              + "\"connection_info\":{\"app_id\":\"A1\"}}");
      connected.countDown();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      received.add(message);
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  @Test
  void aSlashCommandArrivesOverTheSocketAndIsAnswered() throws Exception {
    MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    MemoryStore store = new MemoryStore();
    SocketServer socket = new SocketServer();
    socket.start();
    assertThat(socket.started.await(10, TimeUnit.SECONDS)).isTrue();
    try (SlackApiStandIn api = new SlackApiStandIn()) {
      api.socketUrl("ws://127.0.0.1:" + socket.getPort() + "/link");
      Bot bot = new Bot(store, clock, Features.all(), Set.of());
      SlackSettings settings =
          new SlackSettings("secret", "xoxb-socket", null, null, "xapp-socket", api.url(), 0, true);
      try (SlackAdapter adapter = new SlackAdapter(settings, bot, store, clock).start();
          AutoCloseable running = adapter.startSocketMode()) {
        assertThat(socket.connected.await(20, TimeUnit.SECONDS)).isTrue();
        Map<String, Object> payload =
            Map.of(
                "token",
                "x",
                "team_id",
                "T1",
                "channel_id",
                "C1",
                "user_id",
                "U1",
                "user_name",
                "ana",
                "command",
                "/spar",
                "text",
                "interview demo-senior",
                "trigger_id",
                "trig-socket",
                "response_url",
                "http://127.0.0.1:1/unused");
        socket.client.send(
            JSON.writeValueAsString(
                Map.of(
                    "envelope_id",
                    "env-1",
                    "type",
                    "slash_commands",
                    "payload",
                    payload,
                    "accepts_response_payload",
                    true)));
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> socket.received.stream().anyMatch(m -> m.contains("env-1")));
        JsonNode ack =
            JSON.readTree(
                socket.received.stream()
                    .filter(m -> m.contains("env-1"))
                    .findFirst()
                    .orElseThrow());
        assertThat(ack.path("payload").toString()).contains("in a new thread");
        OutboxDispatcher dispatcher =
            new OutboxDispatcher(
                store,
                clock,
                List.of(adapter.gateway()),
                OutboxDispatcher.Settings.defaults(),
                "s");
        dispatcher.drain();
        assertThat(api.calls("chat.postMessage"))
            .singleElement()
            .satisfies(c -> assertThat(c.get("blocks")).contains("safe to retry"));
        assertThat(api.calls("apps.connections.open"))
            .isNotEmpty()
            .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xapp-socket"));
      }
    } finally {
      socket.stop(1000);
    }
  }
}
