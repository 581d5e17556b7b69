package dev.sparring.slack;

import com.slack.api.Slack;
import dev.sparring.store.Store;
import dev.sparring.store.StoreException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's OAuth v2 install flow on two URLs. {@code GET /slack/install} sends the browser to
 * Slack's authorize page with a fresh random {@code state}, kept in the store (any replica can
 * check it, and it can be used once) and in a short-lived cookie (only the browser that started can
 * finish). {@code GET /slack/oauth_redirect} is where Slack sends the browser back: the state must
 * be known, unused, unexpired and match the cookie; then the code is exchanged with {@code
 * oauth.v2.access} and the installation stored. Every outcome is a page a person can read.
 *
 * <p>Sparring does this itself rather than through Bolt's OAuth app: Bolt matches the request path
 * against its own configured paths (which never matched the servlet paths here), keeps states in
 * files or the cookie alone, and renders its pages without the clock or store this needs.
 *
 * <p>This servlet only routes: {@link OAuthStart} is the first step, {@link OAuthCallback} the
 * second, {@link OAuthStates} keeps the states and {@link OAuthPages} writes the pages.
 */
final class SlackOAuthServlet extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(SlackOAuthServlet.class);

  static final String COOKIE = OAuthStates.COOKIE;
  static final String KIND = OAuthStates.KIND;
  static final Duration STATE_TTL = OAuthStates.TTL;

  /** Installs in progress at once; beyond this, /slack/install asks people to come back later. */
  static final int MAX_PENDING = OAuthStates.MAX_PENDING;

  static final String INSTALL_PATH = "/slack/install";
  static final String REDIRECT_PATH = "/slack/oauth_redirect";

  enum Step {
    INSTALL,
    REDIRECT
  }

  private final transient Step step;
  private final transient OAuthPages pages;
  private final transient OAuthStart start;
  private final transient OAuthCallback callback;

  SlackOAuthServlet(
      Step step,
      SlackSettings settings,
      Slack slack,
      Store store,
      StoreInstallationService installations,
      Clock clock,
      String scopes,
      String userScopes) {
    this.step = step;
    this.pages =
        new OAuthPages(
            settings.publicUrl() == null ? INSTALL_PATH : settings.publicUrl() + INSTALL_PATH);
    OAuthStates states = new OAuthStates(store, clock, settings.publicUrl());
    this.start = new OAuthStart(settings, states, pages, scopes, userScopes);
    this.callback = new OAuthCallback(settings, slack, installations, clock, states, pages);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      if (step == Step.INSTALL) {
        start.handle(req, resp);
      } else {
        callback.handle(req, resp);
      }
    } catch (StoreException e) {
      log.warn("Slack install: the store failed: {}", e.getMessage());
      pages.storeDown(resp);
    }
  }
}
