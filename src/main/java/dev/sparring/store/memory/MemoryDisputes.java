package dev.sparring.store.memory;

import dev.sparring.store.Dispute;
import dev.sparring.store.Disputes;
import java.util.Comparator;
import java.util.List;

/** {@link Disputes} of a {@link MemoryStore}. */
final class MemoryDisputes implements Disputes {

  /** Newest first, as the SQL stores order disputes. */
  private static final Comparator<Dispute> NEWEST =
      Comparator.comparing(Dispute::at)
          .reversed()
          .thenComparing(Dispute::answerRef)
          .thenComparingInt(Dispute::pointNo)
          .thenComparing(Dispute::user);

  private final MemoryTx tx;
  private final MemoryData data;

  MemoryDisputes(MemoryTx tx) {
    this.tx = tx;
    this.data = tx.data;
  }

  @Override
  public boolean add(Dispute d) {
    String key = d.team() + "\n" + d.answerRef() + "\n" + d.user() + "\n" + d.pointNo();
    if (data.disputes.containsKey(key)) {
      return false;
    }
    tx.put(data.disputes, key, d);
    return true;
  }

  @Override
  public List<Dispute> latest(String team, int limit) {
    tx.check();
    return data.disputes.values().stream()
        .filter(d -> d.team().equals(team))
        .sorted(NEWEST)
        .limit(limit)
        .toList();
  }

  @Override
  public long count(String team) {
    tx.check();
    return data.disputes.values().stream().filter(d -> d.team().equals(team)).count();
  }

  @Override
  public List<Dispute> all(int limit) {
    tx.check();
    return data.disputes.values().stream().sorted(NEWEST).limit(limit).toList();
  }
}
