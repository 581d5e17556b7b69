package dev.sparring.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sparring.chat.Lazy;
import dev.sparring.core.Context;
import dev.sparring.core.Tickers;
import dev.sparring.store.Ledger;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Awards points through the ledger and serves leaderboards. Standings are cached (Caffeine) and
 * dropped for a team as soon as a transaction that awarded points in it commits; a short expiry
 * bounds staleness when another replica wrote.
 */
public final class Points {

  private final ScoringRules rules;
  private final Seasons seasons;
  private final Lazy<Cache<Key, Object>> cache;

  /** A cached board read: the whole board, its top N, or one name's rank. */
  private record Key(LedgerQuery query, String what, Object arg) {}

  /** How long a cached board is served before it is read again. */
  /** How long a cached board or profile is served before it is read again. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(30);

  /** Past this many hidden people, a public rank is read from the whole board instead. */
  private static final int RANK_LOOKUPS = 50;

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
    // Made at the first board read, not at start-up: see Lazy.
    this.cache =
        Lazy.of(
            () ->
                Caffeine.newBuilder()
                    .maximumSize(10_000)
                    .expireAfterWrite(cacheTtl)
                    .ticker(Tickers.of(clock))
                    .build());
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
        cache
            .get()
            .get(new Key(query, "all", null), k -> List.copyOf(tx.ledger().standings(query)));
  }

  /** The first {@code limit} of the board, from the cache when fresh. */
  @SuppressWarnings("unchecked")
  public List<Standing> top(Tx tx, LedgerQuery query, int limit) {
    return (List<Standing>)
        cache
            .get()
            .get(new Key(query, "top", limit), k -> List.copyOf(tx.ledger().top(query, limit)));
  }

  /** Where {@code name} ranks on the board, from the cache when fresh. */
  @SuppressWarnings("unchecked")
  public Optional<Ledger.Rank> rank(Tx tx, LedgerQuery query, String name) {
    return (Optional<Ledger.Rank>)
        cache.get().get(new Key(query, "rank", name), k -> tx.ledger().rank(query, name));
  }

  // ---- public boards: without the people who hide ({@link Hidden})

  /**
   * The whole board as shown in public: people who hide are left out and the others' ranks close
   * up. Group boards are whole (a hidden member's points still count for their group).
   */
  public List<Standing> publicStandings(Tx tx, LedgerQuery query) {
    List<Standing> all = standings(tx, query);
    return query.byGroup() ? all : Hidden.without(all, Hidden.in(tx, query.team()));
  }

  /** The first {@code limit} of the public board (see {@link #publicStandings}). */
  public List<Standing> publicTop(Tx tx, LedgerQuery query, int limit) {
    if (query.byGroup()) {
      return top(tx, query, limit);
    }
    Set<String> hidden = Hidden.in(tx, query.team());
    if (hidden.isEmpty()) {
      return top(tx, query, limit);
    }
    List<Standing> shown = Hidden.without(top(tx, query, limit + hidden.size()), hidden);
    return shown.subList(0, Math.min(limit, shown.size()));
  }

  /**
   * Where {@code name} ranks on the public board: the people who hide are not counted, above or in
   * all. For someone who hides, where they would rank if they showed themselves.
   */
  public Optional<Ledger.Rank> publicRank(Tx tx, LedgerQuery query, String name) {
    Optional<Ledger.Rank> raw = rank(tx, query, name);
    if (raw.isEmpty() || query.byGroup()) {
      return raw;
    }
    Set<String> hidden = new HashSet<>(Hidden.in(tx, query.team()));
    hidden.remove(name);
    if (hidden.isEmpty()) {
      return raw;
    }
    if (hidden.size() > RANK_LOOKUPS) {
      return Ledger.Rank.in(Hidden.without(standings(tx, query), hidden), name);
    }
    int above = 0;
    int onBoard = 0;
    for (String h : hidden) {
      Optional<Ledger.Rank> r = rank(tx, query, h);
      if (r.isPresent()) {
        onBoard++;
        if (r.get().position() < raw.get().position()) {
          above++;
        }
      }
    }
    Ledger.Rank mine = raw.get();
    return Optional.of(
        new Ledger.Rank(mine.position() - above, mine.standing(), mine.of() - onBoard));
  }

  /** Drops the team's cached standings once the current transaction commits. */
  public void invalidateAfterCommit(Context ctx, String team) {
    ctx.out().afterCommit(() -> invalidate(team));
  }

  public void invalidate(String team) {
    cache.get().asMap().keySet().removeIf(k -> k.query().team().equals(team));
  }

  /** For benchmarks and tests: how many leaderboards are cached. */
  public long cachedQueries() {
    return cache.get().estimatedSize();
  }
}
