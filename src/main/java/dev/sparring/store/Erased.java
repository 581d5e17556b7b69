package dev.sparring.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an {@link Erasure} removed: how many rows of each kind, in a fixed order. */
public record Erased(Map<String, Long> counts) {

  /** The kinds, in the order they are reported. */
  public static final List<String> KINDS =
      List.of(
          "conversations",
          "answers",
          "documents",
          "ledger entries",
          "ledger totals",
          "disputes",
          "threads",
          "outbox entries");

  public Erased {
    Map<String, Long> ordered = new LinkedHashMap<>();
    for (String kind : KINDS) {
      ordered.put(kind, counts.getOrDefault(kind, 0L));
    }
    for (String kind : counts.keySet()) {
      if (!ordered.containsKey(kind)) {
        throw new IllegalArgumentException("unknown kind " + kind);
      }
    }
    counts = java.util.Collections.unmodifiableMap(ordered);
  }

  public long count(String kind) {
    return counts.getOrDefault(kind, 0L);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean isEmpty() {
    return total() == 0;
  }

  /** "3 conversations, 5 answers, ..." (kinds with nothing left out), or "nothing". */
  public String summary() {
    StringBuilder b = new StringBuilder();
    counts.forEach(
        (kind, n) -> {
          if (n > 0) {
            b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(kind);
          }
        });
    return b.length() == 0 ? "nothing" : b.toString();
  }
}
