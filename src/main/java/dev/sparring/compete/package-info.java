/**
 * Scoring and competition: awards go to the append-only ledger under unique keys (so nothing counts
 * twice); seasons, streaks and absences shape what they mean; leaderboards are cached sums over the
 * ledger, always scoped to one team; study-group competitions post on a cadence and close with a
 * podium.
 */
package dev.sparring.compete;
