/**
 * The daily question: per-channel schedules in the channel's IANA time zone (weekdays, skipped
 * dates, DST-safe), exactly one post per channel and local date (a unique claim in the store),
 * answers in the post's thread, and the reveal that grades each person's last answer and awards
 * points and streaks through the ledger.
 */
package dev.sparring.daily;
