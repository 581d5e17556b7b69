package dev.sparring.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import dev.sparring.store.Document;
import dev.sparring.store.Store;
import dev.sparring.store.StoreException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
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
 */
final class SlackOAuthServlet extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(SlackOAuthServlet.class);

  static final String COOKIE = "sparring_slack_state";
  static final String KIND = "slack.oauth-state";
  static final Duration STATE_TTL = Duration.ofMinutes(10);

  /** Installs in progress at once; beyond this, /slack/install asks people to come back later. */
  static final int MAX_PENDING = 10_000;

  static final String INSTALL_PATH = "/slack/install";
  static final String REDIRECT_PATH = "/slack/oauth_redirect";

  private static final SecureRandom RANDOM = new SecureRandom();

  enum Step {
    INSTALL,
    REDIRECT
  }

  private final transient Step step;
  private final transient SlackSettings settings;
  private final transient Slack slack;
  private final transient Store store;
  private final transient StoreInstallationService installations;
  private final transient Clock clock;
  private final String scopes;
  private final String userScopes;

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
    this.settings = settings;
    this.slack = slack;
    this.store = store;
    this.installations = installations;
    this.clock = clock;
    this.scopes = scopes;
    this.userScopes = userScopes;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      if (step == Step.INSTALL) {
        install(req, resp);
      } else {
        redirect(req, resp);
      }
    } catch (StoreException e) {
      log.warn("Slack install: the store failed: {}", e.getMessage());
      page(
          resp,
          503,
          "Please try again in a minute",
          "Sparring cannot reach its database right now, so the install could not go on. Nothing"
              + " was changed.",
          true);
    }
  }

  // ---- step 1: off to Slack

  private void install(HttpServletRequest req, HttpServletResponse resp) throws IOException {
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
      log.warn("Slack install refused: {} installs are already in progress", MAX_PENDING);
      page(
          resp,
          503,
          "Please try again in a few minutes",
          "Too many installs of Sparring are in progress right now.",
          true);
      return;
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant expires = now.plus(STATE_TTL);
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
    StringBuilder url = new StringBuilder(settings.authorizeUrl());
    url.append(settings.authorizeUrl().contains("?") ? '&' : '?');
    url.append("client_id=").append(enc(settings.clientId()));
    url.append("&scope=").append(enc(scopes));
    if (!userScopes.isEmpty()) {
      url.append("&user_scope=").append(enc(userScopes));
    }
    url.append("&state=").append(enc(state));
    if (settings.publicUrl() != null) {
      url.append("&redirect_uri=").append(enc(settings.publicUrl() + REDIRECT_PATH));
    }
    resp.addHeader("Set-Cookie", cookie(req, state, STATE_TTL));
    resp.setHeader("Location", url.toString());
    page(
        resp,
        302,
        "Continue to Slack",
        "Slack asks you to choose a workspace and allow Sparring in it.",
        url.toString(),
        "Continue to Slack");
  }

  // ---- step 2: back from Slack

  private void redirect(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String state = req.getParameter("state");
    if (state == null || state.isBlank()) {
      log.info("Slack install refused: no state in the redirect");
      refuse(resp, 400, "This install link is incomplete");
      return;
    }
    String browser = cookieValue(req);
    if (browser == null
        || !MessageDigest.isEqual(
            browser.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
      log.info("Slack install refused: the state does not belong to this browser");
      page(
          resp,
          403,
          "This install was started in another browser",
          "For your safety, an install must finish in the browser that started it (and with"
              + " cookies allowed). Please start again here.",
          true);
      return;
    }
    String id = digest(state);
    Optional<Document> issued = store.transact(tx -> tx.documents().get(KIND, id));
    // Deleting is the claim: of two requests with one state, only one gets it.
    boolean claimed = issued.isPresent() && store.transact(tx -> tx.documents().delete(KIND, id));
    resp.addHeader("Set-Cookie", cookie(req, "", Duration.ZERO));
    if (!claimed) {
      log.info("Slack install refused: unknown or already used state");
      refuse(resp, 403, "This install link was already used or is not valid");
      return;
    }
    if (issued.get().dueAt() == null || !clock.instant().isBefore(issued.get().dueAt())) {
      log.info("Slack install refused: the state expired");
      page(
          resp,
          403,
          "This install link has expired",
          "An install must be finished within "
              + STATE_TTL.toMinutes()
              + " minutes of starting it. Nothing was installed; please start again.",
          true);
      return;
    }
    String error = req.getParameter("error");
    if (error != null) {
      if (error.equals("access_denied")) {
        page(
            resp,
            200,
            "Install cancelled",
            "You cancelled the install, so Sparring was not added to your workspace. You can start"
                + " again whenever you like.",
            true);
      } else {
        log.info("Slack install: Slack reported an error");
        page(
            resp,
            400,
            "Slack could not finish the install",
            "Slack answered: " + cut(error) + ". Nothing was installed; please start again.",
            true);
      }
      return;
    }
    String code = req.getParameter("code");
    if (code == null || code.isBlank()) {
      refuse(resp, 400, "This install link is incomplete");
      return;
    }
    exchange(code, resp);
  }

  private void exchange(String code, HttpServletResponse resp) throws IOException {
    OAuthV2AccessResponse o;
    try {
      o =
          slack
              .methods()
              .oauthV2Access(
                  r ->
                      r.clientId(settings.clientId())
                          .clientSecret(settings.clientSecret())
                          .code(code)
                          .redirectUri(
                              settings.publicUrl() == null
                                  ? null
                                  : settings.publicUrl() + REDIRECT_PATH));
    } catch (IOException | SlackApiException e) {
      log.warn("Slack install: oauth.v2.access failed: {}", e.getClass().getSimpleName());
      page(
          resp,
          502,
          "Slack could not be reached",
          "Sparring could not finish the install with Slack. Nothing was installed; please try"
              + " again in a minute.",
          true);
      return;
    }
    if (!o.isOk()) {
      log.info("Slack install: oauth.v2.access answered {}", o.getError());
      page(
          resp,
          400,
          "Slack did not accept this install",
          "Slack answered: "
              + cut(o.getError())
              + ". The link may have been used already. Nothing was installed; please start"
              + " again.",
          true);
      return;
    }
    String enterpriseId = o.getEnterprise() == null ? null : o.getEnterprise().getId();
    String teamId = o.getTeam() == null ? null : o.getTeam().getId();
    String teamName =
        o.getTeam() != null
            ? o.getTeam().getName()
            : o.getEnterprise() == null ? null : o.getEnterprise().getName();
    boolean orgWide = o.isEnterpriseInstall();
    if (o.getAccessToken() == null
        || o.getBotUserId() == null
        || (orgWide ? enterpriseId == null : teamId == null)) {
      log.warn("Slack install: oauth.v2.access answered without a bot token or workspace");
      page(
          resp,
          502,
          "Slack's answer was incomplete",
          "Slack did not send what Sparring needs (a bot token for a workspace). Nothing was"
              + " installed; please start again.",
          true);
      return;
    }
    DefaultInstaller.DefaultInstallerBuilder i =
        DefaultInstaller.builder()
            .appId(o.getAppId())
            .botUserId(o.getBotUserId())
            .botAccessToken(o.getAccessToken())
            .botScope(o.getScope())
            .scope(o.getScope())
            .isEnterpriseInstall(orgWide)
            .enterpriseId(enterpriseId)
            .enterpriseName(o.getEnterprise() == null ? null : o.getEnterprise().getName())
            .teamId(orgWide ? null : teamId)
            .teamName(o.getTeam() == null ? null : o.getTeam().getName())
            .installedAt(clock.millis());
    if (o.getAuthedUser() != null) {
      i.installerUserId(o.getAuthedUser().getId())
          .installerUserAccessToken(o.getAuthedUser().getAccessToken())
          .installerUserScope(o.getAuthedUser().getScope());
    }
    String url = null;
    try {
      AuthTestResponse who = slack.methods(o.getAccessToken()).authTest(r -> r);
      if (who.isOk()) {
        i.botId(who.getBotId());
        url = who.getUrl();
        if (orgWide) {
          i.enterpriseUrl(who.getUrl());
        }
      } else {
        log.warn("Slack install: auth.test answered {}", who.getError());
      }
    } catch (IOException | SlackApiException e) {
      // The bot id only helps recognise the bot's own messages; the install stands without it.
      log.warn("Slack install: auth.test failed: {}", e.getClass().getSimpleName());
    }
    try {
      installations.saveInstallerAndBot(i.build());
    } catch (StoreException e) {
      throw e;
    } catch (Exception e) {
      log.warn("Slack install: storing the installation failed: {}", e.toString());
      page(
          resp,
          500,
          "The install could not be saved",
          "Sparring could not save the installation. Nothing was installed; please try again.",
          true);
      return;
    }
    log.info(
        "Slack installation stored for {}", StoreInstallationService.key(enterpriseId, teamId));
    String open = openSlack(o.getAppId(), orgWide ? null : teamId, url);
    page(
        resp,
        200,
        "Sparring is installed",
        "Sparring is now installed in "
            + (teamName == null || teamName.isBlank() ? "your workspace" : cut(teamName))
            + ". Invite it to a channel with /invite @Sparring, then type /spar help there.",
        open,
        "Open Slack");
  }

  /** Slack's own link to the app in the workspace, else the workspace's address, else Slack. */
  private static String openSlack(String appId, String teamId, String workspaceUrl) {
    if (appId != null) {
      return "https://slack.com/app_redirect?app="
          + enc(appId)
          + (teamId == null ? "" : "&team=" + enc(teamId));
    }
    if (workspaceUrl != null && workspaceUrl.startsWith("https://")) {
      return workspaceUrl;
    }
    return "https://slack.com/";
  }

  // ---- helpers

  private void refuse(HttpServletResponse resp, int status, String title) throws IOException {
    page(
        resp,
        status,
        title,
        "Nothing was installed. Please start the install again from the beginning.",
        true);
  }

  private void page(
      HttpServletResponse resp, int status, String title, String sentence, boolean startAgain)
      throws IOException {
    page(resp, status, title, sentence, startAgain ? startUrl() : null, "Start the install again");
  }

  private static void page(
      HttpServletResponse resp,
      int status,
      String title,
      String sentence,
      String href,
      String linkText)
      throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/html; charset=utf-8");
    resp.setHeader("Cache-Control", "no-store");
    // The redirect URL carries the code: never let it leak to the next page as a referrer.
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.getWriter().write(OAuthPages.page(title, sentence, href, linkText));
  }

  private String startUrl() {
    return settings.publicUrl() == null ? INSTALL_PATH : settings.publicUrl() + INSTALL_PATH;
  }

  /** The state cookie: only for Sparring's Slack paths, never sent cross-site by scripts. */
  private String cookie(HttpServletRequest req, String value, Duration maxAge) {
    boolean secure =
        settings.publicUrl() == null ? req.isSecure() : settings.publicUrl().startsWith("https:");
    return COOKIE
        + "="
        + value
        + "; Path=/slack; Max-Age="
        + maxAge.toSeconds()
        + "; HttpOnly; SameSite=Lax"
        + (secure ? "; Secure" : "");
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

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Text from a request or from Slack, shortened for a page (it is escaped when rendered). */
  private static String cut(String s) {
    if (s == null) {
      return "an unknown error";
    }
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
