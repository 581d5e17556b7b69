/**
 * The scoring service shared by every feature, with no commands of its own: awards go to the
 * append-only ledger under unique keys (so nothing counts twice) and scale with the grade; seasons,
 * streaks and absences shape what the totals mean; profiles hold display names; people who hide are
 * left out of public boards.
 */
package dev.sparring.scoring;
