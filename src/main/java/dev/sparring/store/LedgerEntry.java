package dev.sparring.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Points awarded once. {@code key} is unique (e.g. {@code daily:slack:C1:2026-03-02:slack:U1}), so
 * a retried event can never count twice. {@code channel}, {@code group} and {@code competition} are
 * null when they do not apply; {@code season} is the team's season at the time of the award.
 */
public record LedgerEntry(
    String key,
    String team,
    String channel,
    String user,
    String group,
    String season,
    String competition,
    String reason,
    int points,
    Instant at) {
  public LedgerEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(season, "season");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
  }
}
