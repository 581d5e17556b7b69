package dev.sparring.compete;

import dev.sparring.core.Json;
import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.Document;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stored records of competitions and their reads and writes over a {@link Tx}: the competitions
 * themselves, the channel's running one, members, posted questions and answers kept for people who
 * have not joined yet. The document kinds and JSON shapes are what stored data already holds.
 */
final class CompeteRecords {

  static final String KIND = "compete";
  static final String MEMBER = "compete.member";
  static final String POST = "compete.post";
  static final String ACTIVE = "compete.active";
  static final String WAITING = "compete.waiting";

  private CompeteRecords() {}

  /**
   * Someone who joined a competition, optionally in a group; {@code past} is the points they had
   * earned in the 90 days before joining a balanced competition (0 otherwise, and in members stored
   * before balanced groups existed).
   */
  record Member(String user, String group, long past) {}

  /** A question posted for a competition, stored under its thread anchor. */
  record Posted(String contest, String questionId) {}

  /** An answer kept for someone who has not joined yet: the first per question, scored on join. */
  record Waiting(String anchor, String text, Instant at) {}

  // ---- competitions

  static Contest read(Document d) {
    return Json.read(d.body(), Contest.class);
  }

  /** The channel's running competition. */
  static Optional<Document> active(Tx tx, String channel) {
    return tx.documents()
        .get(ACTIVE, channel)
        .map(d -> Json.read(d.body(), String.class))
        .flatMap(id -> tx.documents().get(KIND, id))
        .filter(d -> !read(d).ended());
  }

  /** The id of the team's competition with this name (names are unique per team, by slug). */
  static String id(String team, String name) {
    return team + "#" + slug(name);
  }

  static Optional<Document> get(Tx tx, String id) {
    return tx.documents().get(KIND, id);
  }

  /** Stores a new competition and makes it its channel's running one. */
  static void create(Tx tx, Contest c, Instant now) {
    tx.documents().insert(Document.create(KIND, c.id(), c.team(), Json.write(c), now));
    tx.documents().put(Document.create(ACTIVE, c.channel(), c.team(), Json.write(c.id()), null));
  }

  /** Replaces the stored competition {@code d} with {@code next}, due again at {@code due}. */
  static void save(Tx tx, Document d, Contest next, Instant due) {
    if (!tx.documents().compareAndSet(d.next(Json.write(next), due), d.version())) {
      throw new ConcurrentUpdateException("competition " + next.id());
    }
  }

  /** Competitions whose next post or end is due. */
  static List<Document> due(Tx tx, Instant now) {
    return tx.documents().due(KIND, now, 50);
  }

  static List<Document> ofTeam(Tx tx, String team) {
    return tx.documents().byTeam(KIND, team, Integer.MAX_VALUE);
  }

  // ---- members

  static Optional<Member> member(Tx tx, Contest c, String user) {
    return tx.documents()
        .get(MEMBER, c.id() + "#" + user)
        .map(d -> Json.read(d.body(), Member.class));
  }

  static void join(Tx tx, Contest c, Member m) {
    tx.documents()
        .insert(Document.create(MEMBER, c.id() + "#" + m.user(), c.team(), Json.write(m), null));
  }

  /** Everyone who joined, in id order. */
  static List<Member> roster(Tx tx, Contest c) {
    return tx.documents().byPrefix(MEMBER, c.id() + "#", 100_000).stream()
        .map(d -> Json.read(d.body(), Member.class))
        .toList();
  }

  static long members(Tx tx, Contest c) {
    return tx.documents().byPrefix(MEMBER, c.id() + "#", 100_000).size();
  }

  // ---- posted questions

  static void post(Tx tx, String anchor, Contest c, String questionId) {
    tx.documents()
        .insert(
            Document.create(
                POST, anchor, c.team(), Json.write(new Posted(c.id(), questionId)), null));
  }

  static Optional<Posted> posted(Tx tx, String anchor) {
    return tx.documents().get(POST, anchor).map(d -> Json.read(d.body(), Posted.class));
  }

  // ---- answers waiting for their author to join

  /** Keeps an answer; false when this person's first answer to the question is already kept. */
  static boolean keep(Tx tx, Contest c, String user, Waiting w) {
    String id = c.id() + "#" + user + "#" + w.anchor();
    return tx.documents().insert(Document.create(WAITING, id, c.team(), Json.write(w), null));
  }

  /** Removes and returns the answers kept for {@code user}. */
  static List<Waiting> takeWaiting(Tx tx, Contest c, String user) {
    List<Waiting> taken = new ArrayList<>();
    for (Document d : tx.documents().byPrefix(WAITING, c.id() + "#" + user + "#", 1000)) {
      taken.add(Json.read(d.body(), Waiting.class));
      tx.documents().delete(WAITING, d.id());
    }
    return taken;
  }

  /** A name as a lower-case id part: letters and digits, runs of anything else as one dash. */
  static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }
}
