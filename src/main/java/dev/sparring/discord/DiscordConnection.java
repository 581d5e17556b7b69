package dev.sparring.discord;

import dev.sparring.core.Bot;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * The bot's connection to Discord: one JDA, or a shard manager running this process's shard range.
 * Logs in with the intents the settings allow and the configured API and gateway URLs, and reports
 * whether every shard is connected.
 */
final class DiscordConnection {

  private final JDA jda; // one shard, or null
  private final ShardManager shards; // several shards, or null
  private final DiscordGateway gateway;

  private DiscordConnection(JDA jda, ShardManager shards, DiscordGateway gateway) {
    this.jda = jda;
    this.shards = shards;
    this.gateway = gateway;
  }

  /**
   * Logs in to Discord with {@code listeners}. With shards, the bot is told which guilds' messages
   * this process delivers before the first event can arrive.
   */
  static DiscordConnection open(DiscordSettings settings, Bot bot, Object... listeners) {
    EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
    if (settings.messageContent()) {
      intents.add(GatewayIntent.MESSAGE_CONTENT);
    }
    SessionController sessions = sessions(settings);
    if (settings.shardsTotal() == 1) {
      JDABuilder builder =
          JDABuilder.createLight(settings.token(), intents)
              .setCompression(Compression.NONE)
              .addEventListeners(listeners);
      if (settings.apiUrl() != null) {
        builder.setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()));
      }
      if (sessions != null) {
        builder.setSessionController(sessions);
      }
      JDA jda = DiscordStartup.login(builder::build, settings);
      return new DiscordConnection(jda, null, new DiscordGateway(jda));
    }
    // A shard range per process; every process shares the PostgreSQL store.
    int[] ids = IntStream.rangeClosed(settings.shardMin(), settings.shardMax()).toArray();
    var builder =
        DefaultShardManagerBuilder.createLight(settings.token(), intents)
            .setShardsTotal(settings.shardsTotal())
            .setShards(ids)
            .setCompression(Compression.NONE)
            .addEventListeners(listeners);
    if (settings.apiUrl() != null) {
      builder.setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()));
    }
    if (sessions != null) {
      builder.setSessionController(sessions);
    }
    // Messages for a guild are queued for its shard and claimed only by the process running it
    // (set before the first event can arrive).
    DiscordShards partitions =
        new DiscordShards(settings.shardsTotal(), settings.shardMin(), settings.shardMax());
    bot.partitionBy(partitions);
    ShardManager shards = DiscordStartup.login(builder::build, settings);
    return new DiscordConnection(null, shards, new DiscordGateway(shards, partitions));
  }

  /** The configured gateway URL, or null for Discord's own. */
  private static SessionController sessions(DiscordSettings settings) {
    if (settings.gatewayUrl() == null) {
      return null;
    }
    String url = settings.gatewayUrl();
    int total = settings.shardsTotal();
    return new SessionControllerAdapter() {
      @Override
      public String getGateway() {
        return url;
      }

      // With shards, JDA asks for the gateway through GET /gateway/bot; the configured gateway
      // wins there too, with the configured shard count.
      @Override
      public ShardedGateway getShardedGateway(JDA api) {
        return new ShardedGateway(url, total, 1);
      }
    };
  }

  DiscordGateway gateway() {
    return gateway;
  }

  boolean connected() {
    return jda != null
        ? jda.getStatus() == JDA.Status.CONNECTED
        : shards.getShards().stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED);
  }

  /** One shard's client, for what any of them can answer (the invite URL). */
  JDA any() {
    return jda != null ? jda : shards.getShards().get(0);
  }

  void close() {
    if (shards != null) {
      shards.shutdown();
      return;
    }
    jda.shutdown();
    try {
      if (!jda.awaitShutdown(5, TimeUnit.SECONDS)) {
        jda.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
