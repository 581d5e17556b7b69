package dev.sparring.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.sparring.app.HttpServer;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.core.Bot;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The Slack adapter over real HTTP, for tests: a {@link SlackApiStandIn} for the Web API, the
 * adapter and its outbox dispatcher on a memory store and a {@link MutableClock}, the embedded
 * Jetty on a free port, and helpers that sign and post what Slack would post to {@code
 * /slack/events}. Close it after each test.
 */
final class SlackRig implements AutoCloseable {

  static final String FORM = "application/x-www-form-urlencoded";

  private static final ObjectMapper JSON = new ObjectMapper();

  final MutableClock clock;
  final MemoryStore store;
  final SlackApiStandIn api;
  final SlackAdapter adapter;
  final Bot bot;
  final OutboxDispatcher dispatcher;
  final HttpServer http;

  private final String secret;
  private final String verificationToken;
  private final String responseUrl;
  private final HttpClient client = HttpClient.newHttpClient();
  private int triggers;

  /** A rig whose requests are signed with {@code secret}; a bot token or OAuth must be chosen. */
  static Builder builder(String secret) {
    return new Builder(secret);
  }

  static final class Builder {
    private final String secret;
    private String botToken;
    private String clientId;
    private String clientSecret;
    private String secretKey;
    private Duration apiTimeout;
    private MutableClock clock;
    private MemoryStore store;
    private String verificationToken;
    private String responseUrl;

    private Builder(String secret) {
      this.secret = secret;
    }

    /** One workspace with this bot token. */
    Builder token(String botToken) {
      this.botToken = botToken;
      return this;
    }

    /** Installations through OAuth (no bot token), tokens encrypted with {@code secretKey}. */
    Builder oauth(String clientId, String clientSecret, String secretKey) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      this.secretKey = secretKey;
      return this;
    }

    /** The adapter's Web API timeout (the adapter's own default unless given). */
    Builder apiTimeout(Duration apiTimeout) {
      this.apiTimeout = apiTimeout;
      return this;
    }

    Builder clock(MutableClock clock) {
      this.clock = clock;
      return this;
    }

    Builder store(MemoryStore store) {
      this.store = store;
      return this;
    }

    /**
     * The old verification token sent as the {@code token} field of each payload (none unless
     * given).
     */
    Builder verificationToken(String token) {
      this.verificationToken = token;
      return this;
    }

    /** The {@code response_url} of commands and actions (the stand-in's unless given). */
    Builder responseUrl(String url) {
      this.responseUrl = url;
      return this;
    }

    SlackRig build() throws Exception {
      return new SlackRig(this);
    }
  }

  private SlackRig(Builder b) throws Exception {
    this.secret = b.secret;
    this.clock = b.clock != null ? b.clock : MutableClock.at("2026-03-02T08:00:00Z");
    this.store = b.store != null ? b.store : new MemoryStore();
    this.verificationToken = b.verificationToken;
    SlackApiStandIn standIn = new SlackApiStandIn();
    SlackAdapter started = null;
    try {
      this.responseUrl = b.responseUrl != null ? b.responseUrl : standIn.responseUrl();
      Bot created = new Bot(store, clock, Features.all(), Set.of());
      this.bot = created;
      SlackSettings settings =
          new SlackSettings(
              secret, b.botToken, b.clientId, b.clientSecret, null, standIn.url(), 0, false);
      if (b.secretKey != null) {
        settings = settings.withOAuth(null, null, b.secretKey);
      }
      started =
          (b.apiTimeout == null
                  ? new SlackAdapter(settings, created, store, clock)
                  : new SlackAdapter(settings, created, store, clock, b.apiTimeout))
              .start();
      this.dispatcher =
          new OutboxDispatcher(
              store, clock, List.of(started.gateway()), OutboxDispatcher.Settings.defaults(), "t");
      this.http = new HttpServer(0, started.servlets(), () -> true);
    } catch (Exception | Error e) {
      if (started != null) {
        started.close();
      }
      standIn.close();
      throw e;
    }
    this.api = standIn;
    this.adapter = started;
  }

  @Override
  public void close() throws Exception {
    http.close();
    adapter.close();
    api.close();
  }

  // ---- requests

  /** A POST to {@code /slack/events} on {@code port} with the given timestamp and signature. */
  static HttpRequest request(
      int port,
      String contentType,
      String body,
      long timestamp,
      String signature,
      Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return b.build();
  }

  /** Slack's signature of {@code body} sent at {@code timestamp}. */
  static String signature(String secret, long timestamp, String body) {
    return new SlackSignature.Generator(secret).generate(Long.toString(timestamp), body);
  }

  /** A POST to {@code /slack/events} on {@code port}, signed now with {@code secret}. */
  static HttpRequest signedRequest(String secret, int port, String contentType, String body) {
    long now = Instant.now().getEpochSecond();
    return request(port, contentType, body, now, signature(secret, now, body), Map.of());
  }

  /** A request to this rig, signed now. */
  HttpRequest signedRequest(String contentType, String body, Map<String, String> headers) {
    long now = Instant.now().getEpochSecond();
    return request(http.port(), contentType, body, now, signature(secret, now, body), headers);
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Posts with the given timestamp and signature, right or wrong. */
  HttpResponse<String> post(
      String contentType,
      String body,
      long timestamp,
      String signature,
      Map<String, String> headers)
      throws Exception {
    return send(request(http.port(), contentType, body, timestamp, signature, headers));
  }

  HttpResponse<String> signed(String contentType, String body) throws Exception {
    return signed(contentType, body, Map.of());
  }

  HttpResponse<String> signed(String contentType, String body, Map<String, String> headers)
      throws Exception {
    return send(signedRequest(contentType, body, headers));
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  // ---- payloads

  /** The slash command {@code /spar text} by {@code user} in channel C1 of {@code team}. */
  HttpRequest commandRequest(String team, String user, String text) {
    Map<String, String> f = new LinkedHashMap<>();
    if (verificationToken != null) {
      f.put("token", verificationToken);
    }
    f.put("team_id", team);
    f.put("channel_id", "C1");
    f.put("user_id", user);
    f.put("user_name", user.toLowerCase());
    f.put("command", "/spar");
    f.put("text", text);
    f.put("trigger_id", "trig-" + (++triggers));
    f.put("response_url", responseUrl);
    return signedRequest(FORM, form(f), Map.of());
  }

  HttpResponse<String> command(String team, String user, String text) throws Exception {
    return send(commandRequest(team, user, text));
  }

  /** An Events API envelope from workspace T1 around {@code event}. */
  HttpResponse<String> event(String eventId, Map<String, Object> event, Map<String, String> headers)
      throws Exception {
    Map<String, Object> envelope = new LinkedHashMap<>();
    if (verificationToken != null) {
      envelope.put("token", verificationToken);
    }
    envelope.put("team_id", "T1");
    envelope.put("api_app_id", "A1");
    envelope.put("type", "event_callback");
    envelope.put("event_id", eventId);
    envelope.put("event_time", 1_700_000_000);
    envelope.put("event", event);
    return signed("application/json", JSON.writeValueAsString(envelope), headers);
  }

  /** A message by {@code user} in channel C1, in the thread {@code threadTs}. */
  static Map<String, Object> threadMessage(String user, String text, String ts, String threadTs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "message");
    m.put("channel", "C1");
    m.put("user", user);
    m.put("text", text);
    m.put("ts", ts);
    m.put("thread_ts", threadTs);
    return m;
  }

  /**
   * A press of the button {@code actionId} (with {@code value}) on the message {@code messageTs}.
   */
  HttpResponse<String> press(String user, String actionId, String value, String messageTs)
      throws Exception {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", "block_actions");
    payload.put("team", Map.of("id", "T1", "domain", "x"));
    payload.put("user", Map.of("id", user, "username", user.toLowerCase(), "team_id", "T1"));
    payload.put("api_app_id", "A1");
    if (verificationToken != null) {
      payload.put("token", verificationToken);
    }
    payload.put("trigger_id", "trig-" + (++triggers));
    payload.put("channel", Map.of("id", "C1", "name", "general"));
    payload.put(
        "container", Map.of("type", "message", "message_ts", messageTs, "channel_id", "C1"));
    payload.put("message", Map.of("type", "message", "ts", messageTs, "text", "q"));
    payload.put("response_url", responseUrl);
    payload.put(
        "actions",
        List.of(
            Map.of(
                "type",
                "button",
                "action_id",
                actionId,
                "block_id",
                "b1",
                "value",
                value,
                "action_ts",
                "1.2",
                "text",
                Map.of("type", "plain_text", "text", "x"))));
    return signed(FORM, form(Map.of("payload", JSON.writeValueAsString(payload))));
  }

  // ---- delivery

  /** Delivers the outbox, moving the clock past the per-channel pacing (up to 50 s). */
  void deliver() {
    deliver(50);
  }

  /** Delivers the outbox, moving the clock a second at a time, for at most {@code seconds}. */
  void deliver(int seconds) {
    for (int i = 0; i < seconds; i++) {
      dispatcher.drain();
      if (store.transact(tx -> tx.outbox().pending()) == 0) {
        return;
      }
      clock.advance(Duration.ofSeconds(1));
    }
    throw new AssertionError("outbox did not drain");
  }

  List<SlackApiStandIn.Call> posts() {
    return api.calls("chat.postMessage");
  }
}
