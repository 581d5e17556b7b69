package dev.sparring.store;

import java.time.Instant;

/**
 * Removes what is stored about a team, or about one person in a team: for an uninstalled team that
 * should no longer be written to, and for erasure requests ({@code sparring erase}).
 *
 * <p>Outbox entries and threads carry a channel, not a team. A team's channels are those its
 * conversations, ledger entries, threads (opened by its conversations or documents) and documents
 * named after a channel (a daily schedule) point at: the channels the bot has worked in for it.
 * Channel ids are unique per platform, so no other team's messages are touched.
 */
public interface Erasure {

  /**
   * Everything stored for {@code teamKey}: conversations and their answers, documents (schedules,
   * posts, cards, profiles, competitions...), ledger entries and running totals, disputes, the
   * threads and outbox entries (queued, delivered or dead) of its channels, and the direct messages
   * to its people. Returns what was removed.
   */
  Erased team(String teamKey);

  /**
   * One person's data in a team: the conversations they own and their answers (also answers they
   * gave in other people's conversations), their ledger entries (the running totals are corrected,
   * group totals included), and the team's documents named after them (ids with a {@code #userKey}
   * segment: profile, drill cards, streaks, memberships, answers to daily questions, reminders),
   * the direct messages to them, and the disputes they made. Threads stay (they hold no personal
   * data), so the bot's queued replies still find them.
   */
  Erased user(String teamKey, String userKey);

  /**
   * Deletes the team's outbox entries (in its channels, and direct messages to its people) that are
   * still waiting and not being delivered (no lease running at {@code now}), so a removed team is
   * not sent anything more; returns how many.
   */
  int cancelPending(String teamKey, Instant now);

  /**
   * Whether a document id names the person: a {@code #userKey} segment at the end or followed by
   * {@code #} ({@code slack:T1#slack:U1}, {@code slack:T1#slack:U1#q-7}, but not {@code
   * slack:T1#slack:U12}).
   */
  static boolean namesUser(String documentId, String userKey) {
    String segment = "#" + userKey;
    int at = documentId.indexOf(segment);
    while (at >= 0) {
      int end = at + segment.length();
      if (end == documentId.length() || documentId.charAt(end) == '#') {
        return true;
      }
      at = documentId.indexOf(segment, at + 1);
    }
    return false;
  }
}
