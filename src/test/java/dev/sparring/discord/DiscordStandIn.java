package dev.sparring.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback stand-in for Discord: REST under {@code /api/v10/} (JDK HTTP server) and a gateway
 * WebSocket speaking HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats and dispatches. One guild
 * ({@value #GUILD}) with one text channel ({@value #CHANNEL}); the bot is {@value #BOT}.
 */
final class DiscordStandIn implements AutoCloseable {

  static final String GUILD = "100000000000000001";
  static final String CHANNEL = "200000000000000001";
  static final String BOT = "900000000000000001";
  static final String MENTORS = "400000000000000001";

  /** A second role named "Mentors", as anyone who can manage roles could create. */
  static final String COPIED_MENTORS = "400000000000000002";

  /**
   * View, send, embed links, read history, add reactions, create public threads, send in threads.
   */
  static final String PERMISSIONS = "309237730368";

  /** One REST call. */
  record Call(String method, String path, JsonNode body) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer rest;
  private final Gateway gateway;
  private final List<Call> calls = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong(300000000000000000L);
  private final AtomicInteger seq = new AtomicInteger();

  DiscordStandIn() throws Exception {
    rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    rest.createContext("/api/v10/", this::handle);
    rest.start();
    gateway = new Gateway(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    gateway.setReuseAddr(true);
    gateway.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + rest.getAddress().getPort() + "/api/v10/";
  }

  String gatewayUrl() throws InterruptedException {
    return "ws://127.0.0.1:" + gateway.port() + "/";
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Call> calls(String method, String pathContains) {
    return calls.stream()
        .filter(c -> c.method().equals(method) && c.path().contains(pathContains))
        .toList();
  }

  String nextId() {
    return Long.toString(ids.incrementAndGet());
  }

  /** Faults the next message creations answer with. */
  enum Fault {
    /** No fault for this creation (to fault a later one). */
    NONE,
    ERROR_500,
    RESET,
    RATE_LIMITED,
    /** The message is created, then the answer is a 500: the sender cannot know it worked. */
    ERROR_AFTER_CREATING
  }

  private final java.util.Deque<Fault> faults = new java.util.ArrayDeque<>();
  private final Map<String, String> byNonce = new java.util.HashMap<>();
  private final List<String> created = new ArrayList<>();
  private final Map<String, String> messages = new java.util.HashMap<>(); // id -> channel
  private final Map<String, String> threads = new java.util.HashMap<>(); // id -> parent
  private final java.util.Set<String> deleted = new java.util.HashSet<>();

  /**
   * Deletes a thread as a moderator would: Discord sends THREAD_DELETE, then answers messages to it
   * with Unknown Channel, and its first message no longer names it.
   */
  void deleteThread(String id) {
    String parent;
    synchronized (this) {
      deleted.add(id);
      parent = threads.get(id);
    }
    dispatch("THREAD_DELETE", Map.of("id", id, "guild_id", GUILD, "parent_id", parent, "type", 11));
  }

  synchronized void fail(Fault... next) {
    faults.addAll(List.of(next));
  }

  /** Messages really created in {@code channel} (re-sends with an enforced nonce are not). */
  synchronized long created(String channel) {
    return created.stream().filter(channel::equals).count();
  }

  /**
   * Creates a message as Discord does: with {@code enforce_nonce}, a nonce seen before in the
   * channel returns the message it created instead of a second one.
   */
  private void createMessage(HttpExchange ex, String channel, JsonNode body) throws IOException {
    Fault fault;
    synchronized (this) {
      fault = faults.poll();
    }
    if (fault == Fault.RESET) {
      ex.close();
      return;
    }
    if (fault == Fault.ERROR_500) {
      send(ex, 500, Map.of("message", "500: Internal Server Error", "code", 0));
      return;
    }
    synchronized (this) {
      if (deleted.contains(channel)) {
        send(ex, 404, Map.of("message", "Unknown Channel", "code", 10003));
        return;
      }
    }
    if (fault == Fault.RATE_LIMITED) {
      // As Discord answers a per-route limit (without these, JDA takes it for Cloudflare's).
      ex.getResponseHeaders().add("Retry-After", "1");
      ex.getResponseHeaders().add("X-RateLimit-Scope", "user");
      ex.getResponseHeaders().add("X-RateLimit-Bucket", "stand-in-messages");
      ex.getResponseHeaders().add("X-RateLimit-Limit", "5");
      ex.getResponseHeaders().add("X-RateLimit-Remaining", "0");
      ex.getResponseHeaders().add("X-RateLimit-Reset-After", "0.300");
      send(
          ex,
          429,
          Map.of("message", "You are being rate limited.", "retry_after", 0.3, "global", false));
      return;
    }
    String nonce = body == null ? "" : body.path("nonce").asText("");
    boolean enforce = body != null && body.path("enforce_nonce").asBoolean(false);
    String id;
    synchronized (this) {
      String seen = enforce && !nonce.isEmpty() ? byNonce.get(channel + "|" + nonce) : null;
      if (seen != null) {
        id = seen;
      } else {
        id = nextId();
        created.add(channel);
        messages.put(id, channel);
        if (!nonce.isEmpty()) {
          byNonce.put(channel + "|" + nonce, id);
        }
      }
    }
    if (fault == Fault.ERROR_AFTER_CREATING) {
      send(ex, 500, Map.of("message", "500: Internal Server Error", "code", 0));
      return;
    }
    send(ex, 200, message(id, channel, body));
  }

  // ---- REST

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath().substring("/api/v10/".length());
    String method = ex.getRequestMethod();
    byte[] raw = ex.getRequestBody().readAllBytes();
    JsonNode body = null;
    String ct = ex.getRequestHeaders().getFirst("Content-Type");
    if (raw.length > 0 && ct != null && ct.contains("json")) {
      body = JSON.readTree(raw);
    } else if (raw.length > 0 && ct != null && ct.contains("multipart")) {
      String s = new String(raw, StandardCharsets.UTF_8);
      int start = s.indexOf('{');
      int end = s.lastIndexOf('}');
      if (start >= 0 && end > start) {
        body = JSON.readTree(s.substring(start, end + 1));
      }
    }
    synchronized (this) {
      calls.add(new Call(method, path, body));
    }
    if (path.equals("users/@me")) {
      send(
          ex,
          200,
          Map.of(
              "id",
              BOT,
              "username",
              "sparring",
              "discriminator",
              "0000",
              "bot",
              true,
              "avatar",
              ""));
    } else if (path.startsWith("applications/")) {
      send(ex, 200, List.of());
    } else if (path.startsWith("interactions/")) {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    } else if (path.startsWith("webhooks/")) {
      send(ex, 200, message(nextId(), CHANNEL, body));
    } else if (path.matches("channels/\\d+/messages/\\d+/threads")) {
      String[] parts = path.split("/");
      synchronized (this) {
        if (threads.containsKey(parts[3])) {
          send(
              ex,
              400,
              Map.of(
                  "message", "A thread has already been created for this message", "code", 160004));
          return;
        }
        threads.put(parts[3], parts[1]);
      }
      Map<String, Object> thread =
          thread(parts[3], parts[1], body == null ? "t" : body.path("name").asText("t"));
      send(ex, 201, thread);
      Map<String, Object> created = new LinkedHashMap<>(thread);
      created.put("newly_created", true);
      dispatch("THREAD_CREATE", created);
    } else if (path.matches("channels/\\d+/messages")) {
      createMessage(ex, path.split("/")[1], body);
    } else if (path.contains("/reactions/")) {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    } else if (method.equals("GET") && path.matches("channels/\\d+/messages/\\d+")) {
      String[] parts = path.split("/");
      Map<String, Object> found = null;
      synchronized (this) {
        if (parts[1].equals(messages.get(parts[3]))) {
          found = new LinkedHashMap<>(message(parts[3], parts[1], null));
          if (threads.containsKey(parts[3]) && !deleted.contains(parts[3])) {
            found.put("thread", thread(parts[3], parts[1], "t"));
          }
        }
      }
      if (found == null) {
        send(ex, 404, Map.of("message", "Unknown Message", "code", 10008));
      } else {
        send(ex, 200, found);
      }
    } else if (method.equals("PATCH") && path.matches("channels/\\d+/messages/\\d+")) {
      send(ex, 200, message(path.split("/")[3], path.split("/")[1], body));
    } else {
      send(ex, 404, Map.of("message", "Unknown", "code", 0));
    }
  }

  static Map<String, Object> author(String id, String name, boolean bot) {
    return Map.of("id", id, "username", name, "discriminator", "0000", "bot", bot, "avatar", "");
  }

  static Map<String, Object> message(String id, String channel, JsonNode body) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("type", 0);
    m.put("channel_id", channel);
    m.put("author", author(BOT, "sparring", true));
    m.put("content", body == null ? "" : body.path("content").asText(""));
    m.put("mentions", List.of());
    m.put("mention_roles", List.of());
    m.put("embeds", List.of());
    m.put("attachments", List.of());
    m.put("components", List.of());
    m.put("timestamp", "2026-03-02T09:00:00.000000+00:00");
    m.put("pinned", false);
    m.put("tts", false);
    m.put("mention_everyone", false);
    return m;
  }

  static Map<String, Object> thread(String id, String parent, String name) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", id);
    t.put("type", 11);
    t.put("guild_id", GUILD);
    t.put("parent_id", parent);
    t.put("name", name);
    t.put("owner_id", BOT);
    t.put("last_message_id", null);
    t.put("member_count", 1);
    t.put("message_count", 0);
    t.put("total_message_sent", 0);
    t.put("rate_limit_per_user", 0);
    t.put("flags", 0);
    t.put(
        "thread_metadata",
        Map.of(
            "archived",
            false,
            "auto_archive_duration",
            1440,
            "archive_timestamp",
            "2026-03-02T09:00:00.000000+00:00",
            "locked",
            false,
            "invitable",
            true));
    return t;
  }

  private static void send(HttpExchange ex, int status, Object json) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(json);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  // ---- gateway

  /** Sends a dispatch (op 0) to the connected client. */
  void dispatch(String type, Object data) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", 0);
    m.put("t", type);
    m.put("s", seq.incrementAndGet());
    m.put("d", data);
    try {
      gateway.broadcast(JSON.writeValueAsString(m));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class Gateway extends WebSocketServer {
    private volatile int port;
    private final java.util.concurrent.CountDownLatch started =
        new java.util.concurrent.CountDownLatch(1);

    Gateway(InetSocketAddress address) {
      super(address);
    }

    int port() throws InterruptedException {
      started.await(10, java.util.concurrent.TimeUnit.SECONDS);
      return port;
    }

    @Override
    public void onStart() {
      port = getPort();
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
    }

    @Override
    public void onMessage(WebSocket conn, String text) {
      try {
        JsonNode msg = JSON.readTree(text);
        int op = msg.path("op").asInt();
        if (op == 1) {
          conn.send("{\"op\":11}");
        } else if (op == 2) {
          Map<String, Object> ready = new LinkedHashMap<>();
          ready.put("v", 10);
          ready.put("user", author(BOT, "sparring", true));
          ready.put("guilds", List.of(Map.of("id", GUILD, "unavailable", true)));
          ready.put("session_id", "session-1");
          ready.put("resume_gateway_url", "ws://127.0.0.1:" + port + "/");
          ready.put("private_channels", List.of());
          ready.put("application", Map.of("id", BOT, "flags", 0));
          dispatch("READY", ready);
          Map<String, Object> guild = new LinkedHashMap<>();
          guild.put("id", GUILD);
          guild.put("name", "Test");
          guild.put("member_count", 3);
          guild.put("afk_timeout", 300);
          guild.put("owner_id", "700000000000000001");
          guild.put("threads", List.of());
          guild.put("guild_scheduled_events", List.of());
          guild.put("emojis", List.of());
          guild.put("stickers", List.of());
          guild.put("voice_states", List.of());
          guild.put("features", List.of());
          guild.put(
              "roles",
              List.of(
                  Map.of(
                      "id",
                      MENTORS,
                      "name",
                      "Mentors",
                      "position",
                      1,
                      "permissions",
                      "0",
                      "colors",
                      Map.of("primary_color", 0),
                      "color",
                      0,
                      "hoist",
                      false,
                      "managed",
                      false,
                      "mentionable",
                      false),
                  Map.of(
                      "id",
                      COPIED_MENTORS,
                      "name",
                      "Mentors",
                      "position",
                      1,
                      "permissions",
                      "0",
                      "colors",
                      Map.of("primary_color", 0),
                      "color",
                      0,
                      "hoist",
                      false,
                      "managed",
                      false,
                      "mentionable",
                      false),
                  Map.of(
                      "id",
                      GUILD,
                      "name",
                      "@everyone",
                      "position",
                      0,
                      "permissions",
                      PERMISSIONS,
                      "colors",
                      Map.of("primary_color", 0),
                      "color",
                      0,
                      "hoist",
                      false,
                      "managed",
                      false,
                      "mentionable",
                      false)));
          guild.put(
              "channels",
              List.of(
                  Map.of(
                      "id",
                      CHANNEL,
                      "type",
                      0,
                      "name",
                      "general",
                      "position",
                      0,
                      "permission_overwrites",
                      List.of())));
          guild.put(
              "members",
              List.of(
                  Map.of(
                      "user",
                      author(BOT, "sparring", true),
                      "roles",
                      List.of(),
                      "joined_at",
                      "2026-01-01T00:00:00.000000+00:00")));
          dispatch("GUILD_CREATE", guild);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}
  }

  @Override
  public void close() {
    rest.stop(0);
    try {
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
