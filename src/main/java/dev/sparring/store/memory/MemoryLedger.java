package dev.sparring.store.memory;

import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Ledger} of a {@link MemoryStore}. */
final class MemoryLedger implements Ledger {

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryLedger(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  @Override
  public boolean append(LedgerEntry entry) {
    if (data.ledger.containsKey(entry.key())) {
      return false;
    }
    tx.put(data.ledger, entry.key(), entry);
    return true;
  }

  @Override
  public List<Standing> standings(LedgerQuery q) {
    tx.check();
    Map<String, long[]> sums = new HashMap<>();
    Map<String, Instant> last = new HashMap<>();
    for (LedgerEntry e : data.ledger.values()) {
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
        .map(x -> new Standing(x.getKey(), x.getValue()[0], x.getValue()[1], last.get(x.getKey())))
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
    tx.check();
    List<LedgerEntry> out = new ArrayList<>();
    for (LedgerEntry e : data.ledger.values()) {
      if (e.team().equals(team) && e.user().equals(user)) {
        out.add(e);
      }
    }
    out.sort(Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::key).reversed());
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }
}
