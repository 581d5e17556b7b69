package dev.sparring.store.memory;

import dev.sparring.chat.Outbound;
import dev.sparring.store.Outbox;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.OutboxRules;
import dev.sparring.store.OutboxRules.Change;
import dev.sparring.store.OutboxRules.Status;
import dev.sparring.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link Outbox} of a {@link MemoryStore}, by {@link OutboxRules}. */
final class MemoryOutbox implements Outbox {

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryOutbox(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  private MemoryData.Route route(long id) {
    return data.routes.getOrDefault(id, MemoryData.ANYWHERE);
  }

  /** The entry with its correlation and route. */
  private OutboxEntry entry(OutboxRow r, boolean resumed) {
    OutboxEntry e = r.entry();
    MemoryData.Route route = route(r.id());
    return new OutboxEntry(
        e.id(),
        e.message(),
        e.attempts(),
        e.createdAt(),
        e.lastError(),
        e.deliveredAt(),
        e.platformId(),
        data.correlations.get(r.id()),
        resumed,
        route.team(),
        route.partition());
  }

  @Override
  public long enqueue(
      Outbound message, Instant now, String correlation, String team, String partition) {
    long id = data.nextOutboxId++;
    tx.onRollback(() -> data.nextOutboxId--);
    if (correlation != null) {
      tx.put(data.correlations, id, correlation);
    }
    if (team != null || partition != null) {
      tx.put(data.routes, id, new MemoryData.Route(team, partition));
    }
    tx.store(OutboxRow.queued(id, message, now));
    return id;
  }

  @Override
  public List<OutboxEntry> claim(
      String owner, Instant now, Duration lease, int limit, Set<String> partitions) {
    tx.check();
    Set<String> seen = new HashSet<>();
    List<OutboxRow> heads = new ArrayList<>();
    for (OutboxRow r : data.pending.values()) {
      if (!seen.add(r.channelKey())) {
        continue;
      }
      if (!OutboxRules.serves(route(r.id()).partition(), partitions)) {
        continue; // another process's: it holds its channel back, nothing else
      }
      if (OutboxRules.claimable(r.nextAttemptAt(), r.leaseUntil(), now)) {
        heads.add(r);
        if (heads.size() == limit) {
          break;
        }
      }
    }
    List<OutboxEntry> claimed = new ArrayList<>();
    Instant until = OutboxRules.leaseEnd(now, lease);
    for (OutboxRow r : heads) {
      OutboxRow leased = r.leased(owner, until);
      tx.store(leased);
      claimed.add(entry(leased, r.resumed()));
    }
    return claimed;
  }

  @Override
  public int takeBack(String owner, Instant now) {
    tx.check();
    List<OutboxRow> held =
        data.pending.values().stream()
            .filter(r -> owner.equals(r.leaseOwner()) && OutboxRules.leased(r.leaseUntil(), now))
            .toList();
    for (OutboxRow r : held) {
      // leaseUntil stays set (to now), so the next claim sees the entry as resumed.
      tx.store(r.leased(owner, now));
    }
    return held.size();
  }

  /** The row {@code change} applies to, or null when there is none. */
  private OutboxRow applicable(long id, Change change) {
    tx.check();
    OutboxRow r = data.outbox.get(id);
    return r != null && change.appliesTo(r.status()) ? r : null;
  }

  /** Applies {@code change}; fails when there is no entry it applies to. */
  private void change(long id, Change change, Instant next, String error) {
    tx.store(existing(id, change).after(change, next, error));
  }

  private OutboxRow existing(long id, Change change) {
    OutboxRow r = applicable(id, change);
    if (r == null) {
      throw new StoreException("no outbox entry " + id);
    }
    return r;
  }

  @Override
  public void delivered(long id, String platformId, Instant now) {
    tx.store(existing(id, Change.DELIVER).delivered(now, platformId));
  }

  @Override
  public void retry(long id, Instant nextAttempt, String error) {
    change(id, Change.RETRY, nextAttempt, error);
  }

  @Override
  public void reroute(long id, String partition) {
    OutboxRow r = existing(id, Change.REROUTE);
    tx.put(data.routes, id, new MemoryData.Route(route(id).team(), partition));
    tx.store(r.after(Change.REROUTE, null, null));
  }

  @Override
  public void postpone(long id, Instant nextAttempt) {
    change(id, Change.POSTPONE, nextAttempt, null);
  }

  @Override
  public void dead(long id, String error, Instant now) {
    change(id, Change.DEAD, now, error);
  }

  @Override
  public long pending() {
    tx.check();
    return data.pending.size();
  }

  @Override
  public boolean requeue(long id, Instant now) {
    OutboxRow r = applicable(id, Change.REQUEUE);
    if (r == null) {
      return false;
    }
    tx.store(r.after(Change.REQUEUE, now, null));
    return true;
  }

  @Override
  public boolean drop(long id) {
    OutboxRow r = applicable(id, Change.DROP);
    if (r == null) {
      return false;
    }
    tx.drop(r);
    return true;
  }

  @Override
  public Optional<Instant> oldestPending() {
    tx.check();
    return data.pending.isEmpty()
        ? Optional.empty()
        : Optional.of(data.pending.firstEntry().getValue().createdAt());
  }

  @Override
  public long deadCount() {
    tx.check();
    return data.outbox.values().stream().filter(r -> r.status() == Status.DEAD).count();
  }

  @Override
  public List<OutboxEntry> deadLetters(int limit) {
    tx.check();
    return data.outbox.values().stream()
        .filter(r -> r.status() == Status.DEAD)
        .limit(limit)
        .map(r -> entry(r, r.resumed()))
        .toList();
  }
}
