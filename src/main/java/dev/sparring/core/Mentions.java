package dev.sparring.core;

import dev.sparring.chat.Platform;
import dev.sparring.chat.UserRef;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a user named in a command: Slack {@code <@U123|ana>}, Discord {@code <@!123>},
 * {@code @ana}.
 */
public final class Mentions {

  private static final Pattern SLACK = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");
  private static final Pattern DISCORD = Pattern.compile("<@!?(\\d{5,25})>");
  private static final Pattern PLAIN = Pattern.compile("@?([A-Za-z0-9._-]{1,40})");

  private Mentions() {}

  public static Optional<UserRef> parse(Platform platform, String text) {
    String t = text.strip();
    Matcher m;
    if (platform == Platform.SLACK && (m = SLACK.matcher(t)).matches()) {
      return Optional.of(new UserRef(platform, m.group(1)));
    }
    if (platform == Platform.DISCORD && (m = DISCORD.matcher(t)).matches()) {
      return Optional.of(new UserRef(platform, m.group(1)));
    }
    if (platform == Platform.CONSOLE && (m = PLAIN.matcher(t)).matches()) {
      return Optional.of(new UserRef(platform, m.group(1)));
    }
    return Optional.empty();
  }
}
