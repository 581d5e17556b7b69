package dev.sparring.bench;

import dev.sparring.app.Startup;
import dev.sparring.config.SparringConfig;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Store;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench leaderboard}: a ledger of a million entries from 100,000 people in one team, then
 * the top ten and one person's rank read straight from the store (no cache), timed one by one.
 */
@Command(
    name = "leaderboard",
    description = "Top-10 and own-rank latency over a large ledger (store reads, no cache).")
final class BenchLeaderboard implements Callable<Integer> {

  @Mixin Startup startup = new Startup();
  @Mixin BenchSupport.Output output = new BenchSupport.Output();
  @Mixin BenchSupport.StoreChoice store = new BenchSupport.StoreChoice();

  @Option(names = "--rows", description = "Ledger entries (default ${DEFAULT-VALUE}).")
  int rows = 1_000_000;

  @Option(names = "--users", description = "Distinct people (default ${DEFAULT-VALUE}).")
  int users = 100_000;

  @Option(names = "--queries", description = "Timed reads of each kind (default ${DEFAULT-VALUE}).")
  int queries = 2_000;

  private static final String TEAM = "slack:TBENCH";
  private static final int BATCH = 5_000;

  @Override
  public Integer call() {
    Startup.quietLogs();
    if (store.type.equals("memory")) {
      System.err.println("sparring bench leaderboard: use --store sqlite or postgres");
      return 2;
    }
    SparringConfig config = startup.loadConfig();
    try (BenchSupport.Scratch scratch = new BenchSupport.Scratch();
        Store s = store.open(config, scratch.dir)) {
      Random random = new Random(5);
      Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
      long loadStart = System.nanoTime();
      for (int from = 0; from < rows; from += BATCH) {
        int first = from;
        int last = Math.min(rows, from + BATCH);
        s.transact(
            tx -> {
              for (int i = first; i < last; i++) {
                // Everyone scores at least once; the rest go to a skewed few, as in real teams.
                int user =
                    i < users ? i : (int) Math.abs(random.nextGaussian() * users / 6) % users;
                tx.ledger()
                    .append(
                        new LedgerEntry(
                            "bench:" + i,
                            TEAM,
                            "slack:C" + (i % 20),
                            "slack:U" + user,
                            null,
                            i % 3 == 0 ? "S1" : "S2",
                            null,
                            "daily",
                            1 + random.nextInt(10),
                            t0.plusSeconds(i)));
              }
              return null;
            });
        if (last % 100_000 == 0) {
          output.note("leaderboard: " + last + " entries");
        }
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      LedgerQuery board = LedgerQuery.team(TEAM).inSeason("S2");
      long[] top = new long[queries];
      long[] rank = new long[queries];
      for (int i = 0; i < queries + 200; i++) {
        String who = "slack:U" + random.nextInt(users);
        long a = System.nanoTime();
        int n = s.transact(tx -> tx.ledger().top(board, 10)).size();
        long b = System.nanoTime();
        boolean found = s.transact(tx -> tx.ledger().rank(board, who)).isPresent();
        long c = System.nanoTime();
        if (n != 10 || (!found && i < 0)) {
          throw new IllegalStateException("the board is not what was loaded");
        }
        if (i >= 200) { // the first 200 warm up
          top[i - 200] = b - a;
          rank[i - 200] = c - b;
        }
      }
      Map<String, Object> f = BenchSupport.figures("leaderboard");
      f.put("store", store.type);
      f.put("rows", rows);
      f.put("users", users);
      f.put("top10P50Ms", BenchSupport.percentileMs(top, queries, 50));
      f.put("top10P99Ms", BenchSupport.percentileMs(top, queries, 99));
      f.put("rankP50Ms", BenchSupport.percentileMs(rank, queries, 50));
      f.put("rankP99Ms", BenchSupport.percentileMs(rank, queries, 99));
      f.put("loadSeconds", BenchSupport.round(loadSeconds, 1));
      output.print(f);
    }
    return 0;
  }
}
