package dev.sparring.store.memory;

import dev.sparring.core.Outbound;
import dev.sparring.store.Answer;
import dev.sparring.store.Answers;
import dev.sparring.store.Conversation;
import dev.sparring.store.Conversations;
import dev.sparring.store.Dispute;
import dev.sparring.store.Disputes;
import dev.sparring.store.Document;
import dev.sparring.store.Documents;
import dev.sparring.store.Erased;
import dev.sparring.store.Erasure;
import dev.sparring.store.InboundLog;
import dev.sparring.store.KeyValues;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Outbox;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.Standing;
import dev.sparring.store.Store;
import dev.sparring.store.StoreException;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.Threads;
import dev.sparring.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/** A store held in memory; transactions are serialised by one lock and undone on failure. */
public final class MemoryStore implements Store {

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Instant> inbound = new HashMap<>();
  private final Map<String, Conversation> conversations = new HashMap<>();
  private final Map<String, TreeMap<Integer, Answer>> answers = new HashMap<>();
  private final Map<String, ThreadLink> threads = new HashMap<>();
  private final Map<String, String> threadsByPlatform = new HashMap<>();
  private final TreeMap<Long, Row> outbox = new TreeMap<>();
  // The pending rows only, so claims don't walk the delivered history.
  private final TreeMap<Long, Row> pending = new TreeMap<>();
  private final Map<String, String> kv = new HashMap<>();
  // kind -> id -> document; sorted so a prefix is a range.
  private final Map<String, TreeMap<String, Document>> documents = new HashMap<>();
  private final Map<String, LedgerEntry> ledger = new LinkedHashMap<>();
  private final Map<String, Dispute> disputes = new HashMap<>();
  private final Map<Long, String> correlations = new HashMap<>();
  private final Map<Long, Route> routes = new HashMap<>();

  /** Whom an outbox entry is for and which partition may claim it. */
  private record Route(String team, String partition) {}

  private static final Route ANYWHERE = new Route(null, null);

  private OutboxEntry withCorrelation(OutboxEntry e, boolean resumed) {
    String c = correlations.get(e.id());
    Route route = routes.getOrDefault(e.id(), ANYWHERE);
    return new OutboxEntry(
        e.id(),
        e.message(),
        e.attempts(),
        e.createdAt(),
        e.lastError(),
        e.deliveredAt(),
        e.platformId(),
        c,
        resumed,
        route.team(),
        route.partition());
  }

  /** Newest first, as the SQL stores order disputes. */
  private static final Comparator<Dispute> NEWEST =
      Comparator.comparing(Dispute::at)
          .reversed()
          .thenComparing(Dispute::answerRef)
          .thenComparingInt(Dispute::pointNo)
          .thenComparing(Dispute::user);

  private long nextOutboxId = 1;
  private boolean closed;

  @Override
  public <T> T transact(Work<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new StoreException("store is closed");
      }
      MemoryTx tx = new MemoryTx();
      try {
        T result = work.run(tx);
        tx.open = false;
        return result;
      } catch (RuntimeException | Error e) {
        tx.rollback();
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String describe() {
    return "memory";
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
  }

  private record Row(
      long id,
      String channelKey,
      Outbound message,
      Instant createdAt,
      Status status,
      int attempts,
      Instant nextAttemptAt,
      String leaseOwner,
      Instant leaseUntil,
      String lastError,
      Instant deliveredAt,
      String platformId) {

    OutboxEntry entry() {
      return new OutboxEntry(id, message, attempts, createdAt, lastError, deliveredAt, platformId);
    }

    Row with(
        Status s,
        int tries,
        Instant next,
        String owner,
        Instant until,
        String error,
        Instant at,
        String pid) {
      return new Row(
          id, channelKey, message, createdAt, s, tries, next, owner, until, error, at, pid);
    }
  }

  private enum Status {
    PENDING,
    DELIVERED,
    DEAD
  }

  private final class MemoryTx implements Tx {
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private boolean open = true;

    void rollback() {
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
      open = false;
    }

    private void check() {
      if (!open) {
        throw new IllegalStateException("transaction is over");
      }
    }

    private <K, V> void put(Map<K, V> map, K key, V value) {
      check();
      boolean had = map.containsKey(key);
      V old = map.put(key, value);
      undo.push(
          () -> {
            if (had) {
              map.put(key, old);
            } else {
              map.remove(key);
            }
          });
    }

    private <K, V> void remove(Map<K, V> map, K key) {
      check();
      if (map.containsKey(key)) {
        V old = map.remove(key);
        undo.push(() -> map.put(key, old));
      }
    }

    private void store(Row row) {
      put(outbox, row.id(), row);
      if (row.status() == Status.PENDING) {
        put(pending, row.id(), row);
      } else {
        remove(pending, row.id());
      }
    }

    @Override
    public InboundLog inbound() {
      return new InboundLog() {
        @Override
        public boolean record(String key, Instant at) {
          check();
          if (inbound.containsKey(key)) {
            return false;
          }
          put(inbound, key, at);
          return true;
        }

        @Override
        public int prune(Instant before) {
          List<String> old = new ArrayList<>();
          for (Map.Entry<String, Instant> e : inbound.entrySet()) {
            if (e.getValue().isBefore(before)) {
              old.add(e.getKey());
            }
          }
          old.forEach(k -> remove(inbound, k));
          return old.size();
        }
      };
    }

    @Override
    public Conversations conversations() {
      return new Conversations() {
        @Override
        public void insert(Conversation c) {
          if (conversations.containsKey(c.id())) {
            throw new StoreException("conversation " + c.id() + " exists");
          }
          put(conversations, c.id(), c);
        }

        @Override
        public Optional<Conversation> get(String id) {
          check();
          return Optional.ofNullable(conversations.get(id));
        }

        @Override
        public boolean compareAndSet(Conversation next, long expectedVersion) {
          Conversation current = conversations.get(next.id());
          if (current == null || current.version() != expectedVersion) {
            return false;
          }
          put(conversations, next.id(), next);
          return true;
        }

        @Override
        public Optional<Conversation> active(String teamKey, String ownerKey, String kind) {
          check();
          return conversations.values().stream()
              .filter(c -> c.active() && c.kind().equals(kind))
              .filter(c -> c.team().key().equals(teamKey) && c.owner().key().equals(ownerKey))
              .max(Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::id));
        }

        @Override
        public List<Conversation> idleSince(String kind, Instant before, int limit) {
          check();
          return conversations.values().stream()
              .filter(c -> c.active() && c.kind().equals(kind) && c.updatedAt().isBefore(before))
              .sorted(Comparator.comparing(Conversation::updatedAt).thenComparing(Conversation::id))
              .limit(limit)
              .toList();
        }

        @Override
        public List<String> questionIds(String teamKey, String ownerKey, String kind) {
          check();
          return conversations.values().stream()
              .filter(c -> c.kind().equals(kind) && c.team().key().equals(teamKey))
              .filter(c -> c.owner().key().equals(ownerKey))
              .map(Conversation::questionId)
              .distinct()
              .sorted()
              .toList();
        }

        @Override
        public List<Conversation> activeIn(String teamKey, String kind, int limit) {
          check();
          return conversations.values().stream()
              .filter(c -> c.active() && c.kind().equals(kind) && c.team().key().equals(teamKey))
              .sorted(Comparator.comparing(Conversation::createdAt).thenComparing(Conversation::id))
              .limit(limit)
              .toList();
        }

        @Override
        public long countActive(String kind) {
          check();
          return conversations.values().stream()
              .filter(c -> c.active() && c.kind().equals(kind))
              .count();
        }
      };
    }

    @Override
    public Answers answers() {
      return new Answers() {
        @Override
        public boolean add(Answer answer) {
          check();
          TreeMap<Integer, Answer> steps = answers.get(answer.conversationId());
          if (steps != null && steps.containsKey(answer.step())) {
            return false;
          }
          TreeMap<Integer, Answer> next = steps == null ? new TreeMap<>() : new TreeMap<>(steps);
          next.put(answer.step(), answer);
          put(answers, answer.conversationId(), next);
          return true;
        }

        @Override
        public List<Answer> of(String conversationId) {
          check();
          TreeMap<Integer, Answer> steps = answers.get(conversationId);
          return steps == null ? List.of() : List.copyOf(steps.values());
        }
      };
    }

    @Override
    public Threads threads() {
      return new Threads() {
        @Override
        public void open(String anchor, String channelKey, String kind, Instant at) {
          if (threads.containsKey(anchor)) {
            throw new StoreException("thread " + anchor + " exists");
          }
          put(threads, anchor, new ThreadLink(anchor, channelKey, kind, null));
        }

        @Override
        public void link(String anchor, String platformId) {
          ThreadLink t = threads.get(anchor);
          if (t == null) {
            throw new StoreException("no thread " + anchor);
          }
          put(threads, anchor, new ThreadLink(anchor, t.channelKey(), t.kind(), platformId));
          put(threadsByPlatform, t.channelKey() + "\n" + platformId, anchor);
        }

        @Override
        public Optional<ThreadLink> get(String anchor) {
          check();
          return Optional.ofNullable(threads.get(anchor));
        }

        @Override
        public Optional<ThreadLink> byPlatformId(String channelKey, String platformId) {
          check();
          return Optional.ofNullable(threadsByPlatform.get(channelKey + "\n" + platformId))
              .map(threads::get);
        }
      };
    }

    @Override
    public Outbox outbox() {
      return new Outbox() {
        @Override
        public long enqueue(
            Outbound message, Instant now, String correlation, String team, String partition) {
          check();
          long id = nextOutboxId++;
          undo.push(() -> nextOutboxId--);
          if (correlation != null) {
            correlations.put(id, correlation);
            undo.push(() -> correlations.remove(id));
          }
          if (team != null || partition != null) {
            put(routes, id, new Route(team, partition));
          }
          store(
              new Row(
                  id,
                  message.channel().key(),
                  message,
                  now,
                  Status.PENDING,
                  0,
                  now,
                  null,
                  null,
                  null,
                  null,
                  null));
          return id;
        }

        @Override
        public List<OutboxEntry> claim(
            String owner, Instant now, Duration lease, int limit, Set<String> partitions) {
          check();
          Set<String> seen = new HashSet<>();
          List<Row> heads = new ArrayList<>();
          for (Row r : pending.values()) {
            if (!seen.add(r.channelKey())) {
              continue;
            }
            String partition = routes.getOrDefault(r.id(), ANYWHERE).partition();
            if (partition != null && !partitions.contains(partition)) {
              continue; // another process's: it holds its channel back, nothing else
            }
            boolean due = !r.nextAttemptAt().isAfter(now);
            boolean free = r.leaseUntil() == null || !r.leaseUntil().isAfter(now);
            if (due && free) {
              heads.add(r);
              if (heads.size() == limit) {
                break;
              }
            }
          }
          List<OutboxEntry> claimed = new ArrayList<>();
          Instant until = now.plus(lease);
          for (Row r : heads) {
            Row leased =
                r.with(
                    r.status(),
                    r.attempts(),
                    r.nextAttemptAt(),
                    owner,
                    until,
                    r.lastError(),
                    null,
                    null);
            store(leased);
            claimed.add(
                withCorrelation(leased.entry(), r.attempts() > 0 || r.leaseUntil() != null));
          }
          return claimed;
        }

        @Override
        public int takeBack(String owner, Instant now) {
          check();
          List<Row> held =
              pending.values().stream()
                  .filter(r -> owner.equals(r.leaseOwner()) && r.leaseUntil().isAfter(now))
                  .toList();
          for (Row r : held) {
            // leaseUntil stays set (to now), so the next claim sees the entry as resumed.
            store(
                r.with(
                    r.status(),
                    r.attempts(),
                    r.nextAttemptAt(),
                    owner,
                    now,
                    r.lastError(),
                    r.deliveredAt(),
                    r.platformId()));
          }
          return held.size();
        }

        private Row row(long id) {
          Row r = outbox.get(id);
          if (r == null) {
            throw new StoreException("no outbox entry " + id);
          }
          return r;
        }

        @Override
        public void delivered(long id, String platformId, Instant now) {
          Row r = row(id);
          store(
              r.with(
                  Status.DELIVERED,
                  r.attempts() + 1,
                  r.nextAttemptAt(),
                  null,
                  null,
                  r.lastError(),
                  now,
                  platformId));
        }

        @Override
        public void retry(long id, Instant nextAttempt, String error) {
          Row r = row(id);
          store(
              r.with(Status.PENDING, r.attempts() + 1, nextAttempt, null, null, error, null, null));
        }

        @Override
        public void reroute(long id, String partition) {
          Row r = row(id);
          if (r.status() != Status.PENDING) {
            throw new StoreException("no outbox entry " + id);
          }
          put(routes, id, new Route(routes.getOrDefault(id, ANYWHERE).team(), partition));
          store(
              r.with(
                  Status.PENDING,
                  r.attempts(),
                  r.nextAttemptAt(),
                  null,
                  null,
                  r.lastError(),
                  null,
                  null));
        }

        @Override
        public void postpone(long id, Instant nextAttempt) {
          Row r = row(id);
          store(
              r.with(
                  Status.PENDING,
                  r.attempts(),
                  nextAttempt,
                  null,
                  null,
                  r.lastError(),
                  null,
                  null));
        }

        @Override
        public void dead(long id, String error, Instant now) {
          Row r = row(id);
          store(r.with(Status.DEAD, r.attempts() + 1, now, null, null, error, null, null));
        }

        @Override
        public long pending() {
          check();
          return pending.size();
        }

        @Override
        public boolean requeue(long id, Instant now) {
          Row r = outbox.get(id);
          if (r == null || r.status() != Status.DEAD) {
            return false;
          }
          store(r.with(Status.PENDING, 0, now, null, null, r.lastError(), null, null));
          return true;
        }

        @Override
        public boolean drop(long id) {
          Row r = outbox.get(id);
          if (r == null || r.status() != Status.DEAD) {
            return false;
          }
          remove(outbox, id);
          remove(pending, id);
          remove(routes, id);
          return true;
        }

        @Override
        public Optional<Instant> oldestPending() {
          check();
          return pending.isEmpty()
              ? Optional.empty()
              : Optional.of(pending.firstEntry().getValue().createdAt());
        }

        @Override
        public long deadCount() {
          check();
          return outbox.values().stream().filter(r -> r.status() == Status.DEAD).count();
        }

        @Override
        public List<OutboxEntry> deadLetters(int limit) {
          check();
          return outbox.values().stream()
              .filter(r -> r.status() == Status.DEAD)
              .limit(limit)
              .map(r -> withCorrelation(r.entry(), r.attempts() > 0))
              .toList();
        }
      };
    }

    @Override
    public KeyValues kv() {
      return new KeyValues() {
        @Override
        public Optional<String> get(String scope, String name) {
          check();
          return Optional.ofNullable(kv.get(scope + "\n" + name));
        }

        @Override
        public void put(String scope, String name, String value) {
          MemoryTx.this.put(kv, scope + "\n" + name, value);
        }

        @Override
        public boolean delete(String scope, String name) {
          boolean had = kv.containsKey(scope + "\n" + name);
          remove(kv, scope + "\n" + name);
          return had;
        }

        @Override
        public java.util.SortedMap<String, String> all(String scope) {
          check();
          java.util.SortedMap<String, String> out = new TreeMap<>();
          kv.forEach(
              (k, v) -> {
                if (k.startsWith(scope + "\n")) {
                  out.put(k.substring(scope.length() + 1), v);
                }
              });
          return out;
        }
      };
    }

    private TreeMap<String, Document> docs(String kind) {
      return documents.computeIfAbsent(kind, k -> new TreeMap<>());
    }

    @Override
    public Documents documents() {
      return new Documents() {
        @Override
        public Optional<Document> get(String kind, String id) {
          check();
          return Optional.ofNullable(docs(kind).get(id));
        }

        @Override
        public boolean insert(Document doc) {
          if (docs(doc.kind()).containsKey(doc.id())) {
            return false;
          }
          MemoryTx.this.put(docs(doc.kind()), doc.id(), doc);
          return true;
        }

        @Override
        public boolean compareAndSet(Document next, long expectedVersion) {
          Document current = docs(next.kind()).get(next.id());
          if (current == null || current.version() != expectedVersion) {
            return false;
          }
          MemoryTx.this.put(docs(next.kind()), next.id(), next);
          return true;
        }

        @Override
        public void put(Document doc) {
          MemoryTx.this.put(docs(doc.kind()), doc.id(), doc);
        }

        @Override
        public boolean delete(String kind, String id) {
          boolean had = docs(kind).containsKey(id);
          remove(docs(kind), id);
          return had;
        }

        @Override
        public long count(String kind) {
          check();
          return docs(kind).size();
        }

        @Override
        public List<Document> byPrefix(String kind, String prefix, int limit) {
          check();
          return docs(kind).tailMap(prefix, true).values().stream()
              .takeWhile(d -> d.id().startsWith(prefix))
              .limit(limit)
              .toList();
        }

        @Override
        public List<Document> byTeam(String kind, String team, int limit) {
          check();
          return docs(kind).values().stream()
              .filter(d -> d.team().equals(team))
              .limit(limit)
              .toList();
        }

        @Override
        public List<Document> due(String kind, Instant at, int limit) {
          check();
          return docs(kind).values().stream()
              .filter(d -> d.dueAt() != null && !d.dueAt().isAfter(at))
              .sorted(Comparator.comparing(Document::dueAt).thenComparing(Document::id))
              .limit(limit)
              .toList();
        }
      };
    }

    @Override
    public Disputes disputes() {
      return new Disputes() {
        @Override
        public boolean add(Dispute d) {
          String key = d.team() + "\n" + d.answerRef() + "\n" + d.user() + "\n" + d.pointNo();
          if (disputes.containsKey(key)) {
            return false;
          }
          MemoryTx.this.put(disputes, key, d);
          return true;
        }

        @Override
        public List<Dispute> latest(String team, int limit) {
          check();
          return disputes.values().stream()
              .filter(d -> d.team().equals(team))
              .sorted(NEWEST)
              .limit(limit)
              .toList();
        }

        @Override
        public long count(String team) {
          check();
          return disputes.values().stream().filter(d -> d.team().equals(team)).count();
        }

        @Override
        public List<Dispute> all(int limit) {
          check();
          return disputes.values().stream().sorted(NEWEST).limit(limit).toList();
        }
      };
    }

    @Override
    public Erasure erase() {
      return new MemoryErasure();
    }

    /** The same rules as the JDBC stores' erasure, over the maps. */
    private final class MemoryErasure implements Erasure {

      @Override
      public Erased team(String teamKey) {
        check();
        Map<String, Long> n = new HashMap<>();
        Set<String> channels = channelsOf(teamKey);
        Set<String> anchors = new HashSet<>();
        for (Conversation c : List.copyOf(conversations.values())) {
          if (c.team().key().equals(teamKey)) {
            anchors.add(c.id());
            dropConversation(c.id(), n);
          }
        }
        for (TreeMap<String, Document> byId : documents.values()) {
          for (Document d : List.copyOf(byId.values())) {
            if (d.team().equals(teamKey)) {
              anchors.add(d.id());
              remove(byId, d.id());
              n.merge("documents", 1L, Long::sum);
            }
          }
        }
        for (LedgerEntry e : List.copyOf(ledger.values())) {
          if (e.team().equals(teamKey)) {
            remove(ledger, e.key());
            n.merge("ledger entries", 1L, Long::sum);
          }
        }
        dropDisputes(teamKey, null, n);
        for (ThreadLink t : List.copyOf(threads.values())) {
          if (anchors.contains(t.anchor()) || channels.contains(t.channelKey())) {
            remove(threads, t.anchor());
            if (t.platformId() != null) {
              remove(threadsByPlatform, t.channelKey() + "\n" + t.platformId());
            }
            n.merge("threads", 1L, Long::sum);
          }
        }
        for (Row r : List.copyOf(outbox.values())) {
          if (channels.contains(r.channelKey())) {
            dropRow(r);
            n.merge("outbox entries", 1L, Long::sum);
          }
        }
        return new Erased(n);
      }

      @Override
      public Erased user(String teamKey, String userKey) {
        check();
        Map<String, Long> n = new HashMap<>();
        for (Conversation c : List.copyOf(conversations.values())) {
          if (!c.team().key().equals(teamKey)) {
            continue;
          }
          if (c.owner().key().equals(userKey)) {
            dropConversation(c.id(), n);
            continue;
          }
          TreeMap<Integer, Answer> steps = answers.get(c.id());
          if (steps != null
              && steps.values().stream().anyMatch(a -> a.user().key().equals(userKey))) {
            TreeMap<Integer, Answer> kept = new TreeMap<>(steps);
            long before = kept.size();
            kept.values().removeIf(a -> a.user().key().equals(userKey));
            n.merge("answers", before - kept.size(), Long::sum);
            put(answers, c.id(), kept);
          }
        }
        for (LedgerEntry e : List.copyOf(ledger.values())) {
          if (e.team().equals(teamKey) && e.user().equals(userKey)) {
            remove(ledger, e.key());
            n.merge("ledger entries", 1L, Long::sum);
          }
        }
        for (TreeMap<String, Document> byId : documents.values()) {
          for (Document d : List.copyOf(byId.values())) {
            if (d.team().equals(teamKey) && Erasure.namesUser(d.id(), userKey)) {
              remove(byId, d.id());
              n.merge("documents", 1L, Long::sum);
            }
          }
        }
        dropDisputes(teamKey, userKey, n);
        return new Erased(n);
      }

      @Override
      public int cancelPending(String teamKey, Instant now) {
        check();
        Set<String> channels = channelsOf(teamKey);
        int cancelled = 0;
        for (Row r : List.copyOf(pending.values())) {
          boolean leased = r.leaseUntil() != null && r.leaseUntil().isAfter(now);
          if (channels.contains(r.channelKey()) && !leased) {
            dropRow(r);
            cancelled++;
          }
        }
        return cancelled;
      }

      private Set<String> channelsOf(String teamKey) {
        Set<String> anchors = new HashSet<>();
        Set<String> channels = new HashSet<>();
        for (Conversation c : conversations.values()) {
          if (c.team().key().equals(teamKey)) {
            anchors.add(c.id());
            channels.add(c.channel().key());
          }
        }
        for (TreeMap<String, Document> byId : documents.values()) {
          for (Document d : byId.values()) {
            if (d.team().equals(teamKey)) {
              // Anchors of the threads it opened, or the channel it is named after.
              anchors.add(d.id());
              channels.add(d.id());
            }
          }
        }
        for (LedgerEntry e : ledger.values()) {
          if (e.team().equals(teamKey) && e.channel() != null) {
            channels.add(e.channel());
          }
        }
        for (ThreadLink t : threads.values()) {
          if (anchors.contains(t.anchor())) {
            channels.add(t.channelKey());
          }
        }
        return channels;
      }

      private void dropConversation(String id, Map<String, Long> n) {
        remove(conversations, id);
        n.merge("conversations", 1L, Long::sum);
        TreeMap<Integer, Answer> steps = answers.get(id);
        if (steps != null) {
          n.merge("answers", (long) steps.size(), Long::sum);
          remove(answers, id);
        }
      }

      /** The team's disputes, or only those {@code userKey} made when it is not null. */
      private void dropDisputes(String teamKey, String userKey, Map<String, Long> n) {
        for (Map.Entry<String, Dispute> e : List.copyOf(disputes.entrySet())) {
          Dispute d = e.getValue();
          if (d.team().equals(teamKey) && (userKey == null || d.user().equals(userKey))) {
            remove(disputes, e.getKey());
            n.merge("disputes", 1L, Long::sum);
          }
        }
      }

      private void dropRow(Row r) {
        remove(outbox, r.id());
        remove(pending, r.id());
        remove(correlations, r.id());
      }
    }

    @Override
    public Ledger ledger() {
      return new Ledger() {
        @Override
        public boolean append(LedgerEntry entry) {
          if (ledger.containsKey(entry.key())) {
            return false;
          }
          put(ledger, entry.key(), entry);
          return true;
        }

        @Override
        public List<Standing> standings(LedgerQuery q) {
          check();
          Map<String, long[]> sums = new HashMap<>();
          Map<String, Instant> last = new HashMap<>();
          for (LedgerEntry e : ledger.values()) {
            if (!e.team().equals(q.team())
                || (q.channel() != null && !q.channel().equals(e.channel()))
                || (q.season() != null && !q.season().equals(e.season()))
                || (q.competition() != null && !q.competition().equals(e.competition()))
                || (q.byGroup() && e.group() == null)) {
              continue;
            }
            String name = q.byGroup() ? e.group() : e.user();
            long[] s = sums.computeIfAbsent(name, k -> new long[2]);
            s[0] += e.points();
            s[1]++;
            last.merge(name, e.at(), (a, b) -> a.isAfter(b) ? a : b);
          }
          return sums.entrySet().stream()
              .map(
                  x ->
                      new Standing(
                          x.getKey(), x.getValue()[0], x.getValue()[1], last.get(x.getKey())))
              .sorted(Standing.ORDER)
              .toList();
        }

        @Override
        public List<Standing> top(LedgerQuery q, int limit) {
          List<Standing> all = standings(q);
          return List.copyOf(all.subList(0, Math.min(limit, all.size())));
        }

        @Override
        public Optional<Rank> rank(LedgerQuery q, String name) {
          return Rank.in(standings(q), name);
        }

        @Override
        public List<LedgerEntry> entries(String team, String user, int limit) {
          check();
          List<LedgerEntry> out = new ArrayList<>();
          for (LedgerEntry e : ledger.values()) {
            if (e.team().equals(team) && e.user().equals(user)) {
              out.add(e);
            }
          }
          out.sort(
              Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::key).reversed());
          return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        }
      };
    }
  }
}
