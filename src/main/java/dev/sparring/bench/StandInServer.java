package dev.sparring.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sparring.bench.SlackApiStandIn.Call;
import dev.sparring.bench.SlackApiStandIn.Fault;
import dev.sparring.slack.SlackAdapter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side of a {@link SlackApiStandIn}: a loopback server whose {@code /api/METHOD} reads the
 * form, lets the arranged faults and the rate limits have their say, and sends the method's JSON
 * answer; posts to {@code /respond/} (response URLs) are recorded as calls of "respond", and files
 * POSTed to {@code /upload/FILE} (upload URLs) as calls of "upload". Each call gets the next ts.
 */
final class StandInServer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicLong ts;
  private final StandInCalls calls;
  private final StandInFaults faults;
  private final StandInLimits limits;
  private final StandInMethods methods;

  StandInServer(
      ExecutorService threads,
      int backlog,
      long firstTs,
      StandInCalls calls,
      StandInFaults faults,
      StandInLimits limits,
      StandInMethods methods)
      throws IOException {
    // Without TCP_NODELAY the JDK server's two writes per response meet delayed ACKs: ~40 ms each.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.threads = threads;
    this.ts = new AtomicLong(firstTs);
    this.calls = calls;
    this.faults = faults;
    this.limits = limits;
    this.methods = methods;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
    server.createContext("/api/", this::api);
    server.createContext("/respond/", this::respond);
    server.createContext("/upload/", this::upload);
    server.setExecutor(threads);
    server.start();
    methods.uploadBase(base() + "/upload/");
  }

  /** {@code http://127.0.0.1:PORT} of this server. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void api(HttpExchange ex) throws IOException {
    String method = ex.getRequestURI().getPath().substring("/api/".length());
    Map<String, String> params =
        form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String authorization = ex.getRequestHeaders().getFirst("Authorization");
    boolean post = method.equals("chat.postMessage");
    String t = ts.incrementAndGet() + ".000100";
    StandInFaults.Arrival arrival =
        faults.arrive(new Call(method, params, authorization, t), calls);
    Fault fault = arrival.fault();
    Integer limited = arrival.retryAfter();
    faults.awaitRelease(method);
    Integer status = faults.brokenStatus(method);
    if (status != null) {
      send(ex, status, Map.of("ok", false, "error", "internal_error"));
      return;
    }
    if (fault == Fault.SLOW) {
      try {
        // The fault itself: a response that comes too late.
        Thread.sleep(SlackApiStandIn.SLOW_MILLIS);
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
      long retry = limits.admit(params.getOrDefault("channel", ""));
      if (retry > 0) {
        limited = (int) retry;
      }
    }
    if (limited != null) {
      ex.getResponseHeaders().add("Retry-After", Integer.toString(limited));
      send(ex, 429, Map.of("ok", false, "error", "ratelimited"));
      return;
    }
    String refusal = faults.refusal(method);
    if (refusal != null) {
      Map<String, Object> refused = new LinkedHashMap<>();
      refused.put("ok", false);
      refused.put("error", refusal);
      if (refusal.equals("missing_scope") && method.startsWith("files.")) {
        refused.put("needed", "files:write");
        refused.put("provided", SlackAdapter.SCOPES.replace(",files:write", ""));
      }
      send(ex, 200, refused);
      return;
    }
    Map<String, Object> answer = methods.answer(method, params, authorization, t);
    if (faults.takeFailAfterDoing(method)) {
      send(ex, 500, Map.of("ok", false, "error", "internal_error"));
      return;
    }
    send(ex, 200, answer);
  }

  /** A file's bytes POSTed to the upload_url files.getUploadURLExternal handed out. */
  private void upload(HttpExchange ex) throws IOException {
    String file = ex.getRequestURI().getPath().substring("/upload/".length());
    byte[] bytes = ex.getRequestBody().readAllBytes();
    int status = faults.uploadStatus();
    if (calls.recording()) {
      calls.add(
          new Call(
              "upload",
              Map.of("file_id", file, "length", Integer.toString(bytes.length)),
              ex.getRequestHeaders().getFirst("Authorization"),
              ts.incrementAndGet() + ".000100"));
    }
    if (status / 100 == 2 && !methods.uploaded(file, bytes)) {
      status = 404;
    }
    byte[] answer =
        (status / 100 == 2 ? "OK - " + bytes.length : "upload refused")
            .getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, answer.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(answer);
    }
  }

  private void respond(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (calls.recording()) {
      calls.add(new Call("respond", Map.of("body", body), null, ts.incrementAndGet() + ".000100"));
    }
    byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(200, ok.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(ok);
    }
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
}
