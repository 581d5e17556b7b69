package dev.sparring.app;

import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Mentions;
import dev.sparring.discord.DiscordModule;
import dev.sparring.platform.PlatformModule;
import dev.sparring.slack.SlackModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platforms Sparring speaks to: the one place a platform is registered. Adding one is a package
 * implementing {@link PlatformModule}, a line here and its dependency in {@code pom.xml}.
 */
public record Platforms(List<PlatformModule> modules) {

  /** Every platform this build ships. */
  public static Platforms shipped() {
    return new Platforms(List.of(new SlackModule(), new DiscordModule(), new ConsoleModule()));
  }

  public Platforms {
    modules = List.copyOf(modules);
  }

  /** These platforms and {@code more} (tests add a fake one). */
  public Platforms with(PlatformModule... more) {
    List<PlatformModule> all = new java.util.ArrayList<>(modules);
    all.addAll(List.of(more));
    return new Platforms(all);
  }

  /** Every platform's mention syntax. */
  public Mentions mentions() {
    Map<dev.sparring.chat.Platform, Mentions.Syntax> syntaxes = new LinkedHashMap<>();
    modules.forEach(m -> syntaxes.put(m.platform(), m.mentions()));
    return new Mentions(syntaxes);
  }
}
