package dev.sparring.remind;

import dev.sparring.core.Json;
import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The reminders' documents: each person's {@link Reminder} ({@code remind.setting/TEAM#USER}, due
 * at its next nudge, so ticks read only what is due, by range), and one claim per nudge sent
 * ({@code remind.sent/TEAM#USER#DATE}), whose insert only one transaction can make. A claim is kept
 * two days past its date (it is due then, and a tick deletes it): by then the setting's due time
 * has moved past that date for good.
 */
final class ReminderRecords {

  static final String SETTING = "remind.setting";
  static final String SENT = "remind.sent";

  /** How long a claim outlives its local date (more than any zone's offset from another). */
  static final Duration KEEP_CLAIM = Duration.ofDays(2);

  private ReminderRecords() {}

  static String id(String team, String user) {
    return team + "#" + user;
  }

  static Optional<Document> doc(Tx tx, String team, String user) {
    return tx.documents().get(SETTING, id(team, user));
  }

  static Reminder read(Document doc) {
    return Json.read(doc.body(), Reminder.class);
  }

  /** Saves {@code r} (over {@code existing}, if any), due at {@code next} (null: never). */
  static void save(Tx tx, Optional<Document> existing, String team, Reminder r, Instant next) {
    String id = id(team, r.user());
    tx.documents().put(Document.saved(existing, SETTING, id, team, Json.write(r), next));
  }

  /** Saves {@code r} over {@code doc}, unless another transaction changed it meanwhile. */
  static void advance(Tx tx, Document doc, Reminder r, Instant next) {
    if (!tx.documents().compareAndSet(doc.next(Json.write(r), next), doc.version())) {
      throw new ConcurrentUpdateException("reminder " + doc.id());
    }
  }

  /** Takes {@code doc} out of the due index as it is (an unreadable setting). */
  static void park(Tx tx, Document doc) {
    if (!tx.documents().compareAndSet(doc.next(doc.body(), null), doc.version())) {
      throw new ConcurrentUpdateException("reminder " + doc.id());
    }
  }

  /** Up to {@code limit} settings due at {@code now}, soonest first. */
  static List<Document> due(Tx tx, Instant now, int limit) {
    return tx.documents().due(SETTING, now, limit);
  }

  /**
   * Claims the nudge of {@code user} for local {@code day}: false when it was claimed already (by a
   * replica, or before a restart).
   */
  static boolean claim(Tx tx, String team, String user, LocalDate day, Instant dayEnds) {
    String id = id(team, user) + "#" + day;
    return tx.documents().insert(Document.create(SENT, id, team, "{}", dayEnds.plus(KEEP_CLAIM)));
  }

  /** Whether the nudge of {@code day} was claimed (sent). */
  static boolean claimed(Tx tx, String team, String user, LocalDate day) {
    return tx.documents().get(SENT, id(team, user) + "#" + day).isPresent();
  }

  /** Deletes up to {@code limit} claims past keeping; returns how many. */
  static int prune(Tx tx, Instant now, int limit) {
    List<Document> old = tx.documents().due(SENT, now, limit);
    for (Document d : old) {
      tx.documents().delete(SENT, d.id());
    }
    return old.size();
  }

  /** Deletes every setting of {@code team}, {@code batch} at a time. */
  static void deleteAll(Tx tx, String team, int batch) {
    for (List<Document> docs; !(docs = tx.documents().byTeam(SETTING, team, batch)).isEmpty(); ) {
      docs.forEach(d -> tx.documents().delete(SETTING, d.id()));
    }
  }
}
