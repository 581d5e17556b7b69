package dev.sparring.console;

import dev.sparring.chat.Platform;
import dev.sparring.config.ConfigSection;
import dev.sparring.core.Mentions;
import dev.sparring.platform.PlatformModule;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The console: one person chatting with the bot in a terminal ({@code sparring console}). It never
 * starts beside the chat platforms, so it has no settings; it brings its id and mention syntax
 * ({@code @ana}).
 */
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
    return Mentions.Syntax.matching(MENTION);
  }

  @Override
  public Set<String> secrets() {
    return Set.of();
  }

  /** Never configured for {@code sparring run}: the console is its own command. */
  @Override
  public Optional<Configured> configure(ConfigSection section, Map<String, String> env) {
    return Optional.empty();
  }
}
