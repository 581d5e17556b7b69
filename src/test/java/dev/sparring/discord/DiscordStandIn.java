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
 * WebSocket speaking HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats and dispatches. By default
 * one guild ({@value #GUILD}) with one text channel ({@value #CHANNEL}); the bot is {@value #BOT}.
 *
 * <p>With several guilds it shards as Discord does: a connection that identifies with {@code shard:
 * [id, total]} gets READY and GUILD_CREATE for the guilds with {@code (guild_id >> 22) % total ==
 * id} only, and a guild's dispatches go to the connection that holds it.
 */
final class DiscordStandIn implements AutoCloseable {

  static final String GUILD = "100000000000000001";
  static final String CHANNEL = "200000000000000001";
  static final String BOT = "900000000000000001";
  static final String MENTORS = "400000000000000001";

  /** A second role named "Mentors", as anyone who can manage roles could create. */
  static final String COPIED_MENTORS = "400000000000000002";

  /**
   * View, send, embed links, attach files, read history, add reactions, create public threads, send
   * in threads.
   */
  static final String PERMISSIONS = "309237763136";

  /** {@link #PERMISSIONS} without attach files: the bot may send messages but no files. */
  static final String NO_FILES = "309237730368";

  /** One file sent with a message or an interaction reply: where it went, its name, its bytes. */
  record Upload(String path, String name, byte[] data) {}

  /** One REST call. */
  record Call(String method, String path, JsonNode body) {}

  /** A guild with one text channel. */
  record Guild(String id, String channel) {}

  /** The shard of a guild, by Discord's formula. */
  static int shardOf(String guild, int total) {
    return (int) ((Long.parseLong(guild) >> 22) % total);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer rest;
  private final Gateway gateway;
  private final List<Call> calls = new ArrayList<>();
  private final List<Upload> uploads = new ArrayList<>();
  private final String permissions;
  // While set, a message sent with files is refused with this HTTP status and Discord code.
  private volatile int[] filesRefused;
  private final AtomicLong ids = new AtomicLong(300000000000000000L);
  private final AtomicInteger seq = new AtomicInteger();
  private final List<Guild> guilds;
  // The connection that holds each guild (after its IDENTIFY), and the shards that identified.
  private final Map<String, WebSocket> holders = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<String> identified = new java.util.concurrent.CopyOnWriteArrayList<>();

  DiscordStandIn() throws Exception {
    this(List.of(new Guild(GUILD, CHANNEL)));
  }

  DiscordStandIn(List<Guild> guilds) throws Exception {
    this(guilds, PERMISSIONS);
  }

  /** A stand-in whose @everyone role grants {@code permissions} (the bot's own, then). */
  DiscordStandIn(List<Guild> guilds, String permissions) throws Exception {
    this.guilds = List.copyOf(guilds);
    this.permissions = permissions;
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

  /** The shards that identified, as {@code id/total}, in order. */
  List<String> identified() {
    return List.copyOf(identified);
  }

  /** The guild of a channel or of a thread in it. */
  String guildOfChannel(String channel) {
    for (Guild g : guilds) {
      if (g.channel().equals(channel)) {
        return g.id();
      }
    }
    synchronized (this) {
      String parent = threads.get(channel);
      return parent == null || parent.equals(channel) ? GUILD : guildOfChannel(parent);
    }
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The files received so far, in order. */
  synchronized List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  /**
   * Messages (and interaction replies) carrying files are refused with this HTTP status and Discord
   * error code: 403/50013 for a missing permission, 413/40005 for a file too large.
   */
  void refuseFiles(int status, int code) {
    filesRefused = new int[] {status, code};
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

  // Direct messages: each person's DM channel (as Discord keeps one), its person, and the people
  // who accept no direct messages from the bot (a message to them answers 50007).
  private final Map<String, String> dmChannels = new java.util.HashMap<>(); // user -> channel
  private final Map<String, String> dmOwners = new java.util.HashMap<>(); // channel -> user
  private final java.util.Set<String> closedDms = new java.util.HashSet<>();

  /** {@code user} accepts no direct messages from the bot, as after "Allow direct messages" off. */
  synchronized void closeDms(String user) {
    closedDms.add(user);
  }

  /** The DM channel opened with {@code user}, or null when none was. */
  synchronized String dmChannel(String user) {
    return dmChannels.get(user);
  }

  /** The answer to {@code POST /users/@me/channels}: a DM channel object, the same per person. */
  private Map<String, Object> openDm(String user) {
    String channel;
    synchronized (this) {
      channel = dmChannels.computeIfAbsent(user, u -> nextId());
      dmOwners.put(channel, user);
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", channel);
    c.put("type", 1);
    c.put("last_message_id", null);
    c.put("flags", 0);
    c.put("recipients", List.of(author(user, "user" + user.substring(user.length() - 1), false)));
    return c;
  }

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
    String guild = guildOfChannel(parent);
    dispatchIn(
        guild,
        "THREAD_DELETE",
        Map.of("id", id, "guild_id", guild, "parent_id", parent, "type", 11));
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
      if (closedDms.contains(dmOwners.get(channel))) {
        send(ex, 403, Map.of("message", "Cannot send messages to this user", "code", 50007));
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
    }
    List<Upload> files = new ArrayList<>();
    if (raw.length > 0 && ct != null && ct.contains("multipart")) {
      for (Part part : Part.parse(raw, ct)) {
        if (part.name().equals("payload_json")) {
          body = JSON.readTree(part.data());
        } else if (part.filename() != null) {
          files.add(new Upload(path, part.filename(), part.data()));
        }
      }
    }
    synchronized (this) {
      calls.add(new Call(method, path, body));
    }
    int[] refused = filesRefused;
    if (!files.isEmpty() && refused != null) {
      send(
          ex,
          refused[0],
          Map.of(
              "message",
              refused[1] == 50013 ? "Missing Permissions" : "Request entity too large",
              "code",
              refused[1]));
      return;
    }
    synchronized (this) {
      uploads.addAll(files);
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
    } else if (path.equals("users/@me/channels") && method.equals("POST")) {
      send(ex, 200, openDm(body == null ? "" : body.path("recipient_id").asText("")));
    } else if (path.equals("gateway/bot")) {
      send(
          ex,
          200,
          Map.of(
              "url",
              "ws://127.0.0.1:" + gateway.port + "/",
              "shards",
              1,
              "session_start_limit",
              Map.of("total", 1000, "remaining", 1000, "reset_after", 0, "max_concurrency", 1)));
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
      String guild = guildOfChannel(parts[1]);
      Map<String, Object> thread =
          thread(parts[3], parts[1], body == null ? "t" : body.path("name").asText("t"), guild);
      send(ex, 201, thread);
      Map<String, Object> created = new LinkedHashMap<>(thread);
      created.put("newly_created", true);
      dispatchIn(guild, "THREAD_CREATE", created);
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
            found.put("thread", thread(parts[3], parts[1], "t", guildOfChannel(parts[1])));
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

  /**
   * The common fields of an {@code INTERACTION_CREATE} payload in this guild (type 2 a slash
   * command, 3 a component, 5 a modal submit), in {@code channel} (the text channel or a thread of
   * it), from {@code member}; the caller adds {@code data} and, for components, {@code message}.
   */
  static Map<String, Object> interaction(
      String id, String token, int type, String channel, Map<String, Object> member) {
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("id", id);
    i.put("application_id", BOT);
    i.put("type", type);
    i.put("token", token);
    i.put("version", 1);
    i.put("guild_id", GUILD);
    i.put("channel_id", channel);
    i.put("context", 0);
    i.put("authorizing_integration_owners", Map.of());
    i.put("guild", Map.of("id", GUILD, "locale", "en-US", "features", List.of()));
    i.put(
        "channel",
        channel.equals(CHANNEL)
            ? Map.of("id", channel, "type", 0, "guild_id", GUILD, "name", "general")
            : thread(channel, CHANNEL, "t"));
    i.put("member", member);
    i.put("locale", "en-US");
    i.put("guild_locale", "en-US");
    i.put("app_permissions", PERMISSIONS);
    i.put("entitlements", List.of());
    return i;
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
    return thread(id, parent, name, GUILD);
  }

  static Map<String, Object> thread(String id, String parent, String name, String guild) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("id", id);
    t.put("type", 11);
    t.put("guild_id", guild);
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

  /** One part of a multipart/form-data body: its name, file name (null for a field), bytes. */
  record Part(String name, String filename, byte[] data) {

    private static final java.util.regex.Pattern NAME =
        java.util.regex.Pattern.compile("[; ]name=\"([^\"]*)\"");
    private static final java.util.regex.Pattern FILENAME =
        java.util.regex.Pattern.compile("filename=\"([^\"]*)\"");

    static List<Part> parse(byte[] body, String contentType) {
      String boundary = contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
      byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      List<Part> parts = new ArrayList<>();
      int at = indexOf(body, delimiter, 0);
      while (at >= 0) {
        int start = at + delimiter.length;
        if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
          break; // the closing delimiter
        }
        start += 2; // CRLF after the delimiter
        int next = indexOf(body, delimiter, start);
        if (next < 0) {
          break;
        }
        byte[] crlf2 = {'\r', '\n', '\r', '\n'};
        int headersEnd = indexOf(body, crlf2, start);
        String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
        byte[] data = java.util.Arrays.copyOfRange(body, headersEnd + 4, next - 2);
        java.util.regex.Matcher name = NAME.matcher(headers);
        java.util.regex.Matcher file = FILENAME.matcher(headers);
        parts.add(
            new Part(name.find() ? name.group(1) : "", file.find() ? file.group(1) : null, data));
        at = next;
      }
      return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
      outer:
      for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (haystack[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }

  // ---- gateway

  /** Sends a dispatch (op 0) to every connected client. */
  void dispatch(String type, Object data) {
    gateway.broadcast(frame(type, data));
  }

  /** Sends a dispatch to the connection that holds {@code guild} (its shard's). */
  void dispatchIn(String guild, String type, Object data) {
    WebSocket holder = holders.get(guild);
    if (holder == null) {
      dispatch(type, data);
    } else if (holder.isOpen()) {
      holder.send(frame(type, data));
    }
  }

  private String frame(String type, Object data) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", 0);
    m.put("t", type);
    m.put("s", seq.incrementAndGet());
    m.put("d", data);
    try {
      return JSON.writeValueAsString(m);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GUILD_CREATE for {@code g}: the bot's member, @everyone (and, in the default guild, roles). */
  /** A role as GUILD_CREATE carries it (JDA needs every one of these fields). */
  private static Map<String, Object> role(String id, String name, int position, String perms) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("name", name);
    r.put("position", position);
    r.put("permissions", perms);
    r.put("colors", Map.of("primary_color", 0));
    r.put("color", 0);
    r.put("hoist", false);
    r.put("managed", false);
    r.put("mentionable", false);
    return r;
  }

  private Map<String, Object> guildCreate(Guild g) {
    Map<String, Object> guild = new LinkedHashMap<>();
    guild.put("id", g.id());
    guild.put("name", g.id().equals(GUILD) ? "Test" : "Guild " + g.id());
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
            role(MENTORS, "Mentors", 1, "0"),
            role(COPIED_MENTORS, "Mentors", 1, "0"),
            role(g.id(), "@everyone", 0, permissions)));
    guild.put(
        "channels",
        List.of(
            Map.of(
                "id",
                g.channel(),
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
    if (!g.id().equals(GUILD)) {
      // Role ids are unique across Discord: other guilds have only their @everyone.
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> roles = (List<Map<String, Object>>) guild.get("roles");
      guild.put("roles", roles.stream().filter(r -> g.id().equals(r.get("id"))).toList());
    }
    return guild;
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
          JsonNode shard = msg.path("d").path("shard");
          int id = shard.isArray() ? shard.get(0).asInt() : 0;
          int total = shard.isArray() ? shard.get(1).asInt() : 1;
          identified.add(id + "/" + total);
          List<Guild> mine = guilds.stream().filter(g -> shardOf(g.id(), total) == id).toList();
          Map<String, Object> ready = new LinkedHashMap<>();
          ready.put("v", 10);
          ready.put("user", author(BOT, "sparring", true));
          ready.put(
              "guilds", mine.stream().map(g -> Map.of("id", g.id(), "unavailable", true)).toList());
          ready.put("session_id", "session-" + id + "-" + total);
          ready.put("resume_gateway_url", "ws://127.0.0.1:" + port + "/");
          ready.put("private_channels", List.of());
          ready.put("application", Map.of("id", BOT, "flags", 0));
          if (shard.isArray()) {
            ready.put("shard", List.of(id, total));
          }
          conn.send(frame("READY", ready));
          for (Guild g : mine) {
            holders.put(g.id(), conn);
            conn.send(frame("GUILD_CREATE", guildCreate(g)));
          }
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
