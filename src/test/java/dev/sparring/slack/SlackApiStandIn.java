package dev.sparring.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for Slack's Web API: answers the methods Sparring calls the way Slack does
 * and records every call. {@code U_ADMIN} is a workspace admin; {@code ratelimitNext} makes the
 * next {@code chat.postMessage} answer 429 with a Retry-After; {@code hold} keeps a method's
 * answers back until {@code release}; {@code breakMethod} makes a method fail; posts to {@link
 * #responseUrl} are recorded as calls of "respond".
 */
final class SlackApiStandIn implements AutoCloseable {

  /** One Web API call: the method and its form parameters. */
  record Call(String method, Map<String, String> params, String authorization, String ts) {
    String get(String name) {
      return params.getOrDefault(name, "");
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final AtomicLong ts = new AtomicLong(1000);
  private final Deque<Integer> retryAfter = new ArrayDeque<>();
  private volatile String socketUrl = "ws://127.0.0.1:1/";

  /** Where apps.connections.open sends Socket Mode clients. */
  void socketUrl(String url) {
    this.socketUrl = url;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What oauth.v2.access answers for each install code (a code works once, as on Slack). */
  private final Map<String, Map<String, Object>> grants =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** auth.test's answer for the bot tokens that installs handed out. */
  private final Map<String, Map<String, Object>> tokenOwners =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Makes {@code code} a valid install code: oauth.v2.access answers with a workspace install
   * ({@code enterprise} null), a Grid workspace's, or an org-wide install ({@code team} null), the
   * way Slack shapes it; auth.test then knows the bot token.
   */
  void grant(String code, String enterprise, String team, String teamName, String botToken) {
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

  SlackApiStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::handle);
    server.createContext("/respond/", this::respond);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** A response_url for a payload: what is posted there is recorded as a call of "respond". */
  String responseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/hook";
  }

  private final Map<String, java.util.concurrent.CountDownLatch> held =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Integer> broken = new java.util.concurrent.ConcurrentHashMap<>();

  /** Calls of {@code method} are recorded on arrival but answered only after {@link #release}. */
  void hold(String method) {
    held.put(method, new java.util.concurrent.CountDownLatch(1));
  }

  void release(String method) {
    java.util.concurrent.CountDownLatch gate = held.remove(method);
    if (gate != null) {
      gate.countDown();
    }
  }

  /** Every call of {@code method} answers with this HTTP status and no result. */
  void breakMethod(String method, int status) {
    broken.put(method, status);
  }

  synchronized void ratelimitNext(int seconds) {
    retryAfter.add(seconds);
  }

  /** Faults the next chat.postMessage calls answer with instead of posting. */
  enum Fault {
    ERROR_500,
    RESET,
    CHANNEL_NOT_FOUND,
    /** Posts the message, then answers only after {@link #SLOW_MILLIS}: the client times out. */
    SLOW
  }

  static final long SLOW_MILLIS = 1_500;

  private final Deque<Fault> faults = new ArrayDeque<>();

  synchronized void fail(Fault... next) {
    faults.addAll(List.of(next));
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestURI().getPath().substring("/api/".length());
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    Integer limited = null;
    Fault fault = null;
    String t = ts.incrementAndGet() + ".000100";
    synchronized (this) {
      if (method.equals("chat.postMessage") && !faults.isEmpty()) {
        fault = faults.poll();
      } else if (method.equals("chat.postMessage") && !retryAfter.isEmpty()) {
        limited = retryAfter.poll();
      }
      if (fault == null || fault == Fault.SLOW) {
        if (limited == null) {
          calls.add(new Call(method, params, ex.getRequestHeaders().getFirst("Authorization"), t));
        }
      }
    }
    java.util.concurrent.CountDownLatch gate = held.get(method);
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
    if (limited != null) {
      ex.getResponseHeaders().add("Retry-After", Integer.toString(limited));
      send(ex, 429, Map.of("ok", false, "error", "ratelimited"));
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("ok", true);
    String authorization = ex.getRequestHeaders().getFirst("Authorization");
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
        answer.put("team_id", "T1");
        answer.put("bot_id", "BBOT");
        answer.put("url", "https://example.slack.com/");
      }
      case "chat.postMessage" -> {
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
    synchronized (this) {
      calls.add(new Call("respond", Map.of("body", body), null, ts.incrementAndGet() + ".000100"));
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
    held.values().forEach(java.util.concurrent.CountDownLatch::countDown);
    server.stop(0);
  }
}
