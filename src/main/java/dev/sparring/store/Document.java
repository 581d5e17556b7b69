package dev.sparring.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A small JSON record a feature owns (a channel's schedule, a daily post, a drill card). {@code
 * kind} and {@code id} name it; {@code team} scopes it for tenant isolation; {@code dueAt}, when
 * set, is when time-driven work next wants it (found with {@link Documents#due}); {@code version}
 * makes updates compare-and-set.
 */
public record Document(
    String kind, String id, String team, String body, long version, Instant dueAt) {
  public Document {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(body, "body");
  }

  public static Document create(String kind, String id, String team, String body, Instant dueAt) {
    return new Document(kind, id, team, body, 1, dueAt);
  }

  /**
   * What to {@link Documents#put} to save {@code body}: the next version of {@code existing}, or a
   * first version when there is none.
   */
  public static Document saved(
      java.util.Optional<Document> existing,
      String kind,
      String id,
      String team,
      String body,
      Instant dueAt) {
    return existing
        .map(d -> d.next(body, dueAt))
        .orElseGet(() -> create(kind, id, team, body, dueAt));
  }

  /** The next version with a new body and due time. */
  public Document next(String newBody, Instant newDueAt) {
    return new Document(kind, id, team, newBody, version + 1, newDueAt);
  }
}
