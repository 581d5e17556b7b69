package dev.sparring.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet behind a guard: bodies over 1 MiB get 413, payloads that are not the shape Slack
 * sends get 400, and an unexpected failure inside Bolt becomes a plain 500 without a stack trace.
 * Signatures are still checked by Bolt (401).
 */
final class GuardedSlackServlet extends SlackAppServlet {

  static final int MAX_BODY = 1024 * 1024;
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(GuardedSlackServlet.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final com.slack.api.app_backend.SlackSignature.Verifier signatures;
  private final java.util.Map<String, Long> rateLimitedMinutes =
      new java.util.concurrent.ConcurrentHashMap<>();

  GuardedSlackServlet(App app) {
    super(app);
    String secret = app.config().getSigningSecret();
    this.signatures =
        new com.slack.api.app_backend.SlackSignature.Verifier(
            new com.slack.api.app_backend.SlackSignature.Generator(
                secret == null || secret.isBlank() ? "---" : secret));
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] body = readLimited(req.getInputStream());
    if (body == null) {
      // Read (and drop) the rest first, so the client sees the answer instead of a reset.
      req.getInputStream().skip(DRAIN_LIMIT);
      plain(resp, 413, "payload too large");
      return;
    }
    String problem = problem(req.getContentType(), new String(body, StandardCharsets.UTF_8));
    if (problem != null) {
      plain(resp, 400, problem);
      return;
    }
    if (isAppRateLimited(req.getContentType(), body)) {
      rateLimited(req, resp, body);
      return;
    }
    Buffered buffered = new Buffered(resp);
    try {
      super.doPost(new Cached(req, body), buffered);
    } catch (RuntimeException e) {
      log.warn(
          "Slack request failed inside Bolt: {}", dev.sparring.chat.Texts.clip(e.toString(), 200));
      buffered.status = 500;
    }
    if (buffered.status == 500) {
      // Store failures are answered 503 by the handlers (Slack retries those); a 500 here means
      // Bolt could not read a signed but malformed payload.
      plain(resp, 400, "malformed payload");
      return;
    }
    buffered.commit();
  }

  /**
   * {@code app_rate_limited} comes outside an {@code event_callback} envelope, a shape Bolt does
   * not know (it answers 400): Slack sends it when the app got more than 30,000 events from a
   * workspace in an hour and is dropping some. Signed, it is acknowledged and logged once.
   */
  private void rateLimited(HttpServletRequest req, HttpServletResponse resp, byte[] body)
      throws IOException {
    String raw = new String(body, StandardCharsets.UTF_8);
    String timestamp = req.getHeader("X-Slack-Request-Timestamp");
    String signature = req.getHeader("X-Slack-Signature");
    if (timestamp == null || signature == null || !signatures.isValid(timestamp, raw, signature)) {
      plain(resp, 401, "invalid signature");
      return;
    }
    JsonNode n = JSON.readTree(raw);
    String team = dev.sparring.chat.Texts.clip(n.path("team_id").asText("?"), 40);
    long minute = n.path("minute_rate_limited").asLong();
    // Slack sends one per minute while it drops events: one line each, not one per retry.
    if (rateLimitedMinutes.size() > 10_000) {
      rateLimitedMinutes.clear();
    }
    Long previous = rateLimitedMinutes.put(team, minute);
    if (previous == null || previous != minute) {
      log.warn(
          "Slack is dropping events for workspace {}: more than 30,000 in an hour (minute {})",
          team,
          minute);
    }
    resp.setStatus(200);
  }

  private static boolean isAppRateLimited(String contentType, byte[] body) {
    if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
      return false;
    }
    try {
      return "app_rate_limited".equals(JSON.readTree(body).path("type").asText(null));
    } catch (IOException e) {
      return false;
    }
  }

  /** Holds Bolt's answer until it is known not to be a 500. */
  private static final class Buffered extends jakarta.servlet.http.HttpServletResponseWrapper {
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private java.io.PrintWriter writer;
    int status = 200;

    Buffered(HttpServletResponse resp) {
      super(resp);
    }

    @Override
    public void setStatus(int sc) {
      status = sc;
    }

    @Override
    public void sendError(int sc) {
      status = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
      status = sc;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public jakarta.servlet.ServletOutputStream getOutputStream() {
      return new jakarta.servlet.ServletOutputStream() {
        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(jakarta.servlet.WriteListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.PrintWriter getWriter() {
      if (writer == null) {
        writer =
            new java.io.PrintWriter(
                new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() {}

    void commit() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      HttpServletResponse real = (HttpServletResponse) getResponse();
      real.setStatus(status);
      real.setContentLength(bytes.size());
      bytes.writeTo(real.getOutputStream());
    }
  }

  /** What Slack posts as JSON; Bolt cannot read anything else (and logs the whole body at WARN). */
  private static final java.util.Set<String> JSON_TYPES =
      java.util.Set.of("event_callback", "url_verification", "app_rate_limited");

  /** The types of interactive payloads (a form's {@code payload=} field) Bolt can read. */
  private static final java.util.Set<String> INTERACTIVE_TYPES =
      java.util.Set.of(
          "block_actions",
          "block_suggestion",
          "interactive_message",
          "message_action",
          "shortcut",
          "view_submission",
          "view_closed",
          "dialog_submission",
          "dialog_cancellation",
          "dialog_suggestion",
          "workflow_step_edit");

  /** Null if the body looks like something Slack sends, else why not. */
  static String problem(String contentType, String body) {
    String type = contentType == null ? "" : contentType.toLowerCase();
    try {
      if (type.startsWith("application/json")) {
        JsonNode n = JSON.readTree(body);
        if (n == null || !n.isObject() || !n.hasNonNull("type")) {
          return "expected a JSON object with a type";
        }
        return JSON_TYPES.contains(n.get("type").asText()) ? null : "unknown payload type";
      }
      if (type.startsWith("application/x-www-form-urlencoded")) {
        if (body.contains("payload=")) {
          for (String pair : body.split("&")) {
            if (pair.startsWith("payload=")) {
              String json = URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8);
              JsonNode n = JSON.readTree(json);
              if (n == null || !n.isObject() || !n.hasNonNull("type")) {
                return "payload must be a JSON object with a type";
              }
              return INTERACTIVE_TYPES.contains(n.get("type").asText())
                  ? null
                  : "unknown payload type";
            }
          }
        }
        if (body.contains("command=") || body.contains("ssl_check=")) {
          return null;
        }
        return "expected a slash command or an interactive payload";
      }
      return "unsupported content type";
    } catch (IOException | IllegalArgumentException e) {
      return "malformed payload";
    }
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] data = in.readNBytes(MAX_BODY + 1);
    return data.length > MAX_BODY ? null : data;
  }

  private static void plain(HttpServletResponse resp, int status, String text) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/plain; charset=utf-8");
    resp.getWriter().write(text);
  }

  /** The request with its body read once and replayed to Bolt. */
  private static final class Cached extends HttpServletRequestWrapper {
    private final byte[] body;

    Cached(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
