package dev.sparring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The bot's access token for the Bot Connector: a client-credentials grant from Microsoft Entra ID
 * (scope {@code https://api.botframework.com/.default}), kept until five minutes before it expires
 * and dropped when the connector answers 401.
 */
final class TeamsTokens {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private final TeamsSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private String token;
  private Instant until = Instant.MIN;

  TeamsTokens(TeamsSettings settings, HttpClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  /** A token good for a while yet, fetched if the cached one is (nearly) expired. */
  synchronized String token() throws IOException, InterruptedException {
    if (token != null && until.isAfter(clock.instant())) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + enc(settings.appId())
            + "&client_secret="
            + enc(settings.appPassword())
            + "&scope="
            + enc(TeamsSettings.SCOPE);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      // The body names the problem (AADSTS7000215: invalid client secret) and holds no secret.
      throw new TokenRefused(r.statusCode(), r.body());
    }
    JsonNode body = JSON.readTree(r.body());
    String fresh = body.path("access_token").asText("");
    if (fresh.isEmpty()) {
      throw new IOException("the token endpoint answered without an access_token");
    }
    long seconds = body.path("expires_in").asLong(3600);
    token = fresh;
    until = clock.instant().plusSeconds(seconds).minus(MARGIN);
    return token;
  }

  /** Forgets the cached token (the connector refused it). */
  synchronized void invalidate() {
    token = null;
    until = Instant.MIN;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Entra ID refused the app's credentials. */
  static final class TokenRefused extends IOException {
    final int status;

    TokenRefused(int status, String body) {
      super(
          "Microsoft Entra ID refused the bot's credentials ("
              + status
              + "): "
              + dev.sparring.chat.Texts.clip(body == null ? "" : body, 300));
      this.status = status;
    }
  }
}
