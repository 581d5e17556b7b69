package dev.sparring.scoring;

import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code /spar timezone ZONE}: the IANA zone a person lives in, per team, for whatever works on
 * their local days (reminders). Kept as the document {@code person.zone/TEAM#USER}, so erasing the
 * person erases it.
 */
public final class PersonalZones {

  static final String KIND = "person.zone";

  private PersonalZones() {}

  record Stored(String zone) {}

  static String id(String team, String userKey) {
    return team + "#" + userKey;
  }

  /** The person's zone, if they set one (and it is still a zone this Java knows). */
  public static Optional<ZoneId> of(Tx tx, String team, String userKey) {
    return tx.documents()
        .get(KIND, id(team, userKey))
        .map(d -> Json.read(d.body(), Stored.class).zone())
        .flatMap(PersonalZones::zone);
  }

  public static void set(Tx tx, String team, String userKey, ZoneId zone) {
    String id = id(team, userKey);
    String body = Json.write(new Stored(zone.getId()));
    Optional<Document> doc = tx.documents().get(KIND, id);
    tx.documents().put(Document.saved(doc, KIND, id, team, body, null));
  }

  private static Optional<ZoneId> zone(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
