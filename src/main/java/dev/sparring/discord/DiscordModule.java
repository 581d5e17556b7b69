package dev.sparring.discord;

import dev.sparring.chat.Platform;
import dev.sparring.config.ConfigSection;
import dev.sparring.core.Gateway;
import dev.sparring.core.Mentions;
import dev.sparring.platform.PlatformModule;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord: one JDA connection (or a range of shards) dialling out to Discord's gateway; on when
 * {@code DISCORD_TOKEN} is set. Registers {@code /spar} from the bot's features on start.
 */
public final class DiscordModule implements PlatformModule {

  /** Discord's refs are prefixed {@code discord:}. */
  public static final Platform PLATFORM = Platform.of("discord");

  public static final String TOKEN = "DISCORD_TOKEN";

  /** How long start-up waits for Discord's READY before it gives up. */
  private static final long READY_SECONDS = 60;

  private static final Pattern MENTION = Pattern.compile("<@!?(\\d{5,25})>");

  @Override
  public Platform platform() {
    return PLATFORM;
  }

  @Override
  public Mentions.Syntax mentions() {
    return Mentions.Syntax.matching(MENTION);
  }

  @Override
  public String configDefaults() {
    return """
        discord:
          # Read answers from thread messages. Needs the privileged Message Content intent enabled
          # for the bot in the Developer Portal; without it people answer with the Answer button's
          # form.
          messageContent: false
          # guild: register /spar in every server on start and on join (instant); global: once for
          # all.
          commands: guild
          # Ids of the roles whose members are admins, on top of Manage Server, e.g.
          # [123456789012345678]. Names are refused: anyone who can manage roles could create a
          # role with the same name.
          adminRoles: []
          shards:
            # Total shards of the bot, and the range this process runs (for several processes).
            total: 1
            from: 0
            to: 0
        """;
  }

  @Override
  public Set<String> secrets() {
    return Set.of(TOKEN);
  }

  @Override
  public Optional<Configured> configure(ConfigSection section, Map<String, String> env) {
    String commands = section.string("commands");
    if (commands != null && !Set.of("guild", "global").contains(commands)) {
      section.problem("commands", "must be guild or global (got '" + commands + "')");
    }
    int total = section.integer("shards.total", 1, 10_000);
    int from = section.integer("shards.from", 0, 10_000);
    int to = section.integer("shards.to", 0, 10_000);
    if (from > to || to >= total) {
      section.problem(
          "shards",
          "need from <= to < total (got from " + from + ", to " + to + ", total " + total + ")");
    }
    List<String> roles = section.strings("adminRoles");
    roles.stream()
        .filter(role -> !DiscordSettings.isRoleId(role))
        .forEach(role -> section.problems().add(DiscordSettings.notARoleId(role)));
    boolean messageContent = section.bool("messageContent");
    if (!section.problems().isEmpty()) {
      return Optional.empty();
    }
    DiscordSettings settings =
        DiscordSettings.fromEnv(
            env,
            messageContent,
            "global".equals(commands),
            new LinkedHashSet<>(roles),
            total,
            from,
            to);
    return Optional.ofNullable(settings).map(DiscordModule::configured);
  }

  private static Configured configured(DiscordSettings settings) {
    return new Configured() {
      @Override
      public Running start(Host host) throws Exception {
        DiscordAdapter adapter =
            new DiscordAdapter(settings, host.bot(), host.banks(), Clock.systemUTC());
        try {
          adapter.awaitReady(READY_SECONDS);
        } catch (Exception e) {
          adapter.close();
          throw e;
        }
        return new Running() {
          @Override
          public Gateway gateway() {
            return adapter.gateway();
          }

          @Override
          public boolean connected() {
            return adapter.connected();
          }

          @Override
          public String detail() {
            return "invite: " + adapter.inviteUrl();
          }

          @Override
          public void close() {
            adapter.close();
          }
        };
      }

      @Override
      public String describe() {
        return settings.toString();
      }
    };
  }
}
