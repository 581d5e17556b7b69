package dev.sparring.console;

import dev.sparring.chat.Platform;
import dev.sparring.core.Mentions;
import dev.sparring.platform.PlatformModule;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Console contributes to Sparring. */
public final class ConsoleModule implements PlatformModule {

  /** Console's refs are prefixed {@code console:}. */
  public static final Platform PLATFORM = Platform.of("console");

  private static final Pattern MENTION = Pattern.compile("@?([A-Za-z0-9._-]{1,40})");

  @Override
  public Platform platform() {
    return PLATFORM;
  }

  @Override
  public Mentions.Syntax mentions() {
    return text -> {
      Matcher m = MENTION.matcher(text);
      return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    };
  }
}
