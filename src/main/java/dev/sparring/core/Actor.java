package dev.sparring.core;

import java.util.Objects;

/**
 * Who did something. Adapters decide {@code admin} from platform roles (Slack workspace admins,
 * Discord Manage Server) plus the configured allowlist; the core only reads it.
 */
public record Actor(UserRef user, String displayName, boolean admin) {
  public Actor {
    Objects.requireNonNull(user, "user");
    displayName = displayName == null || displayName.isBlank() ? user.id() : displayName;
  }

  public static Actor of(UserRef user) {
    return new Actor(user, user.id(), false);
  }
}
