package dev.sparring.store.memory;

import dev.sparring.chat.Outbound;
import dev.sparring.store.Answer;
import dev.sparring.store.Conversation;
import dev.sparring.store.Dispute;
import dev.sparring.store.Document;
import dev.sparring.store.Erased;
import dev.sparring.store.Erasure;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.OutboxRules;
import dev.sparring.store.ThreadLink;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@link Erasure} of a {@link MemoryStore}: the same rules as the SQL stores' erasure. */
final class MemoryErasure implements Erasure {

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryErasure(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  @Override
  public Erased team(String teamKey) {
    tx.check();
    Map<String, Long> n = new HashMap<>();
    Set<String> channels = channelsOf(teamKey);
    Set<String> anchors = new HashSet<>();
    for (Conversation c : List.copyOf(data.conversations.values())) {
      if (c.team().key().equals(teamKey)) {
        anchors.add(c.id());
        dropConversation(c.id(), n);
      }
    }
    for (TreeMap<String, Document> byId : data.documents.values()) {
      for (Document d : List.copyOf(byId.values())) {
        if (d.team().equals(teamKey)) {
          anchors.add(d.id());
          tx.remove(byId, d.id());
          n.merge("documents", 1L, Long::sum);
        }
      }
    }
    for (LedgerEntry e : List.copyOf(data.ledger.values())) {
      if (e.team().equals(teamKey)) {
        tx.remove(data.ledger, e.key());
        n.merge("ledger entries", 1L, Long::sum);
      }
    }
    dropDisputes(teamKey, null, n);
    for (ThreadLink t : List.copyOf(data.threads.values())) {
      if (anchors.contains(t.anchor()) || channels.contains(t.channelKey())) {
        tx.remove(data.threads, t.anchor());
        if (t.platformId() != null) {
          tx.remove(data.threadsByPlatform, MemoryData.platformKey(t.channelKey(), t.platformId()));
        }
        n.merge("threads", 1L, Long::sum);
      }
    }
    for (OutboxRow r : List.copyOf(data.outbox.values())) {
      if (channels.contains(r.channelKey()) || directTo(r, teamKey, null)) {
        tx.drop(r);
        n.merge("outbox entries", 1L, Long::sum);
      }
    }
    return new Erased(n);
  }

  @Override
  public Erased user(String teamKey, String userKey) {
    tx.check();
    Map<String, Long> n = new HashMap<>();
    for (Conversation c : List.copyOf(data.conversations.values())) {
      if (!c.team().key().equals(teamKey)) {
        continue;
      }
      if (c.owner().key().equals(userKey)) {
        dropConversation(c.id(), n);
        continue;
      }
      TreeMap<Integer, Answer> steps = data.answers.get(c.id());
      if (steps != null && steps.values().stream().anyMatch(a -> a.user().key().equals(userKey))) {
        TreeMap<Integer, Answer> kept = new TreeMap<>(steps);
        long before = kept.size();
        kept.values().removeIf(a -> a.user().key().equals(userKey));
        n.merge("answers", before - kept.size(), Long::sum);
        tx.put(data.answers, c.id(), kept);
      }
    }
    for (LedgerEntry e : List.copyOf(data.ledger.values())) {
      if (e.team().equals(teamKey) && e.user().equals(userKey)) {
        tx.remove(data.ledger, e.key());
        n.merge("ledger entries", 1L, Long::sum);
      }
    }
    for (TreeMap<String, Document> byId : data.documents.values()) {
      for (Document d : List.copyOf(byId.values())) {
        if (d.team().equals(teamKey) && Erasure.namesUser(d.id(), userKey)) {
          tx.remove(byId, d.id());
          n.merge("documents", 1L, Long::sum);
        }
      }
    }
    for (OutboxRow r : List.copyOf(data.outbox.values())) {
      if (directTo(r, teamKey, userKey)) {
        tx.drop(r);
        n.merge("outbox entries", 1L, Long::sum);
      }
    }
    dropDisputes(teamKey, userKey, n);
    return new Erased(n);
  }

  @Override
  public int cancelPending(String teamKey, Instant now) {
    tx.check();
    Set<String> channels = channelsOf(teamKey);
    int cancelled = 0;
    for (OutboxRow r : List.copyOf(data.pending.values())) {
      if ((channels.contains(r.channelKey()) || directTo(r, teamKey, null))
          && !OutboxRules.leased(r.leaseUntil(), now)) {
        tx.drop(r);
        cancelled++;
      }
    }
    return cancelled;
  }

  /** A direct message to someone of {@code teamKey} ({@code userKey}, or anyone when null). */
  private static boolean directTo(OutboxRow r, String teamKey, String userKey) {
    return r.message() instanceof Outbound.Direct dm
        && dm.team().key().equals(teamKey)
        && (userKey == null || dm.user().key().equals(userKey));
  }

  private Set<String> channelsOf(String teamKey) {
    Set<String> anchors = new HashSet<>();
    Set<String> channels = new HashSet<>();
    for (Conversation c : data.conversations.values()) {
      if (c.team().key().equals(teamKey)) {
        anchors.add(c.id());
        channels.add(c.channel().key());
      }
    }
    for (TreeMap<String, Document> byId : data.documents.values()) {
      for (Document d : byId.values()) {
        if (d.team().equals(teamKey)) {
          // Anchors of the data.threads it opened, or the channel it is named after.
          anchors.add(d.id());
          channels.add(d.id());
        }
      }
    }
    for (LedgerEntry e : data.ledger.values()) {
      if (e.team().equals(teamKey) && e.channel() != null) {
        channels.add(e.channel());
      }
    }
    for (ThreadLink t : data.threads.values()) {
      if (anchors.contains(t.anchor())) {
        channels.add(t.channelKey());
      }
    }
    return channels;
  }

  private void dropConversation(String id, Map<String, Long> n) {
    tx.remove(data.conversations, id);
    n.merge("conversations", 1L, Long::sum);
    TreeMap<Integer, Answer> steps = data.answers.get(id);
    if (steps != null) {
      n.merge("answers", (long) steps.size(), Long::sum);
      tx.remove(data.answers, id);
    }
  }

  /** The team's data.disputes, or only those {@code userKey} made when it is not null. */
  private void dropDisputes(String teamKey, String userKey, Map<String, Long> n) {
    for (Map.Entry<String, Dispute> e : List.copyOf(data.disputes.entrySet())) {
      Dispute d = e.getValue();
      if (d.team().equals(teamKey) && (userKey == null || d.user().equals(userKey))) {
        tx.remove(data.disputes, e.getKey());
        n.merge("disputes", 1L, Long::sum);
      }
    }
  }
}
