package dev.sparring.store.memory;

import dev.sparring.store.Document;
import dev.sparring.store.Documents;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link Documents} of a {@link MemoryStore}. */
final class MemoryDocuments implements Documents {

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryDocuments(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  @Override
  public Optional<Document> get(String kind, String id) {
    tx.check();
    return Optional.ofNullable(data.docs(kind).get(id));
  }

  @Override
  public boolean insert(Document doc) {
    if (data.docs(doc.kind()).containsKey(doc.id())) {
      return false;
    }
    tx.put(data.docs(doc.kind()), doc.id(), doc);
    return true;
  }

  @Override
  public boolean compareAndSet(Document next, long expectedVersion) {
    return tx.compareAndSet(
        data.docs(next.kind()), next.id(), next, Document::version, expectedVersion);
  }

  @Override
  public void put(Document doc) {
    tx.put(data.docs(doc.kind()), doc.id(), doc);
  }

  @Override
  public boolean delete(String kind, String id) {
    boolean had = data.docs(kind).containsKey(id);
    tx.remove(data.docs(kind), id);
    return had;
  }

  @Override
  public long count(String kind) {
    tx.check();
    return data.docs(kind).size();
  }

  @Override
  public List<Document> byPrefix(String kind, String prefix, int limit) {
    tx.check();
    return data.docs(kind).tailMap(prefix, true).values().stream()
        .takeWhile(d -> d.id().startsWith(prefix))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Document> byTeam(String kind, String team, int limit) {
    tx.check();
    return data.docs(kind).values().stream()
        .filter(d -> d.team().equals(team))
        .limit(limit)
        .toList();
  }

  @Override
  public List<Document> due(String kind, Instant at, int limit) {
    tx.check();
    return data.docs(kind).values().stream()
        .filter(d -> d.dueAt() != null && !d.dueAt().isAfter(at))
        .sorted(Comparator.comparing(Document::dueAt).thenComparing(Document::id))
        .limit(limit)
        .toList();
  }
}
