package dev.sparring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Microsoft on loopback: the Bot Framework's OpenID metadata and signing keys (one endorsed for
 * {@code msteams}, one only for {@code webchat}), Entra ID's token endpoint, and a Bot Connector
 * that records every call and answers like Teams (a new channel thread's activity id, a 1:1 chat
 * id, a member's {@code userRole}). Scripted answers (a 429, a 401) go first, one per call.
 */
final class TeamsStandIn implements AutoCloseable {

  static final String APP_ID = "00000000-aaaa-bbbb-cccc-000000000001";
  static final String ISSUER = "https://api.botframework.com";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One connector call: method, decoded path after {@code /connector/}, body, bearer token. */
  record Call(String method, String path, JsonNode body, String token, Instant at) {
    /** The text of the call's card, title and body blocks joined. */
    String cardText() {
      StringBuilder b = new StringBuilder();
      JsonNode activity = body.has("activity") ? body.path("activity") : body;
      for (JsonNode block : activity.path("attachments").path(0).path("content").path("body")) {
        b.append(block.path("text").asText("")).append('\n');
      }
      return b.toString();
    }

    /** The data of the card's {@code i}th button. */
    JsonNode button(int i) {
      JsonNode activity = body.has("activity") ? body.path("activity") : body;
      return activity
          .path("attachments")
          .path(0)
          .path("content")
          .path("actions")
          .path(i)
          .path("data");
    }
  }

  /** A thread the bot started in a channel: its root activity id and card text. */
  record Thread(String id, String text) {}

  /** A scripted connector answer. */
  record Scripted(int status, String retryAfter, String body) {}

  final RSAKey key;
  final RSAKey webchatOnly;
  final RSAKey stranger;
  private final HttpServer server;
  private final List<Call> calls = new ArrayList<>();
  private final Deque<Scripted> script = new ArrayDeque<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger(1000);
  final AtomicInteger tokensIssued = new AtomicInteger();
  volatile Set<String> owners = Set.of("29:owner");

  TeamsStandIn() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k-teams").generate();
    webchatOnly = new RSAKeyGenerator(2048).keyID("k-webchat").generate();
    stranger = new RSAKeyGenerator(2048).keyID("k-teams").generate();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/openid", x -> json(x, 200, null, metadata()));
    server.createContext("/keys", x -> json(x, 200, null, keys()));
    server.createContext("/token", this::token);
    server.createContext("/connector/", this::connector);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The serviceUrl activities name. */
  String serviceUrl() {
    return base() + "/connector/";
  }

  /** A token as the Bot Framework signs it for this bot and {@link #serviceUrl()}. */
  String token() {
    return token(key, ISSUER, APP_ID, Instant.now().plusSeconds(3600), serviceUrl());
  }

  String token(RSAKey signer, String issuer, String audience, Instant exp, String serviceUrl) {
    try {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(issuer)
              .audience(audience)
              .expirationTime(Date.from(exp))
              .notBeforeTime(Date.from(exp.minusSeconds(7200)))
              .claim("serviceUrl", serviceUrl)
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  synchronized void script(Scripted... answers) {
    script.addAll(List.of(answers));
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Thread> threads() {
    return List.copyOf(threads);
  }

  /** The calls into the thread under {@code root}, in order. */
  synchronized List<Call> inThread(String root) {
    return calls.stream()
        .filter(c -> c.path().contains(";messageid=" + root + "/activities"))
        .filter(c -> c.method().equals("POST"))
        .toList();
  }

  /** The calls that sent a message (not member look-ups). */
  synchronized List<Call> sends() {
    return calls.stream().filter(c -> !c.method().equals("GET")).toList();
  }

  private String metadata() {
    ObjectNode m = JSON.createObjectNode();
    m.put("issuer", ISSUER).put("jwks_uri", base() + "/keys");
    m.putArray("id_token_signing_alg_values_supported").add("RS256");
    return m.toString();
  }

  private String keys() {
    ObjectNode set = JSON.createObjectNode();
    ArrayNode keys = set.putArray("keys");
    ObjectNode teams = JSON.valueToTree(key.toPublicJWK().toJSONObject());
    teams.putArray("endorsements").add("msteams").add("skype");
    keys.add(teams);
    ObjectNode webchat = JSON.valueToTree(webchatOnly.toPublicJWK().toJSONObject());
    webchat.putArray("endorsements").add("webchat");
    keys.add(webchat);
    return set.toString();
  }

  private void token(HttpExchange x) throws IOException {
    String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!form.contains("client_secret=s3cret-password")
        || !form.contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default")
        || !form.contains("grant_type=client_credentials")) {
      json(x, 401, null, "{\"error\":\"invalid_client\"}");
      return;
    }
    int n = tokensIssued.incrementAndGet();
    json(
        x,
        200,
        null,
        "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\"tok-" + n + "\"}");
  }

  private void connector(HttpExchange x) throws IOException {
    String path =
        URLDecoder.decode(
            x.getRequestURI().getRawPath().substring("/connector/".length()),
            StandardCharsets.UTF_8);
    byte[] raw = x.getRequestBody().readAllBytes();
    JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
    String auth = x.getRequestHeaders().getFirst("Authorization");
    Scripted next;
    synchronized (this) {
      calls.add(new Call(x.getRequestMethod(), path, body, auth, Instant.now()));
      next = x.getRequestMethod().equals("GET") ? null : script.poll();
    }
    if (next != null) {
      json(x, next.status(), next.retryAfter(), next.body());
      return;
    }
    String[] parts = path.split("/");
    if (x.getRequestMethod().equals("GET") && parts.length == 5 && parts[3].equals("members")) {
      String user = parts[4];
      json(
          x,
          200,
          null,
          "{\"id\":\""
              + user
              + "\",\"userRole\":\""
              + (owners.contains(user) ? "owner" : "user")
              + "\"}");
      return;
    }
    String id = Integer.toString(ids.incrementAndGet());
    if (path.equals("v3/conversations")) {
      if (body.path("isGroup").asBoolean()) {
        String channel = body.path("channelData").path("channel").path("id").asText();
        synchronized (this) {
          threads.add(new Thread(id, new Call("POST", path, body, auth, Instant.now()).cardText()));
        }
        json(
            x,
            200,
            null,
            "{\"id\":\"" + channel + ";messageid=" + id + "\",\"activityId\":\"" + id + "\"}");
      } else {
        json(
            x,
            200,
            null,
            "{\"id\":\"a:dm-" + body.path("members").path(0).path("id").asText() + "\"}");
      }
      return;
    }
    json(
        x,
        200,
        null,
        "{\"id\":\"" + (x.getRequestMethod().equals("PUT") ? parts[parts.length - 1] : id) + "\"}");
  }

  private static void json(HttpExchange x, int status, String retryAfter, String body)
      throws IOException {
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter != null) {
      x.getResponseHeaders().set("Retry-After", retryAfter);
    }
    x.sendResponseHeaders(status, out.length);
    x.getResponseBody().write(out);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
