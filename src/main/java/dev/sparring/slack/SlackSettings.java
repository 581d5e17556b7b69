package dev.sparring.slack;

import dev.sparring.config.Secrets;
import java.util.Map;

/**
 * How the Slack adapter runs, from the environment (secrets never come from files). It starts when
 * {@code SLACK_SIGNING_SECRET} is set with either a bot token (one workspace) or a client id and
 * secret (OAuth installs in many workspaces).
 */
public record SlackSettings(
    String signingSecret,
    String botToken,
    String clientId,
    String clientSecret,
    String appToken,
    String apiUrl,
    int port,
    boolean socketMode) {

  public static final String API_URL = "SLACK_API_URL";
  public static final String HTTP_PORT = "SPARRING_HTTP_PORT";
  public static final String CLIENT_ID = "SLACK_CLIENT_ID";

  /** The settings if the environment configures Slack, else null. */
  public static SlackSettings fromEnv(Map<String, String> env, String mode) {
    String signing = blankToNull(env.get(Secrets.SLACK_SIGNING_SECRET));
    String bot = blankToNull(env.get(Secrets.SLACK_BOT_TOKEN));
    String clientId = blankToNull(env.get(CLIENT_ID));
    String clientSecret = blankToNull(env.get(Secrets.SLACK_CLIENT_SECRET));
    if (signing == null || (bot == null && (clientId == null || clientSecret == null))) {
      return null;
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
    String appToken = blankToNull(env.get(Secrets.SLACK_APP_TOKEN));
    boolean socket = "socket".equals(mode);
    if (socket && appToken == null) {
      throw new IllegalArgumentException(
          "slack.mode is socket but SLACK_APP_TOKEN (xapp-...) is not set");
    }
    return new SlackSettings(signing, bot, clientId, clientSecret, appToken, api, port, socket);
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
        + "]";
  }
}
