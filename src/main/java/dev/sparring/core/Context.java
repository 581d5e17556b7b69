package dev.sparring.core;

import dev.sparring.store.Tx;
import java.time.Instant;
import java.util.Set;

/**
 * What a feature gets while handling one event: the open transaction, the effects, the time, and
 * the configured admin allowlist (on top of the platform roles the adapter put on the actor).
 */
public record Context(Tx tx, Effects out, Instant now, Set<String> admins) {

  public Context {
    admins = Set.copyOf(admins);
  }

  /** Platform admins and owners (as the adapter saw them) and anyone on the allowlist. */
  public boolean isAdmin(Actor actor) {
    return actor.admin() || admins.contains(actor.user().key());
  }
}
