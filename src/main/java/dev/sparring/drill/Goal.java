package dev.sparring.drill;

import dev.sparring.bank.Filter;
import dev.sparring.bank.Level;
import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A person's interview-date goal: the day (UTC) and the questions it covers (any of pack, level,
 * topic; all when none), stored as one {@code drill.goal} document per person, id {@code
 * TEAM#USER}.
 */
record Goal(LocalDate date, String pack, Level level, String topic, Instant setAt) {

  static final String KIND = "drill.goal";

  static Goal of(LocalDate date, Filter scope, Instant now) {
    return new Goal(date, scope.pack(), scope.level(), scope.topic(), now);
  }

  /** The questions the goal covers. */
  Filter scope() {
    return new Filter(pack, level, topic);
  }

  /** The start of the goal day: a review after it comes too late, recall is predicted at it. */
  Instant start() {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String id(String team, String user) {
    return team + "#" + user;
  }

  static Optional<Goal> find(Tx tx, String team, String user) {
    return tx.documents().get(KIND, id(team, user)).map(d -> Json.read(d.body(), Goal.class));
  }

  void save(Tx tx, String team, String user) {
    String id = id(team, user);
    tx.documents()
        .put(Document.saved(tx.documents().get(KIND, id), KIND, id, team, Json.write(this), null));
  }

  /** Removes the person's goal; false if there was none. */
  static boolean clear(Tx tx, String team, String user) {
    return tx.documents().delete(KIND, id(team, user));
  }
}
