package dev.sparring.discord;

import dev.sparring.bank.Banks;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.TeamRef;
import dev.sparring.core.Bot;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session and its servers: readiness, {@code /spar} registered (once for the application, or in
 * each server as it becomes ready or adds the bot) with its question autocomplete, and a server
 * that removed the bot.
 */
final class DiscordLifecycle extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(DiscordLifecycle.class);

  private final DiscordSettings settings;
  private final Bot bot;
  private final Banks banks;
  private final Supplier<String> inviteUrl;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();

  DiscordLifecycle(DiscordSettings settings, Bot bot, Banks banks, Supplier<String> inviteUrl) {
    this.settings = settings;
    this.bot = bot;
    this.banks = banks;
    this.inviteUrl = inviteUrl;
  }

  /** Completes once the gateway session is ready (READY received). */
  CompletableFuture<Void> ready() {
    return ready;
  }

  @Override
  public void onReady(ReadyEvent event) {
    UnreadableInteractions.install(event.getJDA());
    int shard = event.getJDA().getShardInfo().getShardId();
    log.info("Discord connected (shard {}); invite: {}", shard, inviteUrl.get());
    // Global commands belong to the application, not to a shard: registered once, by the process
    // that runs shard 0 (one JDA without shards is shard 0 too).
    if (settings.globalCommands() && shard == 0) {
      event
          .getJDA()
          .updateCommands()
          .addCommands(command())
          .queue(null, e -> log.warn("command registration failed", e));
    }
    ready.complete(null);
  }

  @Override
  public void onGuildReady(GuildReadyEvent event) {
    register(event.getGuild());
  }

  @Override
  public void onGuildJoin(GuildJoinEvent event) {
    register(event.getGuild());
  }

  /**
   * The bot was removed from the server (kicked, or the server deleted): its scheduled work stops
   * and its queued messages are cancelled; its history stays. JDA reports an outage (an unavailable
   * guild) as another event, so an outage stops nothing.
   */
  @Override
  public void onGuildLeave(GuildLeaveEvent event) {
    TeamRef team = new TeamRef(DiscordModule.PLATFORM, event.getGuild().getId());
    try {
      bot.teamRemoved(team, "Discord: the bot left the server");
    } catch (RuntimeException e) {
      log.warn("could not stop the scheduled work of {}: {}", team, e.getMessage());
    }
  }

  private void register(Guild guild) {
    if (!settings.globalCommands()) {
      guild
          .updateCommands()
          .addCommands(command())
          .queue(null, e -> log.warn("command registration in {} failed", guild.getId(), e));
    }
  }

  /** {@code /spar}, derived from the commands the bot's help lists. */
  SlashCommandData command() {
    return DiscordCommands.spar(bot.topics(), banks.shared());
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!event.getFocusedOption().getName().equals("question")) {
      return;
    }
    String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
    List<Command.Choice> choices =
        bankOf(event.getGuild()).questions().stream()
            .filter(q -> q.id().startsWith(typed) || q.id().contains(typed))
            .limit(25)
            .map(q -> new Command.Choice(q.id(), q.id()))
            .toList();
    event.replyChoices(choices).queue();
  }

  /** The server's view of the bank: the shared packs and its own questions. */
  private QuestionBank bankOf(Guild guild) {
    if (guild == null) {
      return banks.shared();
    }
    String team = new TeamRef(DiscordModule.PLATFORM, guild.getId()).key();
    try {
      return bot.store().transact(tx -> banks.forTeam(tx, team));
    } catch (RuntimeException e) {
      log.warn("question autocomplete in {}: the server's own questions are unreadable", team, e);
      return banks.shared();
    }
  }
}
