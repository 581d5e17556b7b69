package dev.sparring.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Feature records by kind and id. Ids sort as strings, so a prefix selects a family. */
public interface Documents {

  Optional<Document> get(String kind, String id);

  /**
   * Inserts {@code doc} unless a document with its kind and id exists; returns false then (this is
   * how a feature claims something exactly once, e.g. the daily post of a channel and date).
   */
  boolean insert(Document doc);

  /** Replaces the document if its stored version is {@code expectedVersion}. */
  boolean compareAndSet(Document next, long expectedVersion);

  /** Inserts or replaces, whatever the stored version. */
  void put(Document doc);

  boolean delete(String kind, String id);

  /** How many documents of {@code kind} exist (metrics). */
  long count(String kind);

  /** Documents of {@code kind} whose id starts with {@code prefix}, in id order. */
  List<Document> byPrefix(String kind, String prefix, int limit);

  /** Documents of {@code kind} that belong to {@code team}, in id order. */
  List<Document> byTeam(String kind, String team, int limit);

  /** Documents of {@code kind} due at or before {@code at}, soonest first. */
  List<Document> due(String kind, Instant at, int limit);
}
