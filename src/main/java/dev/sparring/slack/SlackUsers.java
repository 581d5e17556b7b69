package dev.sparring.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.Slack;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names and admin status of Slack users, from {@code users.info}, cached for ten minutes. A
 * workspace admin or owner counts as a Sparring admin; if Slack cannot be asked, nobody is.
 */
final class SlackUsers {

  private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);

  record Profile(String name, boolean admin) {}

  private final Slack slack;
  private final Function<String, Optional<String>> tokenForTeam;
  private final Cache<String, Profile> cache =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  SlackUsers(Slack slack, Function<String, Optional<String>> tokenForTeam) {
    this.slack = slack;
    this.tokenForTeam = tokenForTeam;
  }

  Profile get(String team, String user, String fallbackName) {
    Profile cached = cache.getIfPresent(team + ":" + user);
    if (cached != null) {
      return cached;
    }
    Optional<String> token = tokenForTeam.apply(team);
    if (token.isEmpty()) {
      return new Profile(fallbackName == null ? user : fallbackName, false);
    }
    try {
      UsersInfoResponse r = slack.methods(token.get()).usersInfo(q -> q.user(user));
      if (!r.isOk() || r.getUser() == null) {
        log.warn("users.info for {} failed: {}", user, r.getError());
        return new Profile(fallbackName == null ? user : fallbackName, false);
      }
      User u = r.getUser();
      String name =
          u.getProfile() != null && notBlank(u.getProfile().getDisplayName())
              ? u.getProfile().getDisplayName()
              : notBlank(u.getRealName())
                  ? u.getRealName()
                  : notBlank(u.getName()) ? u.getName() : user;
      Profile p = new Profile(name, u.isAdmin() || u.isOwner() || u.isPrimaryOwner());
      cache.put(team + ":" + user, p);
      return p;
    } catch (Exception e) {
      log.warn("users.info for {} failed: {}", user, e.toString());
      return new Profile(fallbackName == null ? user : fallbackName, false);
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
