package dev.sparring.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations, changed only by compare-and-set on their version. */
public interface Conversations {

  /** Inserts a new conversation; fails if the id exists. */
  void insert(Conversation conversation);

  Optional<Conversation> get(String id);

  /**
   * Replaces the stored conversation if its version is still {@code expectedVersion}; returns false
   * (and changes nothing) if another writer got there first.
   */
  boolean compareAndSet(Conversation next, long expectedVersion);

  /** The owner's active conversation of {@code kind} in the team, if any (the most recent). */
  Optional<Conversation> active(String teamKey, String ownerKey, String kind);

  /** Active conversations of {@code kind} last changed before {@code before}, oldest first. */
  List<Conversation> idleSince(String kind, Instant before, int limit);

  /** Question ids the owner has had in conversations of {@code kind}, in any state. */
  List<String> questionIds(String teamKey, String ownerKey, String kind);

  /** Active conversations of {@code kind} in the team, oldest first. */
  List<Conversation> activeIn(String teamKey, String kind, int limit);

  /** How many conversations of {@code kind} are active. */
  long countActive(String kind);
}
