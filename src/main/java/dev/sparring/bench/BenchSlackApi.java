package dev.sparring.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for Slack's Web API, for benchmarks: answers {@code auth.test}, {@code
 * users.info} and the chat methods, and enforces Slack-like limits on {@code chat.postMessage}: one
 * message per second per channel and a global rate, both as token buckets (a second's burst),
 * answering 429 with a whole-second Retry-After as Slack does.
 */
final class BenchSlackApi implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final double globalPerSecond;
  private final boolean limited;
  private final AtomicLong ts = new AtomicLong(1_000_000);
  private final Map<String, Integer> posted = new ConcurrentHashMap<>();
  private final Map<String, String> firstPost = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Map<String, Bucket> channels = new HashMap<>();
  private final Bucket global;

  /** A token bucket holding a second's worth, refilled continuously. */
  private static final class Bucket {
    private final double rate;
    private double tokens;
    private long at = System.nanoTime();

    Bucket(double rate) {
      this.rate = rate;
      this.tokens = rate;
    }

    /** Nanoseconds until a token is free; 0 when one is (then it is not yet taken). */
    long waitNanos(long now) {
      tokens = Math.min(rate, tokens + (now - at) / 1e9 * rate);
      at = now;
      // 1% of a token of slack for clocks that disagree, as Slack tolerates short bursts.
      return tokens >= 0.99 ? 0 : (long) ((1 - tokens) / rate * 1e9);
    }

    void take() {
      tokens -= 1;
    }
  }

  /** {@code globalPerSecond} ≤ 0: no limits at all. */
  BenchSlackApi(double globalPerSecond) throws IOException {
    // Without TCP_NODELAY the JDK server's two writes per response meet delayed ACKs: ~40 ms each.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.globalPerSecond = globalPerSecond;
    this.limited = globalPerSecond > 0;
    this.global = new Bucket(Math.max(1, globalPerSecond));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(threads);
    server.createContext("/api/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** Accepted posts per channel id. */
  Map<String, Integer> posted() {
    return posted;
  }

  /** The ts of the first top-level post in {@code channel}, if any (a thread's parent). */
  String firstPost(String channel) {
    return firstPost.get(channel);
  }

  long accepted() {
    return accepted.get();
  }

  long refused() {
    return refused.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestURI().getPath().substring("/api/".length());
      Map<String, String> form = form(new String(ex.getRequestBody().readAllBytes(), UTF8));
      String body;
      switch (method) {
        case "auth.test" ->
            body = "{\"ok\":true,\"user_id\":\"UBOT\",\"team_id\":\"TBENCH\",\"bot_id\":\"BBOT\"}";
        case "users.info" ->
            body =
                "{\"ok\":true,\"user\":{\"id\":\""
                    + form.getOrDefault("user", "U")
                    + "\",\"name\":\"bench\",\"is_admin\":false}}";
        case "chat.postMessage" -> {
          String channel = form.getOrDefault("channel", "");
          long retry = admit(channel);
          if (retry > 0) {
            refused.incrementAndGet();
            ex.getResponseHeaders().add("Retry-After", Long.toString(retry));
            send(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
          }
          accepted.incrementAndGet();
          posted.merge(channel, 1, Integer::sum);
          String t = ts.incrementAndGet() + ".000100";
          if (!form.containsKey("thread_ts")) {
            firstPost.putIfAbsent(channel, t);
          }
          body = "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + t + "\"}";
        }
        default -> body = "{\"ok\":true,\"ts\":\"" + ts.incrementAndGet() + ".000200\"}";
      }
      send(ex, 200, body);
    }
  }

  /** 0 to post now, else the whole seconds to wait (Retry-After). */
  private synchronized long admit(String channel) {
    if (!limited) {
      return 0;
    }
    long now = System.nanoTime();
    Bucket c = channels.computeIfAbsent(channel, k -> new Bucket(1));
    long wait = Math.max(c.waitNanos(now), global.waitNanos(now));
    if (wait > 0) {
      return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
    }
    c.take();
    global.take();
    return 0;
  }

  double globalPerSecond() {
    return globalPerSecond;
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static Map<String, String> form(String body) {
    Map<String, String> m = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        m.put(
            URLDecoder.decode(pair.substring(0, eq), UTF8),
            URLDecoder.decode(pair.substring(eq + 1), UTF8));
      }
    }
    return m;
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
