package dev.sparring.slack;

import dev.sparring.store.Tx;
import java.util.Map;

/**
 * What Sparring keeps about a Slack workspace outside the core's records: its installation (bot and
 * installer tokens) and which of its channels the bot has seen. Removed by {@code sparring erase
 * --team}.
 */
public final class SlackErasure {

  private SlackErasure() {}

  /** Removes the workspace's installation and channel records; returns how many were removed. */
  public static int forgetTeam(Tx tx, String teamId) {
    int removed = 0;
    for (String scope :
        new String[] {
          StoreInstallationService.SCOPE_BOT, StoreInstallationService.SCOPE_INSTALLER
        }) {
      for (String key : tx.kv().all(scope).keySet()) {
        // Keys are "ENTERPRISE:TEAM" ("-" when there is none).
        if (key.endsWith(":" + teamId) && tx.kv().delete(scope, key)) {
          removed++;
        }
      }
    }
    if (tx.kv().delete(StoreInstallationService.SCOPE_ENTERPRISE, teamId)) {
      removed++; // which Grid org the workspace belongs to
    }
    for (Map.Entry<String, String> e : tx.kv().all(SlackTokens.SCOPE_CHANNEL_TEAM).entrySet()) {
      if (e.getValue().equals(teamId)
          && tx.kv().delete(SlackTokens.SCOPE_CHANNEL_TEAM, e.getKey())) {
        removed++;
      }
    }
    return removed;
  }
}
