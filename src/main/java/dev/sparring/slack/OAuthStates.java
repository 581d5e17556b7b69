package dev.sparring.slack;

import dev.sparring.store.Document;
import dev.sparring.store.Store;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code state} of an install: a fresh random value kept twice, as its hash in the store (any
 * replica can check it, it expires, and deleting it claims it once) and as itself in a short-lived
 * cookie (only the browser that started an install can finish it).
 */
final class OAuthStates {

  /** What became of a state brought back from Slack. */
  enum Claim {
    /** Known, unused and unexpired: this request finishes the install. */
    CLAIMED,
    /** Never issued, or already claimed by another request. */
    UNKNOWN,
    /** Claimed now, but issued longer than the state's lifetime ago. */
    EXPIRED
  }

  static final String COOKIE = "sparring_slack_state";
  static final String KIND = "slack.oauth-state";
  static final Duration TTL = Duration.ofMinutes(10);

  /** Installs in progress at once; beyond this, no state is issued. */
  static final int MAX_PENDING = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Clock clock;
  private final String publicUrl;

  OAuthStates(Store store, Clock clock, String publicUrl) {
    this.store = store;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  /**
   * A new state, stored until it expires; empty when {@link #MAX_PENDING} installs are already in
   * progress (expired states are swept first).
   */
  Optional<String> issue() {
    Instant now = clock.instant();
    boolean full =
        store.transact(
            tx -> {
              for (Document expired : tx.documents().due(KIND, now, 100)) {
                tx.documents().delete(KIND, expired.id());
              }
              return tx.documents().count(KIND) >= MAX_PENDING;
            });
    if (full) {
      return Optional.empty();
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant expires = now.plus(TTL);
    store.transact(
        tx ->
            tx.documents()
                .insert(
                    Document.create(
                        KIND,
                        digest(state),
                        "-",
                        "{\"issued\":" + now.getEpochSecond() + "}",
                        expires)));
    return Optional.of(state);
  }

  /** Takes a state brought back from Slack out of the store, and says whether it was good. */
  Claim claim(String state) {
    String id = digest(state);
    Optional<Document> issued = store.transact(tx -> tx.documents().get(KIND, id));
    // Deleting is the claim: of two requests with one state, only one gets it.
    boolean claimed = issued.isPresent() && store.transact(tx -> tx.documents().delete(KIND, id));
    if (!claimed) {
      return Claim.UNKNOWN;
    }
    if (issued.get().dueAt() == null || !clock.instant().isBefore(issued.get().dueAt())) {
      return Claim.EXPIRED;
    }
    return Claim.CLAIMED;
  }

  /** Whether {@code state} is the one this browser's cookie holds. */
  static boolean fromThisBrowser(HttpServletRequest req, String state) {
    String browser = cookieValue(req);
    return browser != null
        && MessageDigest.isEqual(
            browser.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8));
  }

  /** The state cookie: only for Sparring's Slack paths, never sent cross-site by scripts. */
  String cookie(HttpServletRequest req, String value, Duration maxAge) {
    boolean secure = publicUrl == null ? req.isSecure() : publicUrl.startsWith("https:");
    return COOKIE
        + "="
        + value
        + "; Path=/slack; Max-Age="
        + maxAge.toSeconds()
        + "; HttpOnly; SameSite=Lax"
        + (secure ? "; Secure" : "");
  }

  /** The cookie that ends the install in this browser. */
  String clearCookie(HttpServletRequest req) {
    return cookie(req, "", Duration.ZERO);
  }

  private static String cookieValue(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
        return c.getValue();
      }
    }
    return null;
  }

  /**
   * What the store keeps of a state: its hash, so a copy of the database cannot finish installs.
   */
  private static String digest(String state) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
