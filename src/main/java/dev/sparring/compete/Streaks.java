package dev.sparring.compete;

import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Daily-question streaks, per person and channel. A streak counts consecutive posted days answered
 * in the channel; days without a post (unscheduled or skipped) and days the person was away do not
 * break it.
 */
public final class Streaks {

  static final String KIND = "daily.streak";

  private Streaks() {}

  /** A streak in one channel. */
  public record Streak(int count, int best, LocalDate last) {}

  private static String id(String team, String user, String channel) {
    return team + "#" + user + "#" + channel;
  }

  /**
   * Records that {@code user} answered the post of {@code date}; {@code postDates} are the
   * channel's post dates, oldest first. Returns the streak including this day. Idempotent per date.
   */
  public static int answered(
      Tx tx, String team, String user, String channel, LocalDate date, List<LocalDate> postDates) {
    String id = id(team, user, channel);
    Optional<Document> doc = tx.documents().get(KIND, id);
    Streak current = doc.map(d -> Json.read(d.body(), Streak.class)).orElse(null);
    if (current != null && current.last().equals(date)) {
      return current.count();
    }
    LocalDate previous = null;
    for (int i = postDates.size() - 1; i >= 0; i--) {
      LocalDate d = postDates.get(i);
      if (d.isBefore(date) && !Away.isAway(tx, team, user, d)) {
        previous = d;
        break;
      }
    }
    int count =
        current != null && previous != null && current.last().equals(previous)
            ? current.count() + 1
            : 1;
    Streak next = new Streak(count, Math.max(count, current == null ? 0 : current.best()), date);
    tx.documents().put(Document.saved(doc, KIND, id, team, Json.write(next), null));
    return count;
  }

  /** "slack:C1: 4 (best 9, last 2026-03-02)" per channel, for stats. */
  public static List<String> describe(Tx tx, String team, String user) {
    List<String> out = new ArrayList<>();
    String prefix = team + "#" + user + "#";
    for (Document d : tx.documents().byPrefix(KIND, prefix, 1000)) {
      Streak s = Json.read(d.body(), Streak.class);
      out.add(
          "#"
              + d.id().substring(prefix.length()).replaceFirst("^[a-z]+:", "")
              + " "
              + s.count()
              + " (best "
              + s.best()
              + ", last "
              + s.last()
              + ")");
    }
    return out;
  }
}
