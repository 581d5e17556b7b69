package dev.sparring.chat;

import java.util.Objects;

/**
 * Who did something. Adapters decide {@code admin} from platform roles (Slack workspace admins,
 * Discord Manage Server) plus the configured allowlist; the core only reads it.
 */
public record Actor(UserRef user, String displayName, boolean admin) {

  /** This person as a mention (a real one where the platform has them). */
  public String mention() {
    return Inline.mention(user, displayName);
  }

  public Actor {
    Objects.requireNonNull(user, "user");
    // Names come from the platform and are shown to others: no disguising characters, one line,
    // a sane length, never empty.
    displayName = Inline.name(displayName, Inline.MAX_NAME);
    if (displayName.isEmpty()) {
      displayName = user.id();
    }
  }

  public static Actor of(UserRef user) {
    return new Actor(user, user.id(), false);
  }
}
