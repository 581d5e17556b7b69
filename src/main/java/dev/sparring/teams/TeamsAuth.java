package dev.sparring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the bearer token of an inbound activity the way the Bot Framework prescribes: an RS256 JWT
 * signed by a key from the OpenID metadata's JWKS, whose endorsements include the activity's
 * channel ({@code msteams}), issued by {@code https://api.botframework.com} for audience = the
 * bot's app id, not expired (five minutes of clock skew), and with a {@code serviceUrl} claim equal
 * to the activity's. Keys are cached for a day and fetched again, at most every five minutes, when
 * a token names a key not seen yet.
 */
final class TeamsAuth {

  private static final Logger log = LoggerFactory.getLogger(TeamsAuth.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final Duration KEYS_FOR = Duration.ofHours(24);
  private static final Duration REFETCH_AFTER = Duration.ofMinutes(5);

  /** A signing key with the channels it is endorsed for. */
  private record Key(RSAKey key, Set<String> endorsements) {}

  private final TeamsSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private Map<String, Key> keys = Map.of();
  private Instant fetched = Instant.MIN;

  TeamsAuth(TeamsSettings settings, HttpClient http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  /**
   * Null when {@code authorization} (the request's header) proves the activity came from the Bot
   * Framework for this bot; otherwise why not, for the log.
   */
  String refusal(String authorization, String channelId, String serviceUrl) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return "no bearer token";
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(authorization.substring(7).strip());
      claims = jwt.getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      return "not a JWT";
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      return "algorithm " + jwt.getHeader().getAlgorithm() + " is not RS256";
    }
    Key key = key(jwt.getHeader().getKeyID());
    if (key == null) {
      return "unknown signing key " + jwt.getHeader().getKeyID();
    }
    try {
      JWSVerifier verifier = new RSASSAVerifier(key.key());
      if (!jwt.verify(verifier)) {
        return "bad signature";
      }
    } catch (com.nimbusds.jose.JOSEException e) {
      return "signature not checkable: " + e.getMessage();
    }
    if (!settings.channelId().equals(channelId)) {
      return "channel " + channelId + " is not " + settings.channelId();
    }
    if (!key.endorsements().contains(channelId)) {
      return "key not endorsed for channel " + channelId;
    }
    if (!settings.issuer().equals(claims.getIssuer())) {
      return "issuer " + claims.getIssuer();
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(settings.appId())) {
      return "audience " + audience;
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null || exp.toInstant().plus(SKEW).isBefore(now)) {
      return "expired";
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().minus(SKEW).isAfter(now)) {
      return "not valid yet";
    }
    Object claimed = claims.getClaim("serviceUrl");
    if (serviceUrl == null || !serviceUrl.equals(claimed)) {
      return "serviceUrl " + claimed + " is not the activity's " + serviceUrl;
    }
    return null;
  }

  private synchronized Key key(String kid) {
    Instant now = clock.instant();
    boolean stale = fetched.plus(KEYS_FOR).isBefore(now);
    boolean unknown = kid != null && !keys.containsKey(kid);
    if (stale || (unknown && fetched.plus(REFETCH_AFTER).isBefore(now))) {
      try {
        keys = fetchKeys();
        fetched = now;
      } catch (IOException | RuntimeException e) {
        log.warn("Bot Framework signing keys could not be fetched: {}", e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return kid == null ? null : keys.get(kid);
  }

  private Map<String, Key> fetchKeys() throws IOException, InterruptedException {
    JsonNode meta = get(settings.openIdMetadata());
    String jwksUri = meta.path("jwks_uri").asText("");
    if (jwksUri.isEmpty()) {
      throw new IOException("the OpenID metadata has no jwks_uri");
    }
    Map<String, Key> out = new HashMap<>();
    for (JsonNode k : get(jwksUri).path("keys")) {
      try {
        JWK jwk = JWK.parse(JSON.writeValueAsString(k));
        if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null) {
          Set<String> endorsed = new HashSet<>();
          k.path("endorsements").forEach(e -> endorsed.add(e.asText()));
          out.put(jwk.getKeyID(), new Key(rsa, Set.copyOf(endorsed)));
        }
      } catch (java.text.ParseException e) {
        log.debug("skipping a key the JWKS could not describe: {}", e.getMessage());
      }
    }
    return Map.copyOf(out);
  }

  private JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + url + " answered " + r.statusCode());
    }
    return JSON.readTree(r.body());
  }
}
