package dev.sparring.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sparring.slack.SlackAdapter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for Slack's Web API: answers the methods Sparring calls the way Slack does.
 * The benches and the tests share it.
 *
 * <p>{@link #SlackApiStandIn()} is the tests' one: it records every call; {@code U_ADMIN} is a
 * workspace admin; {@link #ratelimitNext} makes the next {@code chat.postMessage} answer 429 with a
 * Retry-After; {@link #fail} queues faults for it; {@link #hold} keeps a method's answers back
 * until {@link #release}; {@link #breakMethod} makes a method fail; {@link #grant} makes an install
 * code valid; posts to {@link #responseUrl} are recorded as calls of "respond".
 *
 * <p>{@link #forBench} is the benches' one: it only counts posts (per channel, accepted, refused)
 * and, given a global rate, enforces Slack-like limits on {@code chat.postMessage}: one message per
 * second per channel and the global rate, both as token buckets (a second's burst), answering 429
 * with a whole-second Retry-After as Slack does.
 */
public final class SlackApiStandIn implements AutoCloseable {

  /** One Web API call: the method, its form parameters, its Authorization header and its ts. */
  public record Call(String method, Map<String, String> params, String authorization, String ts) {
    /** A form parameter, or "" when the call had none of that name. */
    public String get(String name) {
      return params.getOrDefault(name, "");
    }
  }

  /** Faults the next chat.postMessage calls answer with instead of posting. */
  public enum Fault {
    ERROR_500,
    RESET,
    CHANNEL_NOT_FOUND,
    /** Posts the message, then answers only after {@link #SLOW_MILLIS}: the client times out. */
    SLOW
  }

  /** How late a {@link Fault#SLOW} post is answered. */
  public static final long SLOW_MILLIS = 1_500;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads;
  private final boolean recording;
  private final String teamId;
  private final double globalPerSecond;
  private final List<Call> calls = new ArrayList<>();
  private final AtomicLong ts;
  private final Deque<Integer> retryAfter = new ArrayDeque<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private volatile String socketUrl = "ws://127.0.0.1:1/";

  /** What oauth.v2.access answers for each install code (a code works once, as on Slack). */
  private final Map<String, Map<String, Object>> grants = new ConcurrentHashMap<>();

  /** auth.test's answer for the bot tokens that installs handed out. */
  private final Map<String, Map<String, Object>> tokenOwners = new ConcurrentHashMap<>();

  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
  private final Map<String, Integer> broken = new ConcurrentHashMap<>();

  private final Map<String, Integer> posted = new ConcurrentHashMap<>();
  private final Map<String, String> firstPost = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Map<String, Bucket> channels = new HashMap<>();
  private final Bucket global;

  /** The tests' stand-in: no rate limits, every call recorded, a thread per waiting call. */
  public SlackApiStandIn() throws IOException {
    this(true, "T1", 0, 1000, Executors.newCachedThreadPool(), 0);
  }

  /**
   * The benches' stand-in: calls are counted, not recorded; {@code globalPerSecond} &gt; 0 enforces
   * Slack-like limits on {@code chat.postMessage}, ≤ 0 none at all.
   */
  public static SlackApiStandIn forBench(double globalPerSecond) throws IOException {
    return new SlackApiStandIn(
        false, "TBENCH", globalPerSecond, 1_000_000, Executors.newFixedThreadPool(4), 256);
  }

  private SlackApiStandIn(
      boolean recording,
      String teamId,
      double globalPerSecond,
      long firstTs,
      ExecutorService threads,
      int backlog)
      throws IOException {
    // Without TCP_NODELAY the JDK server's two writes per response meet delayed ACKs: ~40 ms each.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.recording = recording;
    this.teamId = teamId;
    this.globalPerSecond = globalPerSecond;
    this.global = new Bucket(Math.max(1, globalPerSecond));
    this.ts = new AtomicLong(firstTs);
    this.threads = threads;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
    server.createContext("/api/", this::handle);
    server.createContext("/respond/", this::respond);
    server.setExecutor(threads);
    server.start();
  }

  /** The Web API's base URL, for {@code SlackSettings} or {@code SlackConfig}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** A response_url for a payload: what is posted there is recorded as a call of "respond". */
  public String responseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/hook";
  }

  /** Where apps.connections.open sends Socket Mode clients. */
  public void socketUrl(String url) {
    this.socketUrl = url;
  }

  /**
   * Makes {@code code} a valid install code: oauth.v2.access answers with a workspace install
   * ({@code enterprise} null), a Grid workspace's, or an org-wide install ({@code team} null), the
   * way Slack shapes it; auth.test then knows the bot token.
   */
  public void grant(String code, String enterprise, String team, String teamName, String botToken) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("ok", true);
    a.put("app_id", "A0SPARRING");
    a.put(
        "authed_user",
        Map.of("id", "U_ADMIN", "scope", "", "access_token", "xoxp-user-" + botToken));
    a.put("scope", SlackAdapter.SCOPES);
    a.put("token_type", "bot");
    a.put("access_token", botToken);
    a.put("bot_user_id", "UBOT");
    a.put("team", team == null ? null : Map.of("id", team, "name", teamName));
    a.put(
        "enterprise",
        enterprise == null ? null : Map.of("id", enterprise, "name", "Org " + enterprise));
    a.put("is_enterprise_install", team == null);
    grants.put(code, a);
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("user_id", "UBOT");
    who.put("team_id", team == null ? enterprise : team);
    who.put("bot_id", "B-" + (team == null ? enterprise : team));
    who.put("url", "https://" + (team == null ? enterprise : team).toLowerCase() + ".slack.com/");
    tokenOwners.put("Bearer " + botToken, who);
  }

  /** Calls of {@code method} are recorded on arrival but answered only after {@link #release}. */
  public void hold(String method) {
    held.put(method, new CountDownLatch(1));
  }

  /** Answers the held calls of {@code method}, and the later ones at once. */
  public void release(String method) {
    CountDownLatch gate = held.remove(method);
    if (gate != null) {
      gate.countDown();
    }
  }

  /** Every call of {@code method} answers with this HTTP status and no result. */
  public void breakMethod(String method, int status) {
    broken.put(method, status);
  }

  /** The next chat.postMessage not faulted answers 429 with this Retry-After. */
  public synchronized void ratelimitNext(int seconds) {
    retryAfter.add(seconds);
  }

  /** The next chat.postMessage calls answer with these faults, one each, in order. */
  public synchronized void fail(Fault... next) {
    faults.addAll(List.of(next));
  }

  /** Every recorded call, oldest first (none for a bench's stand-in). */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The recorded calls of one method, oldest first. */
  public synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Accepted posts per channel id (live). */
  public Map<String, Integer> posted() {
    return posted;
  }

  /** The ts of the first top-level post in {@code channel}, if any (a thread's parent). */
  public String firstPost(String channel) {
    return firstPost.get(channel);
  }

  /** Posts accepted so far. */
  public long accepted() {
    return accepted.get();
  }

  /** Posts refused with a 429 by the limits so far. */
  public long refused() {
    return refused.get();
  }

  /** The global limit, messages/s; ≤ 0 when there are no limits. */
  public double globalPerSecond() {
    return globalPerSecond;
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestURI().getPath().substring("/api/".length());
    Map<String, String> params =
        form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String authorization = ex.getRequestHeaders().getFirst("Authorization");
    boolean post = method.equals("chat.postMessage");
    Integer limited = null;
    Fault fault = null;
    String t = ts.incrementAndGet() + ".000100";
    synchronized (this) {
      if (post && !faults.isEmpty()) {
        fault = faults.poll();
      } else if (post && !retryAfter.isEmpty()) {
        limited = retryAfter.poll();
      }
      if (recording && (fault == null || fault == Fault.SLOW) && limited == null) {
        calls.add(new Call(method, params, authorization, t));
      }
    }
    CountDownLatch gate = held.get(method);
    if (gate != null) {
      try {
        gate.await(); // the fault itself: Slack answering only when the test says so
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Integer status = broken.get(method);
    if (status != null) {
      send(ex, status, Map.of("ok", false, "error", "internal_error"));
      return;
    }
    if (fault == Fault.SLOW) {
      try {
        Thread.sleep(SLOW_MILLIS); // the fault itself: a response that comes too late
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (fault == Fault.RESET) {
      ex.close(); // no answer at all: the client sees the connection drop
      return;
    }
    if (fault == Fault.ERROR_500) {
      send(ex, 500, Map.of("ok", false, "error", "internal_error"));
      return;
    }
    if (fault == Fault.CHANNEL_NOT_FOUND) {
      send(ex, 200, Map.of("ok", false, "error", "channel_not_found"));
      return;
    }
    if (limited == null && post && fault == null) {
      long retry = admit(params.getOrDefault("channel", ""));
      if (retry > 0) {
        refused.incrementAndGet();
        limited = (int) retry;
      }
    }
    if (limited != null) {
      ex.getResponseHeaders().add("Retry-After", Integer.toString(limited));
      send(ex, 429, Map.of("ok", false, "error", "ratelimited"));
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("ok", true);
    if (method.equals("oauth.v2.access")) {
      Map<String, Object> grant = grants.remove(params.getOrDefault("code", ""));
      send(ex, 200, grant == null ? Map.of("ok", false, "error", "invalid_code") : grant);
      return;
    }
    if (method.equals("auth.test")
        && authorization != null
        && tokenOwners.containsKey(authorization)) {
      answer.putAll(tokenOwners.get(authorization));
      send(ex, 200, answer);
      return;
    }
    switch (method) {
      case "auth.test" -> {
        answer.put("user_id", "UBOT");
        answer.put("team_id", teamId);
        answer.put("bot_id", "BBOT");
        answer.put("url", "https://example.slack.com/");
      }
      case "chat.postMessage" -> {
        String channel = params.getOrDefault("channel", "");
        accepted.incrementAndGet();
        posted.merge(channel, 1, Integer::sum);
        if (!params.containsKey("thread_ts")) {
          firstPost.putIfAbsent(channel, t);
        }
        answer.put("channel", params.get("channel"));
        answer.put("ts", t);
        answer.put(
            "message", Map.of("type", "message", "text", params.getOrDefault("text", ""), "ts", t));
      }
      case "chat.update" -> {
        answer.put("channel", params.get("channel"));
        answer.put("ts", params.get("ts"));
      }
      case "chat.postEphemeral" -> answer.put("message_ts", t);
      case "users.info" -> {
        String user = params.getOrDefault("user", "");
        answer.put(
            "user",
            Map.of(
                "id", user,
                "name", user.toLowerCase(),
                "real_name", "Real " + user,
                "is_admin", user.equals("U_ADMIN"),
                "profile",
                    Map.of("display_name", user.equals("U_ADMIN") ? "admin" : user.toLowerCase())));
      }
      case "views.publish", "views.open" -> answer.put("view", Map.of("id", "V1"));
      case "conversations.history", "conversations.replies" ->
          answer.put("messages", history(params.get("channel"), params.get("ts")));
      case "apps.connections.open" -> answer.put("url", socketUrl);
      default -> {
        answer.put("ok", false);
        answer.put("error", "unknown_method");
      }
    }
    send(ex, 200, answer);
  }

  private void respond(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (recording) {
      synchronized (this) {
        calls.add(
            new Call("respond", Map.of("body", body), null, ts.incrementAndGet() + ".000100"));
      }
    }
    byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(200, ok.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(ok);
    }
  }

  /** Posted messages of a channel (or of one thread: the parent and its replies), with metadata. */
  private synchronized List<Map<String, Object>> history(String channel, String thread) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Call c : calls) {
      if (!c.method().equals("chat.postMessage") || !c.get("channel").equals(channel)) {
        continue;
      }
      boolean inThread = c.ts().equals(thread) || c.get("thread_ts").equals(thread);
      if (thread != null && !inThread) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "message");
      m.put("ts", c.ts());
      m.put("text", c.get("text"));
      if (!c.get("metadata").isEmpty()) {
        try {
          m.put("metadata", JSON.readValue(c.get("metadata"), Map.class));
        } catch (IOException e) {
          throw new IllegalStateException("bad metadata " + c.get("metadata"), e);
        }
      }
      out.add(m);
    }
    return out;
  }

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

  /** 0 to post now, else the whole seconds to wait (Retry-After). */
  private synchronized long admit(String channel) {
    if (globalPerSecond <= 0) {
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

  private static Map<String, String> form(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static void send(HttpExchange ex, int status, Map<String, Object> json)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(json);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    held.values().forEach(CountDownLatch::countDown);
    server.stop(0);
    threads.shutdownNow();
  }
}
