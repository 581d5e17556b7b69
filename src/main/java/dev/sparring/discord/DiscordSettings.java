package dev.sparring.discord;

import dev.sparring.config.Secrets;
import java.util.Map;
import java.util.Set;

/**
 * How the Discord adapter runs. The token comes from {@code DISCORD_TOKEN} only; {@code
 * DISCORD_API_URL} and {@code DISCORD_GATEWAY_URL} point the real client at stand-ins (tests).
 */
public record DiscordSettings(
    String token,
    String apiUrl,
    String gatewayUrl,
    boolean messageContent,
    boolean globalCommands,
    Set<String> adminRoles) {

  public DiscordSettings {
    adminRoles = Set.copyOf(adminRoles);
  }

  /** The settings if DISCORD_TOKEN is set, else null. */
  public static DiscordSettings fromEnv(
      Map<String, String> env,
      boolean messageContent,
      boolean globalCommands,
      Set<String> adminRoles) {
    String token = env.get(Secrets.DISCORD_TOKEN);
    if (token == null || token.isBlank()) {
      return null;
    }
    String api = blank(env.get("DISCORD_API_URL"));
    if (api != null && !api.endsWith("/")) {
      api = api + "/";
    }
    return new DiscordSettings(
        token.strip(),
        api,
        blank(env.get("DISCORD_GATEWAY_URL")),
        messageContent,
        globalCommands,
        adminRoles);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public String toString() {
    return "DiscordSettings[token="
        + Secrets.mask(token)
        + ", messageContent="
        + messageContent
        + ", commands="
        + (globalCommands ? "global" : "per guild")
        + ", adminRoles="
        + adminRoles
        + "]";
  }
}
