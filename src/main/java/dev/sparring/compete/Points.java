package dev.sparring.compete;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sparring.core.Context;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.time.Duration;
import java.util.List;

/**
 * Awards points through the ledger and serves leaderboards. Standings are cached (Caffeine) and
 * dropped for a team as soon as a transaction that awarded points in it commits; a short expiry
 * bounds staleness when another replica wrote.
 */
public final class Points {

  private final ScoringRules rules;
  private final Seasons seasons;
  private final Cache<LedgerQuery, List<Standing>> cache;

  public Points(ScoringRules rules) {
    this(rules, Duration.ofSeconds(30));
  }

  public Points(ScoringRules rules, Duration cacheTtl) {
    this.rules = rules;
    this.seasons = new Seasons(rules);
    this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(cacheTtl).build();
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

  /** Ranked standings, from the cache when fresh. */
  public List<Standing> standings(Tx tx, LedgerQuery query) {
    return cache.get(query, q -> List.copyOf(tx.ledger().standings(q)));
  }

  /** Drops the team's cached standings once the current transaction commits. */
  public void invalidateAfterCommit(Context ctx, String team) {
    ctx.out().afterCommit(() -> invalidate(team));
  }

  public void invalidate(String team) {
    cache.asMap().keySet().removeIf(q -> q.team().equals(team));
  }

  /** For benchmarks and tests: how many leaderboards are cached. */
  public long cachedQueries() {
    return cache.estimatedSize();
  }
}
