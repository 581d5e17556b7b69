package dev.sparring.core;

import dev.sparring.chat.Platform;
import dev.sparring.chat.UserRef;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** A syntax where the whole text matches {@code pattern} and its first group is the id. */
    static Syntax matching(Pattern pattern) {
      return text -> {
        Matcher m = pattern.matcher(text);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
      };
    }
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
