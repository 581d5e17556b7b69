package dev.sparring.slack;

import dev.sparring.config.ConfigException;
import dev.sparring.config.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the Slack adapter runs, from the environment (secrets never come from files). It starts when
 * {@code SLACK_SIGNING_SECRET} is set with either a bot token (one workspace) or a client id and
 * secret (OAuth installs in many workspaces); with none of them set, Slack is off. OAuth also needs
 * {@code SPARRING_SECRET_KEY}, which encrypts the stored tokens, and should have {@code
 * SPARRING_PUBLIC_URL}, the address Slack sends installers back to.
 */
public record SlackSettings(
    String signingSecret,
    String botToken,
    String clientId,
    String clientSecret,
    String appToken,
    String apiUrl,
    int port,
    boolean socketMode,
    String publicUrl,
    String authorizeUrl,
    String secretKey) {

  public static final String API_URL = "SLACK_API_URL";
  public static final String HTTP_PORT = "SPARRING_HTTP_PORT";
  public static final String CLIENT_ID = "SLACK_CLIENT_ID";
  public static final String PUBLIC_URL = "SPARRING_PUBLIC_URL";
  public static final String AUTHORIZE_URL = "SLACK_AUTHORIZE_URL";
  public static final String DEFAULT_AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize";

  /** Settings without OAuth's extras (one workspace, or tests that never install). */
  public SlackSettings(
      String signingSecret,
      String botToken,
      String clientId,
      String clientSecret,
      String appToken,
      String apiUrl,
      int port,
      boolean socketMode) {
    this(
        signingSecret,
        botToken,
        clientId,
        clientSecret,
        appToken,
        apiUrl,
        port,
        socketMode,
        null,
        DEFAULT_AUTHORIZE_URL,
        null);
  }

  /** The same settings with OAuth's public address, authorize URL and token key. */
  public SlackSettings withOAuth(String publicUrl, String authorizeUrl, String secretKey) {
    return new SlackSettings(
        signingSecret,
        botToken,
        clientId,
        clientSecret,
        appToken,
        apiUrl,
        port,
        socketMode,
        publicUrl,
        authorizeUrl == null ? DEFAULT_AUTHORIZE_URL : authorizeUrl,
        secretKey);
  }

  /**
   * The settings if the environment configures Slack, null if it sets none of Slack's credentials.
   * A partial set (a token without the signing secret, a client id without its secret) is a
   * mistake, not a wish to run without Slack: it fails with every missing variable named.
   */
  public static SlackSettings fromEnv(Map<String, String> env, String mode) {
    String signing = blankToNull(env.get(SlackModule.SIGNING_SECRET));
    String bot = blankToNull(env.get(SlackModule.BOT_TOKEN));
    String clientId = blankToNull(env.get(CLIENT_ID));
    String clientSecret = blankToNull(env.get(SlackModule.CLIENT_SECRET));
    String appToken = blankToNull(env.get(SlackModule.APP_TOKEN));
    if (signing == null
        && bot == null
        && clientId == null
        && clientSecret == null
        && appToken == null) {
      return null;
    }
    List<String> missing = missing(signing, bot, clientId, clientSecret);
    String key = blankToNull(env.get(Secrets.SECRET_KEY));
    String publicUrl = blankToNull(env.get(PUBLIC_URL));
    if (bot == null && clientId != null && clientSecret != null) {
      missing.addAll(oauthProblems(key, publicUrl));
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(missing);
    }
    String api = blankToNull(env.get(API_URL));
    if (api != null && !api.endsWith("/")) {
      api = api + "/";
    }
    int port = 3000;
    String p = blankToNull(env.get(HTTP_PORT));
    if (p != null) {
      try {
        port = Integer.parseInt(p.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(HTTP_PORT + " must be a port number (got '" + p + "')");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(HTTP_PORT + " must be between 0 and 65535");
      }
    }
    boolean socket = "socket".equals(mode);
    if (socket && appToken == null) {
      throw new IllegalArgumentException(
          "slack.mode is socket but SLACK_APP_TOKEN (xapp-...) is not set");
    }
    String authorize = blankToNull(env.get(AUTHORIZE_URL));
    if (publicUrl != null && publicUrl.endsWith("/")) {
      publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
    }
    return new SlackSettings(signing, bot, clientId, clientSecret, appToken, api, port, socket)
        .withOAuth(publicUrl, authorize, key);
  }

  /** What OAuth mode lacks beside its client id and secret: the token key, a sane public URL. */
  private static List<String> oauthProblems(String key, String publicUrl) {
    List<String> problems = new ArrayList<>();
    if (key == null) {
      problems.add(
          Secrets.SECRET_KEY
              + " is not set, but OAuth installs are (SLACK_CLIENT_ID): it encrypts the"
              + " installations' Slack tokens in the store; create one with `openssl rand -base64"
              + " 32` and keep it with your other secrets");
    } else {
      try {
        TokenCipher.check(key);
      } catch (IllegalArgumentException e) {
        problems.add(Secrets.SECRET_KEY + " " + e.getMessage());
      }
    }
    if (publicUrl != null) {
      try {
        java.net.URI u = new java.net.URI(publicUrl);
        if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
            || u.getHost() == null) {
          throw new java.net.URISyntaxException(publicUrl, "not an http(s) address");
        }
      } catch (java.net.URISyntaxException e) {
        problems.add(
            PUBLIC_URL
                + " must be the https:// address Slack reaches Sparring at, like"
                + " https://sparring.example.com");
      }
    }
    return problems;
  }

  /** What a partial set of Slack variables lacks, each with where to find it. */
  private static List<String> missing(
      String signing, String bot, String clientId, String clientSecret) {
    List<String> problems = new ArrayList<>();
    String unset = " (or unset every SLACK_ variable to run without Slack)";
    if (signing == null) {
      problems.add(
          SlackModule.SIGNING_SECRET
              + " is not set, but other SLACK_ variables are: copy the Signing Secret from your"
              + " Slack app's Basic Information page"
              + unset);
    }
    if (bot != null) {
      // One workspace: the token is the credential; an OAuth variable beside it is unused.
      return problems;
    }
    if (clientId != null && clientSecret == null) {
      problems.add(
          SlackModule.CLIENT_SECRET
              + " is not set, but "
              + CLIENT_ID
              + " is: copy the Client Secret from your Slack app's Basic Information page, or"
              + " unset "
              + CLIENT_ID
              + " for a single workspace with "
              + SlackModule.BOT_TOKEN);
    } else if (clientSecret != null && clientId == null) {
      problems.add(
          CLIENT_ID
              + " is not set, but "
              + SlackModule.CLIENT_SECRET
              + " is: copy the Client ID from your Slack app's Basic Information page");
    } else if (clientId == null) {
      problems.add(
          "neither "
              + SlackModule.BOT_TOKEN
              + " (one workspace: the xoxb- Bot User OAuth Token from OAuth & Permissions) nor "
              + CLIENT_ID
              + " and "
              + SlackModule.CLIENT_SECRET
              + " (installs in many workspaces) are set"
              + unset);
    }
    return problems;
  }

  public boolean oauth() {
    return botToken == null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return "SlackSettings[mode="
        + (socketMode ? "socket" : "http")
        + ", port="
        + port
        + ", oauth="
        + oauth()
        + ", api="
        + (apiUrl == null ? "slack.com" : apiUrl)
        + ", signingSecret="
        + Secrets.mask(signingSecret)
        + ", botToken="
        + Secrets.mask(botToken)
        + (oauth()
            ? ", publicUrl="
                + (publicUrl == null ? "(unset)" : publicUrl)
                + ", secretKey="
                + Secrets.mask(secretKey)
            : "")
        + "]";
  }
}
