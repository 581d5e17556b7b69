package dev.sparring.store.jdbc;

import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The leaderboard scopes a ledger entry counts in, and the scope a query reads. Each scope has a
 * running total per name in {@code ledger_totals}; a query with no scope of its own is summed from
 * the ledger instead.
 */
final class LedgerScopes {

  private LedgerScopes() {}

  /** Scope → name (user or group) for every total {@code e} adds to. */
  static Map<String, String> of(LedgerEntry e) {
    Map<String, String> scopes = new LinkedHashMap<>();
    scopes.put("all", e.user());
    scopes.put("s:" + e.season(), e.user());
    if (e.channel() != null) {
      scopes.put("c:" + e.channel(), e.user());
      scopes.put("cs:" + e.channel() + "|" + e.season(), e.user());
    }
    if (e.competition() != null) {
      scopes.put("k:" + e.competition(), e.user());
      if (e.group() != null) {
        scopes.put("kg:" + e.competition(), e.group());
      }
    }
    return scopes;
  }

  /** The scope whose totals answer {@code q}, or null when none does. */
  static String of(LedgerQuery q) {
    if (q.competition() != null) {
      return q.channel() == null && q.season() == null
          ? (q.byGroup() ? "kg:" : "k:") + q.competition()
          : null;
    }
    if (q.byGroup()) {
      return null;
    }
    if (q.channel() != null) {
      return q.season() == null ? "c:" + q.channel() : "cs:" + q.channel() + "|" + q.season();
    }
    return q.season() == null ? "all" : "s:" + q.season();
  }
}
