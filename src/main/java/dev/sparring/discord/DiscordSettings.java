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
    Set<String> adminRoles,
    int shardsTotal,
    int shardMin,
    int shardMax) {

  public DiscordSettings {
    adminRoles = Set.copyOf(adminRoles);
    for (String role : adminRoles) {
      if (!isRoleId(role)) {
        throw new IllegalArgumentException(notARoleId(role));
      }
    }
    if (shardsTotal < 1 || shardMin < 0 || shardMax < shardMin || shardMax >= shardsTotal) {
      throw new IllegalArgumentException(
          "discord.shards: need 0 <= from <= to < total (got total "
              + shardsTotal
              + ", from "
              + shardMin
              + ", to "
              + shardMax
              + ")");
    }
  }

  /** One process, one shard. */
  public DiscordSettings(
      String token,
      String apiUrl,
      String gatewayUrl,
      boolean messageContent,
      boolean globalCommands,
      Set<String> adminRoles) {
    this(token, apiUrl, gatewayUrl, messageContent, globalCommands, adminRoles, 1, 0, 0);
  }

  /** The settings if DISCORD_TOKEN is set, else null. */
  public static DiscordSettings fromEnv(
      Map<String, String> env,
      boolean messageContent,
      boolean globalCommands,
      Set<String> adminRoles,
      int shardsTotal,
      int shardMin,
      int shardMax) {
    String token = env.get(DiscordModule.TOKEN);
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
        adminRoles,
        shardsTotal,
        shardMin,
        shardMax);
  }

  /** A Discord id (a snowflake: digits only). */
  public static boolean isRoleId(String s) {
    return s != null && s.matches("\\d{15,21}");
  }

  /** Why {@code role} is refused in {@code discord.adminRoles}, and how to fix it. */
  public static String notARoleId(String role) {
    return "discord.adminRoles: '"
        + role
        + "' is not a role id. Role names are not accepted, because anyone who can manage roles can"
        + " create a role with any name. Use the role's id: with Developer Mode on (User Settings,"
        + " Advanced), Server Settings, Roles, the role's menu, Copy Role ID.";
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
