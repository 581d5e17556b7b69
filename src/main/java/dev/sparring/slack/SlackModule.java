package dev.sparring.slack;

import dev.sparring.chat.Platform;
import dev.sparring.core.Mentions;
import dev.sparring.platform.PlatformModule;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What Slack contributes to Sparring. */
public final class SlackModule implements PlatformModule {

  /** Slack's refs are prefixed {@code slack:}. */
  public static final Platform PLATFORM = Platform.of("slack");

  private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");

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
