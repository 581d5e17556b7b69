package dev.sparring.teams;

import dev.sparring.config.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the Teams adapter runs: the bot's Entra ID app (id, password, tenant) from the environment,
 * Microsoft's endpoints and the extra admins from the {@code teams} config section. Every URL is a
 * setting so tests can point it at loopback stand-ins; the defaults are Microsoft's.
 */
public record TeamsSettings(
    String appId,
    String appPassword,
    String tenantId,
    String openIdMetadata,
    String issuer,
    String tokenEndpoint,
    String channelId,
    Set<String> admins) {

  public static final String DEFAULT_OPENID =
      "https://login.botframework.com/v1/.well-known/openidconfiguration";
  public static final String DEFAULT_ISSUER = "https://api.botframework.com";
  public static final String DEFAULT_TOKEN =
      "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

  /** The tenant of multi-tenant bots' tokens. */
  public static final String BOTFRAMEWORK_TENANT = "botframework.com";

  /** The scope of the token the connector accepts. */
  public static final String SCOPE = "https://api.botframework.com/.default";

  public TeamsSettings {
    admins = Set.copyOf(admins);
  }

  /** The token endpoint with the tenant filled in. */
  public String tokenUrl() {
    return tokenEndpoint.replace("{tenant}", tenantId == null ? BOTFRAMEWORK_TENANT : tenantId);
  }

  /**
   * The settings if the environment configures Teams, null when it sets none of its variables; a
   * partial set fails with what is missing.
   */
  static TeamsSettings fromEnv(
      Map<String, String> env,
      String openId,
      String issuer,
      String token,
      String channelId,
      Set<String> admins,
      List<String> problems) {
    String id = blank(env.get(TeamsModule.APP_ID));
    String password = blank(env.get(TeamsModule.APP_PASSWORD));
    String tenant = blank(env.get(TeamsModule.TENANT_ID));
    if (id == null && password == null && tenant == null) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    String unset = " (or unset every TEAMS_ variable to run without Teams)";
    if (id == null) {
      missing.add(
          TeamsModule.APP_ID
              + " is not set: copy the Microsoft App ID from the Azure Bot's Configuration page"
              + unset);
    }
    if (password == null) {
      missing.add(
          TeamsModule.APP_PASSWORD
              + " is not set: create a client secret for the bot's app registration"
              + unset);
    }
    problems.addAll(missing);
    if (!missing.isEmpty()) {
      return null;
    }
    return new TeamsSettings(id, password, tenant, openId, issuer, token, channelId, admins);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return "teams app "
        + appId
        + (tenantId == null ? " (multi-tenant)" : " (tenant " + tenantId + ")")
        + ", password "
        + Secrets.mask(appPassword)
        + ", POST /api/messages";
  }
}
