/**
 * {@code /spar leaderboard}, {@code /spar stats}, {@code /spar season} and {@code /spar away}:
 * cached sums over the ledger, always scoped to one team.
 */
package dev.sparring.leaderboard;
