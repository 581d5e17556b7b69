package dev.sparring.slack;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /slack/install}: issues a fresh state (in the store and in this browser's cookie) and
 * sends the browser to Slack's authorize page with the app's client id, scopes and redirect URL.
 */
final class OAuthStart {

  private static final Logger log = LoggerFactory.getLogger(OAuthStart.class);

  private final SlackSettings settings;
  private final OAuthStates states;
  private final OAuthPages pages;
  private final String scopes;
  private final String userScopes;

  OAuthStart(
      SlackSettings settings,
      OAuthStates states,
      OAuthPages pages,
      String scopes,
      String userScopes) {
    this.settings = settings;
    this.states = states;
    this.pages = pages;
    this.scopes = scopes;
    this.userScopes = userScopes;
  }

  void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Optional<String> state = states.issue();
    if (state.isEmpty()) {
      log.warn(
          "Slack install refused: {} installs are already in progress", OAuthStates.MAX_PENDING);
      pages.tooManyInstalls(resp);
      return;
    }
    String url = authorizeUrl(state.get());
    resp.addHeader("Set-Cookie", states.cookie(req, state.get(), OAuthStates.TTL));
    resp.setHeader("Location", url);
    pages.continueToSlack(resp, url);
  }

  /** Slack's authorize page for this app, carrying {@code state}. */
  private String authorizeUrl(String state) {
    StringBuilder url = new StringBuilder(settings.authorizeUrl());
    url.append(settings.authorizeUrl().contains("?") ? '&' : '?');
    url.append("client_id=").append(enc(settings.clientId()));
    url.append("&scope=").append(enc(scopes));
    if (!userScopes.isEmpty()) {
      url.append("&user_scope=").append(enc(userScopes));
    }
    url.append("&state=").append(enc(state));
    if (settings.publicUrl() != null) {
      url.append("&redirect_uri=").append(enc(OAuthCallback.redirectUri(settings)));
    }
    return url.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
