package dev.sparring.scoring;

import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A team's seasons. The current one rolls over by itself when its end passes (calendar months by
 * default); {@link #reset} ends it early. Ended seasons are archived with their podium, never
 * deleted: their ledger entries stay, tagged with the season's label.
 */
public final class Seasons {

  static final String KIND = "season";
  static final String ARCHIVE = "season.archive";

  private final ScoringRules rules;

  public Seasons(ScoringRules rules) {
    this.rules = rules;
  }

  /** One season; {@code label} ("S3") tags its ledger entries. */
  public record Season(int number, Instant startedAt, Instant endsAt) {
    public String label() {
      return "S" + number;
    }
  }

  /** An ended season and its final top three. */
  public record Archived(int number, Instant startedAt, Instant endedAt, List<Standing> podium) {
    public String label() {
      return "S" + number;
    }
  }

  /** The team's current season at {@code now}, starting or rolling over seasons as needed. */
  public Season current(Tx tx, String team, Instant now) {
    Document doc = tx.documents().get(KIND, team).orElse(null);
    if (doc == null) {
      Season first = new Season(1, now, endOf(now));
      tx.documents().insert(Document.create(KIND, team, team, Json.write(first), null));
      return first;
    }
    Season s = Json.read(doc.body(), Season.class);
    if (now.isBefore(s.endsAt())) {
      return s;
    }
    archive(tx, team, s, s.endsAt());
    Season next = after(s, now);
    tx.documents().put(doc.next(Json.write(next), null));
    return next;
  }

  /** The season that follows the ended {@code s} at {@code now}. */
  private Season after(Season s, Instant now) {
    Instant start = s.endsAt();
    while (!now.isBefore(endOf(start))) {
      start = endOf(start); // the bot was down for whole seasons: skip the empty ones
    }
    return new Season(s.number() + 1, start, endOf(start));
  }

  /**
   * The team's current season at {@code now} without writing anything (for read-only tools): the
   * stored one, or the next one when it has ended; empty when the team never had one.
   */
  public Optional<Season> peek(Tx tx, String team, Instant now) {
    return tx.documents()
        .get(KIND, team)
        .map(d -> Json.read(d.body(), Season.class))
        .map(s -> now.isBefore(s.endsAt()) ? s : after(s, now));
  }

  /** Ends the current season now (archived) and starts the next one. */
  public Season reset(Tx tx, String team, Instant now) {
    Season s = current(tx, team, now);
    archive(tx, team, s, now);
    Season next = new Season(s.number() + 1, now, endOf(now));
    Document doc = tx.documents().get(KIND, team).orElseThrow();
    tx.documents().put(doc.next(Json.write(next), null));
    return next;
  }

  public List<Archived> archived(Tx tx, String team) {
    return tx.documents().byPrefix(ARCHIVE, team + "#", 1000).stream()
        .map(d -> Json.read(d.body(), Archived.class))
        .toList();
  }

  private void archive(Tx tx, String team, Season s, Instant endedAt) {
    // The podium as posted: people who hide are not on it.
    List<Standing> standings =
        Hidden.without(
            tx.ledger().standings(LedgerQuery.team(team).inSeason(s.label())), Hidden.in(tx, team));
    Archived a =
        new Archived(
            s.number(),
            s.startedAt(),
            endedAt,
            standings.subList(0, Math.min(3, standings.size())));
    tx.documents()
        .insert(
            Document.create(
                ARCHIVE,
                team + "#" + String.format("%06d", s.number()),
                team,
                Json.write(a),
                null));
  }

  /** When a season starting at {@code start} ends. */
  Instant endOf(Instant start) {
    if (rules.seasonLength() != null) {
      return start.plus(rules.seasonLength());
    }
    LocalDate month = start.atZone(rules.seasonZone()).toLocalDate().withDayOfMonth(1);
    return ZonedDateTime.of(month.plusMonths(1).atStartOfDay(), rules.seasonZone()).toInstant();
  }
}
