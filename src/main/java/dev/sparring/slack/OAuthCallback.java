package dev.sparring.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import dev.sparring.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /slack/oauth_redirect}, where Slack sends the browser back: the state must match this
 * browser's cookie and be known, unused and unexpired; then the code is exchanged with {@code
 * oauth.v2.access}, the bot checked with {@code auth.test}, and the installation stored.
 */
final class OAuthCallback {

  private static final Logger log = LoggerFactory.getLogger(OAuthCallback.class);

  private final SlackSettings settings;
  private final Slack slack;
  private final StoreInstallationService installations;
  private final Clock clock;
  private final OAuthStates states;
  private final OAuthPages pages;

  OAuthCallback(
      SlackSettings settings,
      Slack slack,
      StoreInstallationService installations,
      Clock clock,
      OAuthStates states,
      OAuthPages pages) {
    this.settings = settings;
    this.slack = slack;
    this.installations = installations;
    this.clock = clock;
    this.states = states;
    this.pages = pages;
  }

  /** The redirect URL given to Slack, or null without a public URL (Slack's configured one). */
  static String redirectUri(SlackSettings settings) {
    return settings.publicUrl() == null
        ? null
        : settings.publicUrl() + SlackOAuthServlet.REDIRECT_PATH;
  }

  void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String state = req.getParameter("state");
    if (state == null || state.isBlank()) {
      log.info("Slack install refused: no state in the redirect");
      pages.incomplete(resp);
      return;
    }
    if (!OAuthStates.fromThisBrowser(req, state)) {
      log.info("Slack install refused: the state does not belong to this browser");
      pages.otherBrowser(resp);
      return;
    }
    OAuthStates.Claim claim = states.claim(state);
    resp.addHeader("Set-Cookie", states.clearCookie(req));
    if (claim == OAuthStates.Claim.UNKNOWN) {
      log.info("Slack install refused: unknown or already used state");
      pages.usedOrInvalid(resp);
      return;
    }
    if (claim == OAuthStates.Claim.EXPIRED) {
      log.info("Slack install refused: the state expired");
      pages.expired(resp, OAuthStates.TTL);
      return;
    }
    String error = req.getParameter("error");
    if (error != null) {
      if (error.equals("access_denied")) {
        pages.cancelled(resp);
      } else {
        log.info("Slack install: Slack reported an error");
        pages.slackError(resp, error);
      }
      return;
    }
    String code = req.getParameter("code");
    if (code == null || code.isBlank()) {
      pages.incomplete(resp);
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
                          .redirectUri(redirectUri(settings)));
    } catch (IOException | SlackApiException e) {
      log.warn("Slack install: oauth.v2.access failed: {}", e.getClass().getSimpleName());
      pages.slackUnreachable(resp);
      return;
    }
    if (!o.isOk()) {
      log.info("Slack install: oauth.v2.access answered {}", o.getError());
      pages.notAccepted(resp, o.getError());
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
      pages.incompleteAnswer(resp);
      return;
    }
    DefaultInstaller.DefaultInstallerBuilder i = installer(o, orgWide, enterpriseId, teamId);
    String url = checkBot(o.getAccessToken(), orgWide, i);
    try {
      installations.saveInstallerAndBot(i.build());
    } catch (StoreException e) {
      throw e;
    } catch (Exception e) {
      log.warn("Slack install: storing the installation failed: {}", e.toString());
      pages.notSaved(resp);
      return;
    }
    log.info(
        "Slack installation stored for {}", StoreInstallationService.key(enterpriseId, teamId));
    pages.installed(resp, teamName, openSlack(o.getAppId(), orgWide ? null : teamId, url));
  }

  /** The installation as Slack granted it, installed now. */
  private DefaultInstaller.DefaultInstallerBuilder installer(
      OAuthV2AccessResponse o, boolean orgWide, String enterpriseId, String teamId) {
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
    return i;
  }

  /**
   * Asks auth.test who the bot is and adds its bot id (and an org's URL) to {@code i}; the
   * workspace's URL, or null when Slack did not say.
   */
  private String checkBot(
      String botToken, boolean orgWide, DefaultInstaller.DefaultInstallerBuilder i) {
    try {
      AuthTestResponse who = slack.methods(botToken).authTest(r -> r);
      if (who.isOk()) {
        i.botId(who.getBotId());
        if (orgWide) {
          i.enterpriseUrl(who.getUrl());
        }
        return who.getUrl();
      }
      log.warn("Slack install: auth.test answered {}", who.getError());
    } catch (IOException | SlackApiException e) {
      // The bot id only helps recognise the bot's own messages; the install stands without it.
      log.warn("Slack install: auth.test failed: {}", e.getClass().getSimpleName());
    }
    return null;
  }

  /** Slack's own link to the app in the workspace, else the workspace's address, else Slack. */
  private static String openSlack(String appId, String teamId, String workspaceUrl) {
    if (appId != null) {
      return "https://slack.com/app_redirect?app="
          + OAuthStart.enc(appId)
          + (teamId == null ? "" : "&team=" + OAuthStart.enc(teamId));
    }
    if (workspaceUrl != null && workspaceUrl.startsWith("https://")) {
      return workspaceUrl;
    }
    return "https://slack.com/";
  }
}
