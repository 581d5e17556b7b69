package dev.sparring.store.memory;

import dev.sparring.store.Answer;
import dev.sparring.store.Conversation;
import dev.sparring.store.Dispute;
import dev.sparring.store.Document;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.ThreadLink;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Everything a {@link MemoryStore} holds; read and changed only through a {@link MemoryTx}. */
final class MemoryData {

  /** Whom an outbox entry is for and which partition may claim it. */
  record Route(String team, String partition) {}

  static final Route ANYWHERE = new Route(null, null);

  final Map<String, Instant> inbound = new HashMap<>();
  final Map<String, Conversation> conversations = new HashMap<>();
  final Map<String, TreeMap<Integer, Answer>> answers = new HashMap<>();
  final Map<String, ThreadLink> threads = new HashMap<>();
  final Map<String, String> threadsByPlatform = new HashMap<>();
  final TreeMap<Long, OutboxRow> outbox = new TreeMap<>();
  // The pending rows only, so claims don't walk the delivered history.
  final TreeMap<Long, OutboxRow> pending = new TreeMap<>();
  final Map<String, String> kv = new HashMap<>();
  // kind -> id -> document; sorted so a prefix is a range.
  final Map<String, TreeMap<String, Document>> documents = new HashMap<>();
  final Map<String, LedgerEntry> ledger = new LinkedHashMap<>();
  final Map<String, Dispute> disputes = new HashMap<>();
  final Map<Long, String> correlations = new HashMap<>();
  final Map<Long, Route> routes = new HashMap<>();
  long nextOutboxId = 1;

  /** The documents of {@code kind} by id. */
  TreeMap<String, Document> docs(String kind) {
    return documents.computeIfAbsent(kind, k -> new TreeMap<>());
  }

  /** The key under which a thread is found by its platform id. */
  static String platformKey(String channelKey, String platformId) {
    return channelKey + "\n" + platformId;
  }
}
