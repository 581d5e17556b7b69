package dev.sparring.slack;

import dev.sparring.chat.Actor;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Store;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who acted, as an {@link Actor}: the person's Slack profile (name, admin) from {@link SlackUsers},
 * waited for only within the look-up budget before the acknowledgement, or the name Sparring last
 * saw for someone who merely answers.
 */
final class SlackPeople {

  private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);

  /** Work that needs to know who acted; {@code beforeAck} is false once Slack has its answer. */
  interface ActorWork {
    void run(Actor actor, boolean beforeAck);
  }

  private final SlackUsers users;
  private final Store store;
  private final Duration lookupBudget;
  private final Executor afterAck;

  SlackPeople(SlackUsers users, Store store, Duration lookupBudget, Executor afterAck) {
    this.users = users;
    this.store = store;
    this.lookupBudget = lookupBudget;
    this.afterAck = afterAck;
  }

  private static Actor actor(String user, SlackUsers.Profile p, String fallbackName) {
    return p == null
        ? new Actor(new UserRef(SlackModule.PLATFORM, user), fallbackName, false)
        : new Actor(new UserRef(SlackModule.PLATFORM, user), p.name(), p.admin());
  }

  /**
   * Who wrote an answer, without waiting on Slack: the cached profile, else the name Sparring last
   * saw for them (a look-up starts in the background for next time). Answers need no admin rights.
   */
  Actor answerer(String team, String user) {
    Optional<SlackUsers.Profile> p = users.known(team, user);
    if (p.isPresent()) {
      return actor(user, p.get(), null);
    }
    String teamKey = new TeamRef(SlackModule.PLATFORM, team).key();
    String userKey = new UserRef(SlackModule.PLATFORM, user).key();
    return actor(user, null, store.transact(tx -> Profiles.name(tx, teamKey, userKey)));
  }

  /** Who someone is, waiting for Slack as long as it takes: only after the acknowledgement. */
  Actor lookedUp(String team, String user) {
    return actor(user, users.lookup(team, user).join(), null);
  }

  /**
   * Runs {@code work} with the person's profile: now, if it is cached or Slack answers within the
   * look-up budget, else once Slack answers, after the request has been acknowledged. Admin-only
   * commands and buttons need the profile to be decided correctly, and Slack wants its
   * acknowledgement within 3 s.
   */
  void withActor(String team, String user, String fallbackName, ActorWork work) {
    CompletableFuture<SlackUsers.Profile> lookup = users.lookup(team, user);
    SlackUsers.Profile p;
    try {
      p = lookup.get(lookupBudget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.info("users.info is slow: {}'s request is finished after the acknowledgement", user);
      lookup.thenAcceptAsync(late -> work.run(actor(user, late, fallbackName), false), afterAck);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Slack who acted", e);
    } catch (ExecutionException e) {
      p = null; // lookup() completes with null on failures; this is only for safety
    }
    work.run(actor(user, p, fallbackName), true);
  }

  /**
   * Forgets a workspace's people; {@code team} null means every workspace (an org-wide install).
   */
  void forget(String team) {
    if (team == null) {
      users.forgetAll(); // an org-wide install: its workspaces are not listed in the payload
    } else {
      users.forgetTeam(team);
    }
  }
}
