package dev.sparring.teams;

import dev.sparring.chat.Actor;
import dev.sparring.chat.UserRef;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who acts: a Teams user ({@code 29:...} id, the one mentions and 1:1 chats use) with the name the
 * activity gives, an admin when configured ({@code teams.admins}, by that id or the Entra object
 * id) or an owner of the team, as the connector's member lookup ({@code userRole}) says. Roles are
 * cached for ten minutes; a lookup that fails counts as "not an owner".
 */
final class TeamsPeople {

  private static final Logger log = LoggerFactory.getLogger(TeamsPeople.class);
  private static final Duration ROLE_FOR = Duration.ofMinutes(10);

  private record Role(boolean owner, Instant until) {}

  private final TeamsConnector connector;
  private final Set<String> admins;
  private final Clock clock;
  private final Map<String, Role> roles = new ConcurrentHashMap<>();

  TeamsPeople(TeamsConnector connector, Set<String> admins, Clock clock) {
    this.connector = connector;
    this.admins = Set.copyOf(admins);
    this.clock = clock;
  }

  /**
   * The actor for {@code userId}; {@code checkRole} asks the team's roster whether they own {@code
   * teamId} (commands, presses and forms; not for every answer in a thread).
   */
  Actor actor(
      String userId,
      String aadObjectId,
      String name,
      String serviceUrl,
      String teamId,
      boolean checkRole) {
    boolean admin =
        admins.contains(userId)
            || (aadObjectId != null && admins.contains(aadObjectId))
            || (checkRole && teamId != null && owner(serviceUrl, teamId, userId));
    return new Actor(new UserRef(TeamsModule.PLATFORM, userId), name, admin);
  }

  private boolean owner(String serviceUrl, String teamId, String userId) {
    String key = teamId + "|" + userId;
    Role known = roles.get(key);
    Instant now = clock.instant();
    if (known != null && known.until().isAfter(now)) {
      return known.owner();
    }
    boolean owner = false;
    try {
      TeamsConnector.Answer a = connector.member(serviceUrl, teamId, userId);
      if (a.ok()) {
        owner = "owner".equalsIgnoreCase(a.body().path("userRole").asText(""));
      } else {
        log.info("Teams member lookup in {} answered {}", teamId, a.status());
      }
    } catch (IOException e) {
      log.info("Teams member lookup failed: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    roles.put(key, new Role(owner, now.plus(ROLE_FOR)));
    return owner;
  }
}
