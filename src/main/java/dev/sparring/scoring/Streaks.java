package dev.sparring.scoring;

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
  static final String CLOSED = "daily.streak.closed";

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

  /** The post dates of a channel whose answers are closed (revealed), oldest first. */
  record Closed(List<LocalDate> dates) {
    Closed {
      dates = List.copyOf(dates == null ? List.of() : dates);
    }
  }

  /**
   * Records that answers to the channel's posts up to and including {@code dates}' last are closed
   * (the daily reveal), so a streak whose last answer is older than a closed, missed post shows as
   * broken before the person answers again.
   */
  public static void closed(Tx tx, String team, String channel, List<LocalDate> dates) {
    List<LocalDate> kept =
        dates.size() > 400 ? dates.subList(dates.size() - 400, dates.size()) : dates;
    Optional<Document> doc = tx.documents().get(CLOSED, channel);
    String body = Json.write(new Closed(kept));
    tx.documents().put(Document.saved(doc, CLOSED, channel, team, body, null));
  }

  /**
   * The first closed post after the streak's last answer that the person missed (not away), or
   * empty while the streak is still alive.
   */
  static Optional<LocalDate> missed(Tx tx, String team, String user, String channel, Streak s) {
    List<LocalDate> closed =
        tx.documents()
            .get(CLOSED, channel)
            .map(d -> Json.read(d.body(), Closed.class).dates())
            .orElse(List.of());
    return closed.stream()
        .filter(d -> d.isAfter(s.last()) && !Away.isAway(tx, team, user, d))
        .findFirst();
  }

  /**
   * The person's daily streak in the channel as it stands: a streak broken since its last answer
   * counts 0 (its best is kept); empty when they never answered there.
   */
  public static Optional<Streak> in(Tx tx, String team, String user, String channel) {
    return tx.documents()
        .get(KIND, id(team, user, channel))
        .map(d -> Json.read(d.body(), Streak.class))
        .map(
            s ->
                missed(tx, team, user, channel, s).isPresent()
                    ? new Streak(0, s.best(), s.last())
                    : s);
  }

  /**
   * The person's current daily streak: in {@code channel} (a channel key), or their longest across
   * channels when it is null; 0 when broken or none.
   */
  public static int current(Tx tx, String team, String user, String channel) {
    String prefix = team + "#" + user + "#";
    int best = 0;
    for (Document d :
        tx.documents().byPrefix(KIND, prefix + (channel == null ? "" : channel), 1000)) {
      String in = d.id().substring(prefix.length());
      if (channel != null && !in.equals(channel)) {
        continue;
      }
      Streak s = Json.read(d.body(), Streak.class);
      if (missed(tx, team, user, in, s).isEmpty()) {
        best = Math.max(best, s.count());
      }
    }
    return best;
  }

  /**
   * "#C1 4 (best 9, last 2026-03-02)" per channel, for stats; a streak broken since its last answer
   * shows 0 and the day it was missed.
   */
  public static List<String> describe(Tx tx, String team, String user) {
    List<String> out = new ArrayList<>();
    String prefix = team + "#" + user + "#";
    for (Document d : tx.documents().byPrefix(KIND, prefix, 1000)) {
      Streak s = Json.read(d.body(), Streak.class);
      String channel = d.id().substring(prefix.length());
      Optional<LocalDate> missed = missed(tx, team, user, channel, s);
      out.add(
          "#"
              + channel.replaceFirst("^[a-z]+:", "")
              + " "
              + (missed.isPresent() ? 0 : s.count())
              + " (best "
              + s.best()
              + ", last "
              + s.last()
              + missed.map(m -> ", missed " + m).orElse("")
              + ")");
    }
    return out;
  }
}
