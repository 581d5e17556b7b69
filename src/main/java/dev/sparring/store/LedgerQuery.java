package dev.sparring.store;

import java.util.Objects;

/**
 * Which ledger entries a leaderboard sums: always one team; optionally one channel, season or
 * competition; per user or per group.
 */
public record LedgerQuery(
    String team, String channel, String season, String competition, boolean byGroup) {
  public LedgerQuery {
    Objects.requireNonNull(team, "team");
  }

  public static LedgerQuery team(String team) {
    return new LedgerQuery(team, null, null, null, false);
  }

  public LedgerQuery inChannel(String channelKey) {
    return new LedgerQuery(team, channelKey, season, competition, byGroup);
  }

  public LedgerQuery inSeason(String s) {
    return new LedgerQuery(team, channel, s, competition, byGroup);
  }

  public LedgerQuery inCompetition(String id) {
    return new LedgerQuery(team, channel, season, id, byGroup);
  }

  public LedgerQuery groups() {
    return new LedgerQuery(team, channel, season, competition, true);
  }
}
