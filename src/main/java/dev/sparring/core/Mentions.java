package dev.sparring.core;

import dev.sparring.chat.Platform;
import dev.sparring.chat.UserRef;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a user named in a command, in the syntax of the platform the command came from (Slack's
 * {@code <@U123|ana>}, Discord's {@code <@!123>}): each platform contributes its {@link Syntax}, so
 * the core knows none of them.
 */
public final class Mentions {

  /** One platform's mention syntax. */
  @FunctionalInterface
  public interface Syntax {
    /** The platform's user id that {@code text} (stripped) names, if it is a mention. */
    Optional<String> userId(String text);
  }

  private final Map<Platform, Syntax> syntaxes;

  public Mentions(Map<Platform, Syntax> syntaxes) {
    this.syntaxes = Map.copyOf(syntaxes);
  }

  /** The user {@code text} names on {@code platform}; empty when it is not a mention there. */
  public Optional<UserRef> parse(Platform platform, String text) {
    Syntax syntax = syntaxes.get(platform);
    if (syntax == null || text == null) {
      return Optional.empty();
    }
    return syntax.userId(text.strip()).map(id -> new UserRef(platform, id));
  }
}
