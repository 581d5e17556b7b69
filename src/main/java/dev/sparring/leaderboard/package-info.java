/**
 * {@code /spar leaderboard} (and {@code leaderboard hide|show}), {@code /spar stats}, {@code /spar
 * season}, {@code /spar away} and {@code /spar export}: cached sums over the ledger, always scoped
 * to one team, public boards without the people who hide; exports as CSV.
 */
package dev.sparring.leaderboard;
