package dev.sparring.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for an OpenAI-compatible server: {@code POST /v1/chat/completions} answers
 * what the test set (a verdict, garbage, an error status), optionally after holding the request
 * until the test releases it. Every request's headers and body are kept.
 */
public final class JudgeStandIn implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the server saw it. */
  public record Seen(String body, Map<String, List<String>> headers) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A canned reply. */
  public record Reply(int status, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  public final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Reply reply = new Reply(200, completion("{\"points\":[]}"), Map.of());
  private volatile CountDownLatch hold;
  public final AtomicInteger held = new AtomicInteger();

  public JudgeStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API base to configure, like {@code http://127.0.0.1:PORT/v1}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  public void reply(int status, String body, Map<String, String> headers) {
    reply = new Reply(status, body, headers);
  }

  /** A 200 chat completion whose message content is {@code content}. */
  public void content(String content) {
    reply(200, completion(content), Map.of());
  }

  /** Requests wait, counted in {@link #held}, until {@link #release}. */
  public void holdRequests() {
    hold = new CountDownLatch(1);
  }

  public void release() {
    CountDownLatch h = hold;
    if (h != null) {
      h.countDown();
    }
  }

  public int calls() {
    return seen.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!ex.getRequestMethod().equals("POST")
          || !ex.getRequestURI().getPath().equals("/v1/chat/completions")) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      seen.add(new Seen(body, Map.copyOf(ex.getRequestHeaders())));
      CountDownLatch h = hold;
      if (h != null) {
        held.incrementAndGet();
        try {
          h.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          held.decrementAndGet();
        }
      }
      Reply r = reply;
      r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.getResponseHeaders().add("Content-Type", "application/json");
      byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream o = ex.getResponseBody()) {
          o.write(out);
        }
      }
    } catch (IOException e) {
      // the client gave up (a timeout under test): nothing to answer
    }
  }

  /** The envelope of an OpenAI chat completion around {@code content}. */
  public static String completion(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "stand-in");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    return root.toString();
  }

  /** {@code {"points":[...]}} from (index, verdict, quote) triples. */
  public static String points(Object... triples) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode a = root.putArray("points");
    for (int i = 0; i < triples.length; i += 3) {
      a.addObject()
          .put("index", (Integer) triples[i])
          .put("verdict", (String) triples[i + 1])
          .put("quote", (String) triples[i + 2]);
    }
    return root.toString();
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
