package dev.sparring.config;

import dev.sparring.grading.judge.JudgeSettings;
import dev.sparring.scoring.ScoringRules;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The validated configuration. Built only by {@link ConfigLoader}. */
public record SparringConfig(
    StoreConfig store,
    List<String> bankPaths,
    Duration interviewIdleTimeout,
    int maxAnswerChars,
    OutboxConfig outbox,
    Duration tick,
    Set<String> admins,
    ScoringRules scoring,
    String slackMode,
    DiscordConfig discord,
    int actionsPerMinute,
    JudgeSettings judge,
    boolean gradeByMeaning) {

  public SparringConfig {
    bankPaths = List.copyOf(bankPaths);
    admins = Set.copyOf(admins);
  }

  /** The same configuration on another store (the bench scenarios' scratch stores). */
  public SparringConfig withStore(StoreConfig other) {
    return new SparringConfig(
        other,
        bankPaths,
        interviewIdleTimeout,
        maxAnswerChars,
        outbox,
        tick,
        admins,
        scoring,
        slackMode,
        discord,
        actionsPerMinute,
        judge,
        gradeByMeaning);
  }

  /** Which store, and its settings. */
  public record StoreConfig(
      String type, String sqliteFile, String sqliteDurability, String postgresUrl, int poolSize) {}

  /** Discord options (the token comes from DISCORD_TOKEN). */
  public record DiscordConfig(
      boolean messageContent,
      boolean globalCommands,
      Set<String> adminRoles,
      int shardsTotal,
      int shardFrom,
      int shardTo) {

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
  }

  /** Outbox delivery tuning. */
  public record OutboxConfig(
      int maxAttempts, Duration lease, Duration baseBackoff, Duration maxBackoff) {}
}
