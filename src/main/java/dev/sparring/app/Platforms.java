package dev.sparring.app;

import dev.sparring.config.ConfigException;
import dev.sparring.config.ConfigLoader;
import dev.sparring.config.SparringConfig;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Mentions;
import dev.sparring.discord.DiscordModule;
import dev.sparring.platform.PlatformModule;
import dev.sparring.slack.SlackModule;
import dev.sparring.teams.TeamsModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platforms Sparring speaks to: the one place a platform is registered. Adding one is a package
 * implementing {@link PlatformModule}, a line here and its dependency in {@code pom.xml}.
 */
public record Platforms(List<PlatformModule> modules) {

  /** Every platform this build ships. */
  public static Platforms shipped() {
    return new Platforms(
        List.of(new SlackModule(), new DiscordModule(), new TeamsModule(), new ConsoleModule()));
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

  /** Each platform's section of the config defaults, by platform id. */
  public Map<String, String> configDefaults() {
    Map<String, String> out = new LinkedHashMap<>();
    modules.forEach(m -> out.put(m.platform().prefix(), m.configDefaults()));
    return out;
  }

  /** Every platform's secret names. */
  public Set<String> secrets() {
    Set<String> out = new java.util.TreeSet<>();
    modules.forEach(m -> out.addAll(m.secrets()));
    return out;
  }

  /** The configuration of the core and of every platform, from {@code file} (may be null). */
  public SparringConfig loadConfig(Path file, Map<String, String> env) {
    return new ConfigLoader(env, configDefaults()).load(file);
  }

  /**
   * The platforms the configuration and environment turn on, in registration order; fails with
   * every problem of every platform at once.
   */
  public List<PlatformModule.Configured> configure(SparringConfig config, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    List<PlatformModule.Configured> on = new ArrayList<>();
    for (PlatformModule m : modules) {
      m.configure(config.platform(m.platform().prefix(), problems), env).ifPresent(on::add);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return on;
  }

  /** The module of {@code platform}, if it is registered. */
  public Optional<PlatformModule> module(dev.sparring.chat.Platform platform) {
    return modules.stream().filter(m -> m.platform() == platform).findFirst();
  }

  /** The registered platforms' ids, for messages ("slack, discord, console"). */
  public String ids() {
    return String.join(", ", modules.stream().map(m -> m.platform().prefix()).toList());
  }
}
