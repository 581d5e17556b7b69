package dev.sparring.store;

import java.util.List;

/** The append-only scoring ledger; leaderboards are sums over it. */
public interface Ledger {

  /** Appends the entry; returns false (and changes nothing) if its key was used before. */
  boolean append(LedgerEntry entry);

  /** Totals per user (or group), ranked: points desc, then earliest last entry, then name. */
  List<Standing> standings(LedgerQuery query);

  /** A user's entries in a team, newest first. */
  List<LedgerEntry> entries(String team, String user, int limit);
}
