package dev.sparring.scoring;

import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.LocalDate;
import java.util.Optional;

/** {@code /spar away until DATE}: days someone is away do not break their streaks. */
public final class Away {

  static final String KIND = "away";

  private Away() {}

  record Absence(LocalDate from, LocalDate until) {}

  static String id(String team, String userKey) {
    return team + "#" + userKey;
  }

  public static void set(Tx tx, String team, String userKey, LocalDate from, LocalDate until) {
    String id = id(team, userKey);
    String body = Json.write(new Absence(from, until));
    Optional<Document> doc = tx.documents().get(KIND, id);
    tx.documents().put(Document.saved(doc, KIND, id, team, body, null));
  }

  public static boolean clear(Tx tx, String team, String userKey) {
    return tx.documents().delete(KIND, id(team, userKey));
  }

  public static Optional<LocalDate> until(Tx tx, String team, String userKey) {
    return tx.documents()
        .get(KIND, id(team, userKey))
        .map(d -> Json.read(d.body(), Absence.class).until());
  }

  /** Whether the user declared themselves away on {@code date}. */
  public static boolean isAway(Tx tx, String team, String userKey, LocalDate date) {
    return tx.documents()
        .get(KIND, id(team, userKey))
        .map(d -> Json.read(d.body(), Absence.class))
        .map(a -> !date.isBefore(a.from()) && !date.isAfter(a.until()))
        .orElse(false);
  }
}
