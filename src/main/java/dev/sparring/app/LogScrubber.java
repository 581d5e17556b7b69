package dev.sparring.app;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.sparring.config.Secrets;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes secrets out of log text: every secret value in the environment, anything shaped like a
 * Slack token, and Discord interaction tokens, whatever the code that logged it. Both log formats
 * go through it.
 */
public final class LogScrubber {

  private static final Pattern TOKENS =
      Pattern.compile("\\b(xox[abposr]|xapp|xoxe)-[A-Za-z0-9-]{6,}");

  /**
   * Discord interaction tokens (each lets its holder answer as the bot for 15 minutes): as a JSON
   * field, which JDA logs with the whole payload of an interaction it cannot parse, and in the
   * paths of interaction callbacks and webhook follow-ups.
   */
  private static final Pattern JSON_TOKEN = Pattern.compile("(\"token\"\\s*:\\s*\")[^\"]+(\")");

  private static final Pattern PATH_TOKEN =
      Pattern.compile("((?:interactions|webhooks)/\\d+/)[A-Za-z0-9_.\\-]{8,}");

  private static final List<String> SECRETS =
      Secrets.values(System.getenv()).stream()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  private LogScrubber() {}

  /** {@code text} with every secret replaced by its mask. */
  public static String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : SECRETS) {
      if (out.contains(secret)) {
        out = out.replace(secret, Secrets.mask(secret));
      }
    }
    out = TOKENS.matcher(out).replaceAll(m -> m.group(1) + "-****");
    if (out.contains("token\"")) {
      out = JSON_TOKEN.matcher(out).replaceAll("$1****$2");
    }
    if (out.contains("interactions/") || out.contains("webhooks/")) {
      out = PATH_TOKEN.matcher(out).replaceAll("$1****");
    }
    return out;
  }

  /** The event's message and stack trace, scrubbed. */
  static String messageAndError(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    IThrowableProxy error = event.getThrowableProxy();
    if (error != null) {
      message = message + System.lineSeparator() + ThrowableProxyUtil.asString(error);
    }
    return scrub(message);
  }

  /** {@code %scrubbed}: the message and any stack trace, without secrets (use with %nopex). */
  public static final class Message extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
      return messageAndError(event);
    }
  }
}
