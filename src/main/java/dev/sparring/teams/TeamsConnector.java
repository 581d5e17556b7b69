package dev.sparring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the Bot Connector REST API at an activity's {@code serviceUrl} with the bot's token: a new
 * conversation (a channel post, {@code POST /v3/conversations}), an activity in a conversation or a
 * reply to one, an update ({@code PUT}), a member's details. Retries once with a fresh token when
 * the connector answers 401.
 */
final class TeamsConnector {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final TeamsTokens tokens;

  TeamsConnector(HttpClient http, TeamsTokens tokens) {
    this.http = http;
    this.tokens = tokens;
  }

  /** What the connector answered; {@code retryAfter} from its header, or null. */
  record Answer(int status, JsonNode body, Duration retryAfter) {
    boolean ok() {
      return status / 100 == 2;
    }
  }

  /** {@code POST /v3/conversations}: a new thread in a channel, or a 1:1 chat. */
  Answer createConversation(String serviceUrl, JsonNode params)
      throws IOException, InterruptedException {
    return call("POST", serviceUrl, "v3/conversations", params);
  }

  /** {@code POST /v3/conversations/{id}/activities}: a message in a conversation. */
  Answer send(String serviceUrl, String conversation, JsonNode activity)
      throws IOException, InterruptedException {
    return call(
        "POST", serviceUrl, "v3/conversations/" + enc(conversation) + "/activities", activity);
  }

  /** {@code POST /v3/conversations/{id}/activities/{activityId}}: a reply to an activity. */
  Answer reply(String serviceUrl, String conversation, String replyTo, JsonNode activity)
      throws IOException, InterruptedException {
    return call(
        "POST",
        serviceUrl,
        "v3/conversations/" + enc(conversation) + "/activities/" + enc(replyTo),
        activity);
  }

  /** {@code PUT /v3/conversations/{id}/activities/{activityId}}: replaces a message. */
  Answer update(String serviceUrl, String conversation, String activityId, JsonNode activity)
      throws IOException, InterruptedException {
    return call(
        "PUT",
        serviceUrl,
        "v3/conversations/" + enc(conversation) + "/activities/" + enc(activityId),
        activity);
  }

  /** {@code GET /v3/conversations/{teamId}/members/{userId}}: one member, with its role. */
  Answer member(String serviceUrl, String team, String user)
      throws IOException, InterruptedException {
    return call("GET", serviceUrl, "v3/conversations/" + enc(team) + "/members/" + enc(user), null);
  }

  private Answer call(String method, String serviceUrl, String path, JsonNode body)
      throws IOException, InterruptedException {
    Answer a = once(method, serviceUrl, path, body);
    if (a.status() == 401) {
      tokens.invalidate();
      a = once(method, serviceUrl, path, body);
    }
    return a;
  }

  private Answer once(String method, String serviceUrl, String path, JsonNode body)
      throws IOException, InterruptedException {
    String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + tokens.token());
    if (body == null) {
      req.GET();
    } else {
      req.header("Content-Type", "application/json; charset=utf-8")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode parsed = MissingNode.getInstance();
    if (r.body() != null && !r.body().isBlank()) {
      try {
        parsed = JSON.readTree(r.body());
      } catch (IOException notJson) {
        parsed = MissingNode.getInstance();
      }
    }
    return new Answer(r.statusCode(), parsed, retryAfter(r));
  }

  private static Duration retryAfter(HttpResponse<String> r) {
    return r.headers()
        .firstValue("Retry-After")
        .map(
            v -> {
              try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v.strip())));
              } catch (NumberFormatException e) {
                return null;
              }
            })
        .orElse(null);
  }

  /** A conversation id as one path segment (channel thread ids hold {@code ;}). */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
