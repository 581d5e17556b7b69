package dev.sparring.store.memory;

import dev.sparring.store.Conversation;
import dev.sparring.store.Conversations;
import dev.sparring.store.StoreException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link Conversations} of a {@link MemoryStore}. */
final class MemoryConversations implements Conversations {

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryConversations(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  @Override
  public void insert(Conversation c) {
    if (data.conversations.containsKey(c.id())) {
      throw new StoreException("conversation " + c.id() + " exists");
    }
    tx.put(data.conversations, c.id(), c);
  }

  @Override
  public Optional<Conversation> get(String id) {
    tx.check();
    return Optional.ofNullable(data.conversations.get(id));
  }

  @Override
  public boolean compareAndSet(Conversation next, long expectedVersion) {
    return tx.compareAndSet(
        data.conversations, next.id(), next, Conversation::version, expectedVersion);
  }

  @Override
  public Optional<Conversation> active(String teamKey, String ownerKey, String kind) {
    tx.check();
    return data.conversations.values().stream()
        .filter(c -> c.active() && c.kind().equals(kind))
        .filter(c -> c.team().key().equals(teamKey) && c.owner().key().equals(ownerKey))
        .max(Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::id));
  }

  @Override
  public List<Conversation> idleSince(String kind, Instant before, int limit) {
    tx.check();
    return data.conversations.values().stream()
        .filter(c -> c.active() && c.kind().equals(kind) && c.updatedAt().isBefore(before))
        .sorted(Comparator.comparing(Conversation::updatedAt).thenComparing(Conversation::id))
        .limit(limit)
        .toList();
  }

  @Override
  public List<String> questionIds(String teamKey, String ownerKey, String kind) {
    tx.check();
    return data.conversations.values().stream()
        .filter(c -> c.kind().equals(kind) && c.team().key().equals(teamKey))
        .filter(c -> c.owner().key().equals(ownerKey))
        .map(Conversation::questionId)
        .distinct()
        .sorted()
        .toList();
  }

  @Override
  public List<Conversation> activeIn(String teamKey, String kind, int limit) {
    tx.check();
    return data.conversations.values().stream()
        .filter(c -> c.active() && c.kind().equals(kind) && c.team().key().equals(teamKey))
        .sorted(Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::id))
        .limit(limit)
        .toList();
  }

  @Override
  public long countActive(String kind) {
    tx.check();
    return data.conversations.values().stream()
        .filter(c -> c.active() && c.kind().equals(kind))
        .count();
  }
}
