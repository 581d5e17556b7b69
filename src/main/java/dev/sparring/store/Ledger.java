package dev.sparring.store;

import java.util.List;
import java.util.Optional;

/**
 * The append-only scoring ledger; leaderboards are sums over it. Stores keep running totals per
 * leaderboard scope, so the top of a board and one person's rank are index reads, not sums over
 * every entry.
 */
public interface Ledger {

  /** Appends the entry; returns false (and changes nothing) if its key was used before. */
  boolean append(LedgerEntry entry);

  /**
   * Every total of the query, ranked by {@link Standing#ORDER}. Reads the whole board: for season
   * archives and exports; leaderboards use {@link #top} and {@link #rank}.
   */
  List<Standing> standings(LedgerQuery query);

  /** The first {@code limit} standings of the query, ranked by {@link Standing#ORDER}. */
  List<Standing> top(LedgerQuery query, int limit);

  /** Where {@code name} (a user key, or a group with {@link LedgerQuery#groups()}) ranks. */
  Optional<Rank> rank(LedgerQuery query, String name);

  /** A user's entries in a team, newest first. */
  List<LedgerEntry> entries(String team, String user, int limit);

  /** One line of a board: 1-based position, the standing, and how many are on the board. */
  record Rank(int position, Standing standing, int of) {

    /** Where {@code name} stands on a whole ranked board, if it is on it. */
    public static Optional<Rank> in(List<Standing> board, String name) {
      for (int i = 0; i < board.size(); i++) {
        if (board.get(i).name().equals(name)) {
          return Optional.of(new Rank(i + 1, board.get(i), board.size()));
        }
      }
      return Optional.empty();
    }
  }
}
