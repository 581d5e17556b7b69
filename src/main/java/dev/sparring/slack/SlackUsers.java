package dev.sparring.slack;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.sparring.core.Tickers;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names and admin status of Slack users, from {@code users.info}. A workspace admin or owner counts
 * as a Sparring admin; if Slack cannot be asked, nobody is.
 *
 * <p>Slack wants an answer within 3 s, so nothing here makes a request wait on Slack unless the
 * caller asks to: {@link #known} answers from memory and starts a look-up in the background; {@link
 * #lookup} returns the look-up itself, for callers that may wait a little for an admin decision.
 * Profiles are refreshed in the background after ten minutes (the stale one is served meanwhile,
 * and kept if the refresh fails), and forgotten after a day without use.
 */
final class SlackUsers {

  private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);

  record Profile(String name, boolean admin) {}

  private record Key(String team, String user) {}

  /** After a failed look-up, how long answers in threads wait before asking Slack again. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

  /** How old a profile gets before it is looked up again in the background. */
  static final Duration REFRESH = Duration.ofMinutes(10);

  /** How long an unused profile is kept. */
  static final Duration FORGET = Duration.ofDays(1);

  private final Slack slack;
  private final Function<String, Optional<String>> tokenForTeam;
  private final AsyncLoadingCache<Key, Profile> cache;

  /**
   * People whose look-up just failed: answers in threads do not ask again for a minute (a missing
   * scope or an outage would otherwise cost one call per message).
   */
  private final com.github.benmanes.caffeine.cache.Cache<Key, Boolean> failed;

  SlackUsers(
      Slack slack,
      Function<String, Optional<String>> tokenForTeam,
      Executor executor,
      Clock clock) {
    this.slack = slack;
    this.tokenForTeam = tokenForTeam;
    Ticker ticker = Tickers.of(clock);
    this.failed =
        Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(RETRY_AFTER_FAILURE)
            .ticker(ticker)
            .build();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(50_000)
            .refreshAfterWrite(REFRESH)
            .expireAfterAccess(FORGET)
            .ticker(ticker)
            .executor(executor)
            .buildAsync(
                new CacheLoader<Key, Profile>() {
                  @Override
                  public Profile load(Key key) {
                    return fetch(key); // null (a failure) is not cached: the next use asks again
                  }

                  @Override
                  public Profile reload(Key key, Profile old) {
                    Profile fresh = fetch(key);
                    return fresh == null ? old : fresh;
                  }
                });
  }

  /**
   * The profile if it is already known; otherwise empty, and a look-up starts in the background.
   */
  Optional<Profile> known(String team, String user) {
    Key key = new Key(team, user);
    if (failed.getIfPresent(key) != null) {
      return Optional.empty();
    }
    CompletableFuture<Profile> f = cache.get(key);
    return f.isDone() && !f.isCompletedExceptionally()
        ? Optional.ofNullable(f.getNow(null))
        : Optional.empty();
  }

  /** The profile, waiting at most {@code budget} for Slack; empty if it did not answer in time. */
  Optional<Profile> within(String team, String user, Duration budget) {
    try {
      return Optional.ofNullable(
          cache.get(new Key(team, user)).get(budget.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The look-up (already done when the profile is known); completes with null on a failure. */
  CompletableFuture<Profile> lookup(String team, String user) {
    return cache.get(new Key(team, user)).exceptionally(e -> null);
  }

  /** Forgets a workspace's people (its installation is gone). */
  void forgetTeam(String team) {
    cache.synchronous().asMap().keySet().removeIf(k -> k.team().equals(team));
  }

  void forgetAll() {
    cache.synchronous().invalidateAll();
  }

  private Profile fetch(Key key) {
    Optional<String> token = tokenForTeam.apply(key.team());
    if (token.isEmpty()) {
      return null;
    }
    try {
      UsersInfoResponse r = slack.methods(token.get()).usersInfo(q -> q.user(key.user()));
      if (!r.isOk() || r.getUser() == null) {
        log.warn("users.info for {} failed: {}", key.user(), r.getError());
        failed.put(key, true);
        return null;
      }
      User u = r.getUser();
      String name =
          u.getProfile() != null && notBlank(u.getProfile().getDisplayName())
              ? u.getProfile().getDisplayName()
              : notBlank(u.getRealName())
                  ? u.getRealName()
                  : notBlank(u.getName()) ? u.getName() : key.user();
      return new Profile(name, u.isAdmin() || u.isOwner() || u.isPrimaryOwner());
    } catch (Exception e) {
      log.warn("users.info for {} failed: {}", key.user(), e.toString());
      failed.put(key, true);
      return null;
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
