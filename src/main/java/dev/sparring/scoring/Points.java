package dev.sparring.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sparring.core.Context;
import dev.sparring.core.Tickers;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Awards points through the ledger and serves leaderboards. Standings are cached (Caffeine) and
 * dropped for a team as soon as a transaction that awarded points in it commits; a short expiry
 * bounds staleness when another replica wrote.
 */
public final class Points {

  private final ScoringRules rules;
  private final Seasons seasons;
  private final Cache<Key, Object> cache;

  /** A cached board read: the whole board, its top N, or one name's rank. */
  private record Key(LedgerQuery query, String what, Object arg) {}

  /** How long a cached board is served before it is read again. */
  /** How long a cached board or profile is served before it is read again. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(30);

  /** Points whose board cache runs on the system clock (for callers that inject no clock). */
  public Points(ScoringRules rules) {
    this(rules, Clock.systemUTC());
  }

  /** Points whose board cache expires on {@code clock}'s time. */
  public Points(ScoringRules rules, Clock clock) {
    this(rules, CACHE_TTL, clock);
  }

  Points(ScoringRules rules, Duration cacheTtl, Clock clock) {
    this.rules = rules;
    this.seasons = new Seasons(rules);
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(cacheTtl)
            .ticker(Tickers.of(clock))
            .build();
  }

  public ScoringRules rules() {
    return rules;
  }

  public Seasons seasons() {
    return seasons;
  }

  /** One award; {@code key} makes it count at most once. */
  public record Award(
      String key,
      String team,
      String channel,
      String user,
      String reason,
      int points,
      String competition,
      String group) {}

  /** Appends the award in the current season; returns false if its key already counted. */
  public boolean award(Context ctx, Award a) {
    String season = seasons.current(ctx.tx(), a.team(), ctx.now()).label();
    boolean added =
        ctx.tx()
            .ledger()
            .append(
                new LedgerEntry(
                    a.key(),
                    a.team(),
                    a.channel(),
                    a.user(),
                    a.group(),
                    season,
                    a.competition(),
                    a.reason(),
                    a.points(),
                    ctx.now()));
    if (added) {
      ctx.out().afterCommit(() -> invalidate(a.team()));
    }
    return added;
  }

  /** The whole board, ranked, from the cache when fresh (small boards: competitions). */
  @SuppressWarnings("unchecked")
  public List<Standing> standings(Tx tx, LedgerQuery query) {
    return (List<Standing>)
        cache.get(new Key(query, "all", null), k -> List.copyOf(tx.ledger().standings(query)));
  }

  /** The first {@code limit} of the board, from the cache when fresh. */
  @SuppressWarnings("unchecked")
  public List<Standing> top(Tx tx, LedgerQuery query, int limit) {
    return (List<Standing>)
        cache.get(new Key(query, "top", limit), k -> List.copyOf(tx.ledger().top(query, limit)));
  }

  /** Where {@code name} ranks on the board, from the cache when fresh. */
  @SuppressWarnings("unchecked")
  public Optional<Ledger.Rank> rank(Tx tx, LedgerQuery query, String name) {
    return (Optional<Ledger.Rank>)
        cache.get(new Key(query, "rank", name), k -> tx.ledger().rank(query, name));
  }

  /** Drops the team's cached standings once the current transaction commits. */
  public void invalidateAfterCommit(Context ctx, String team) {
    ctx.out().afterCommit(() -> invalidate(team));
  }

  public void invalidate(String team) {
    cache.asMap().keySet().removeIf(k -> k.query().team().equals(team));
  }

  /** For benchmarks and tests: how many leaderboards are cached. */
  public long cachedQueries() {
    return cache.estimatedSize();
  }
}
