package dev.sparring.config;

import dev.sparring.drill.DrillSettings;
import dev.sparring.grading.judge.JudgeSettings;
import dev.sparring.scoring.ScoringRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    Map<String, Map<String, Object>> platforms,
    int actionsPerMinute,
    JudgeSettings judge,
    boolean gradeByMeaning,
    DrillSettings drill) {

  public SparringConfig {
    bankPaths = List.copyOf(bankPaths);
    admins = Set.copyOf(admins);
    platforms = Map.copyOf(platforms);
  }

  /**
   * The section of platform {@code id} (its keys as in the config file) for the platform to read;
   * problems are added to {@code problems}.
   */
  public ConfigSection platform(String id, List<String> problems) {
    return new ConfigSection(platforms.getOrDefault(id, Map.of()), id, problems);
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
        platforms,
        actionsPerMinute,
        judge,
        gradeByMeaning,
        drill);
  }

  /** Which store, and its settings. */
  public record StoreConfig(
      String type, String sqliteFile, String sqliteDurability, String postgresUrl, int poolSize) {}

  /** Outbox delivery tuning. */
  public record OutboxConfig(
      int maxAttempts, Duration lease, Duration baseBackoff, Duration maxBackoff) {}
}
