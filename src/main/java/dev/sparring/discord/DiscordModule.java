package dev.sparring.discord;

import dev.sparring.chat.Platform;
import dev.sparring.core.Mentions;
import dev.sparring.platform.PlatformModule;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Discord contributes to Sparring. */
public final class DiscordModule implements PlatformModule {

  /** Discord's refs are prefixed {@code discord:}. */
  public static final Platform PLATFORM = Platform.of("discord");

  private static final Pattern MENTION = Pattern.compile("<@!?(\\d{5,25})>");

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
