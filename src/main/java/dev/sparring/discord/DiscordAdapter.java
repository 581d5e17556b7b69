package dev.sparring.discord;

import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Form;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import dev.sparring.store.StoreException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates Discord (through JDA, one listener) to the core and back. Slash command interactions,
 * buttons, modals and thread messages become {@link Inbound} events handled before the interaction
 * is answered (well within Discord's 3 s). Answers arrive either as messages in the thread (with
 * the privileged Message Content intent) or through the Answer button's modal, which needs no
 * privileged intent.
 */
public final class DiscordAdapter extends ListenerAdapter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);
  static final String ANSWER = "answer";
  static final Permission[] PERMISSIONS = {
    Permission.VIEW_CHANNEL,
    Permission.MESSAGE_SEND,
    Permission.MESSAGE_SEND_IN_THREADS,
    Permission.CREATE_PUBLIC_THREADS,
    Permission.MESSAGE_EMBED_LINKS,
    Permission.MESSAGE_HISTORY,
    Permission.MESSAGE_ADD_REACTION // the ✅ on an accepted answer
  };

  static {
    DiscordMentions.installDefaults();
  }

  private final DiscordSettings settings;
  private final Bot bot;
  private final QuestionBank bank;
  private final JDA jda; // one shard, or null
  private final net.dv8tion.jda.api.sharding.ShardManager shards; // several shards, or null
  private final DiscordGateway gateway;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final ChatterLimit chatter;

  public DiscordAdapter(DiscordSettings settings, Bot bot, QuestionBank bank) {
    this(settings, bot, bank, Clock.systemUTC());
  }

  /**
   * Logs in to Discord. Fails with a message that says what to check when Discord's API cannot be
   * reached or does not accept the token.
   */
  public DiscordAdapter(DiscordSettings settings, Bot bot, QuestionBank bank, Clock clock) {
    this.settings = settings;
    this.bot = bot;
    this.bank = bank;
    this.chatter = new ChatterLimit(clock, ChatterLimit.WINDOW);
    EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
    if (settings.messageContent()) {
      intents.add(GatewayIntent.MESSAGE_CONTENT);
    }
    net.dv8tion.jda.api.utils.SessionController sessions = null;
    if (settings.gatewayUrl() != null) {
      String url = settings.gatewayUrl();
      int total = settings.shardsTotal();
      sessions =
          new SessionControllerAdapter() {
            @Override
            public String getGateway() {
              return url;
            }

            // With shards, JDA asks for the gateway through GET /gateway/bot; the configured
            // gateway wins there too, with the configured shard count.
            @Override
            public ShardedGateway getShardedGateway(JDA api) {
              return new ShardedGateway(url, total, 1);
            }
          };
    }
    if (settings.shardsTotal() == 1) {
      JDABuilder builder =
          JDABuilder.createLight(settings.token(), intents)
              .setCompression(Compression.NONE)
              .addEventListeners(this);
      if (settings.apiUrl() != null) {
        builder.setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()));
      }
      if (sessions != null) {
        builder.setSessionController(sessions);
      }
      this.jda = DiscordStartup.login(builder::build, settings);
      this.shards = null;
      this.gateway = new DiscordGateway(jda);
    } else {
      // A shard range per process; every process shares the PostgreSQL store.
      int[] ids =
          java.util.stream.IntStream.rangeClosed(settings.shardMin(), settings.shardMax())
              .toArray();
      var builder =
          net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder.createLight(
                  settings.token(), intents)
              .setShardsTotal(settings.shardsTotal())
              .setShards(ids)
              .setCompression(Compression.NONE)
              .addEventListeners(this);
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
      this.jda = null;
      this.shards = DiscordStartup.login(builder::build, settings);
      this.gateway = new DiscordGateway(shards, partitions);
    }
  }

  public Gateway gateway() {
    return gateway;
  }

  /** Waits until the gateway session is ready (READY received), or fails after the timeout. */
  public DiscordAdapter awaitReady(long seconds) throws Exception {
    try {
      ready.get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      close();
      throw new IllegalStateException(DiscordStartup.gatewayTimeout(settings, seconds));
    }
    return this;
  }

  public boolean connected() {
    return jda != null
        ? jda.getStatus() == JDA.Status.CONNECTED
        : shards.getShards().stream().allMatch(j -> j.getStatus() == JDA.Status.CONNECTED);
  }

  /** The invite URL with the bot and application-commands scopes and the permissions used. */
  public String inviteUrl() {
    JDA any = jda != null ? jda : shards.getShards().get(0);
    return any.getInviteUrl(PERMISSIONS).replace("scope=bot", "scope=bot+applications.commands");
  }

  // ---- lifecycle and commands

  @Override
  public void onReady(ReadyEvent event) {
    UnreadableInteractions.install(event.getJDA());
    int shard = event.getJDA().getShardInfo().getShardId();
    log.info("Discord connected (shard {}); invite: {}", shard, inviteUrl());
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
  public void onGuildLeave(net.dv8tion.jda.api.events.guild.GuildLeaveEvent event) {
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
    return DiscordCommands.spar(bot.topics(), bank);
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!event.getFocusedOption().getName().equals("question")) {
      return;
    }
    String typed = event.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
    List<net.dv8tion.jda.api.interactions.commands.Command.Choice> choices =
        bank.questions().stream()
            .filter(q -> q.id().startsWith(typed) || q.id().contains(typed))
            .limit(25)
            .map(q -> new net.dv8tion.jda.api.interactions.commands.Command.Choice(q.id(), q.id()))
            .toList();
    event.replyChoices(choices).queue();
  }

  // ---- interactions

  /**
   * Admins hold Manage Server or a configured role, matched by id: a role name proves nothing,
   * since anyone who can manage roles can create a role with any name.
   */
  private Actor actor(Member member, net.dv8tion.jda.api.entities.User user) {
    boolean admin =
        member != null
            && (member.hasPermission(Permission.MANAGE_SERVER)
                || member.getRoles().stream()
                    .anyMatch(r -> settings.adminRoles().contains(r.getId())));
    String name = member != null ? member.getEffectiveName() : user.getName();
    return new Actor(new UserRef(DiscordModule.PLATFORM, user.getId()), name, admin);
  }

  /** The channel a command or button belongs to, and its thread when it was used in one. */
  private record Where(ChannelRef channel, ThreadRef thread) {}

  private static Where where(
      net.dv8tion.jda.api.entities.channel.middleman.MessageChannel channel) {
    if (channel instanceof ThreadChannel t) {
      return new Where(
          new ChannelRef(DiscordModule.PLATFORM, t.getParentChannel().getId()),
          new ThreadRef(DiscordModule.PLATFORM, t.getId()));
    }
    return new Where(new ChannelRef(DiscordModule.PLATFORM, channel.getId()), null);
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    guarded(event, () -> slash(event));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    guarded(event, () -> button(event));
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    guarded(event, () -> modal(event));
  }

  /**
   * Runs an interaction's handler; if it fails before answering, the person still gets an answer
   * instead of Discord's "This interaction failed".
   */
  private static void guarded(IReplyCallback event, Runnable handler) {
    try {
      handler.run();
    } catch (RuntimeException e) {
      log.warn("a Discord interaction failed", e);
      if (!event.isAcknowledged()) {
        notice(event, "Sorry, something went wrong on Sparring's side. Please try again.");
      }
    }
  }

  private void slash(SlashCommandInteractionEvent event) {
    if (refused(event)) {
      return;
    }
    if (!event.getName().equals("spar")) {
      notice(event, "Sparring knows only `/spar`.");
      return;
    }
    String text = DiscordCommands.text(event.getSubcommandName(), event::getOption);
    Where w = where(event.getChannel());
    Inbound.CommandInvoked in =
        new Inbound.CommandInvoked(
            "discord:" + event.getId(),
            new TeamRef(DiscordModule.PLATFORM, event.getGuild().getId()),
            w.channel(),
            actor(event.getMember(), event.getUser()),
            text);
    answer(event, in);
  }

  private void button(ButtonInteractionEvent event) {
    String id = event.getComponentId();
    int bar = id.indexOf('|');
    String action = bar < 0 ? id : id.substring(0, bar);
    String value = bar < 0 ? "" : id.substring(bar + 1);
    if (refused(event)) {
      return;
    }
    if (action.equals(ANSWER)) {
      // The thread started from this message has the message's id.
      String thread = event.getMessage().getId();
      event
          .replyModal(
              Modal.create(ANSWER + "|" + thread, "Your answer")
                  .addComponents(
                      Label.of(
                          "Answer",
                          TextInput.create("answer", TextInputStyle.PARAGRAPH)
                              .setRequiredRange(1, 4000)
                              .setPlaceholder("Explain what you would do and why.")
                              .build()))
                  .build())
          .queue();
      return;
    }
    Where w = where(event.getChannel());
    ThreadRef thread =
        w.thread() != null
            ? w.thread()
            : new ThreadRef(DiscordModule.PLATFORM, event.getMessage().getId());
    Inbound.ButtonPressed in =
        new Inbound.ButtonPressed(
            "discord:" + event.getId(),
            new TeamRef(DiscordModule.PLATFORM, event.getGuild().getId()),
            w.channel(),
            thread,
            actor(event.getMember(), event.getUser()),
            action,
            value);
    answer(event, in);
  }

  private void modal(ModalInteractionEvent event) {
    if (refused(event)) {
      return;
    }
    String id = event.getModalId();
    int bar = id.indexOf('|');
    String kind = bar < 0 ? id : id.substring(0, bar);
    String value = bar < 0 ? "" : id.substring(bar + 1);
    Map<String, String> fields = new HashMap<>();
    event.getValues().forEach(v -> fields.put(v.getCustomId(), v.getAsString()));
    Where w = where(event.getChannel());
    Actor actor = actor(event.getMember(), event.getUser());
    TeamRef team = new TeamRef(DiscordModule.PLATFORM, event.getGuild().getId());
    Inbound in;
    if (kind.equals(ANSWER)) {
      in =
          new Inbound.MessagePosted(
              "discord:" + event.getId(),
              team,
              w.channel(),
              new ThreadRef(DiscordModule.PLATFORM, value),
              actor,
              fields.getOrDefault("answer", ""));
    } else {
      in =
          new Inbound.ModalSubmitted(
              "discord:" + event.getId(), team, w.channel(), actor, kind, value, fields);
    }
    answer(event, in);
  }

  static final String NOT_HERE = "Sparring works in server channels.";
  static final String NOT_A_MEMBER =
      "Sparring is not a member of this server, so it cannot work here. Ask a server admin to add"
          + " it with this link, then use `/spar` in a channel: ";

  /**
   * Answers, and returns true for, an interaction Sparring cannot serve: from a DM, or from a
   * server the bot is not in (the app installed for a user; JDA gives such a server as a detached
   * entity, and most of its methods throw {@code DetachedEntityException}).
   */
  private boolean refused(IReplyCallback event) {
    Guild guild = event.getGuild();
    if (guild == null) {
      notice(event, NOT_HERE);
      return true;
    }
    if (guild.isDetached() || event.getMember() == null) {
      notice(event, NOT_A_MEMBER + inviteUrl());
      return true;
    }
    return false;
  }

  /** A short ephemeral answer that pings nobody. */
  private static void notice(IReplyCallback event, String text) {
    DiscordMentions.none(event.reply(text)).setEphemeral(true).queue();
  }

  /** Handles the event, then answers the interaction: a form, the ephemerals, or a short ack. */
  private void answer(IReplyCallback event, Inbound in) {
    Bot.Result r;
    try {
      r = bot.handle(in);
    } catch (StoreException e) {
      log.warn("store failure on a Discord interaction: {}", e.getMessage());
      notice(
          event,
          "Sorry, Sparring cannot reach its database right now; nothing was changed. Please try"
              + " again in a minute.");
      return;
    }
    if (!r.forms().isEmpty()
        && event instanceof net.dv8tion.jda.api.interactions.callbacks.IModalCallback modal) {
      modal.replyModal(modal(r.forms().get(0))).queue();
      return;
    }
    if (r.ephemerals().isEmpty()) {
      notice(event, r.duplicate() ? "Already done." : "\u2713");
      return;
    }
    List<MessageCreateData> parts = new ArrayList<>();
    for (Outbound.Ephemeral e : r.ephemerals()) {
      parts.addAll(DiscordRender.render(e.message(), List.of()));
    }
    DiscordMentions.none(event.reply(parts.get(0)))
        .setEphemeral(true)
        .queue(
            hook -> {
              for (MessageCreateData more : parts.subList(1, parts.size())) {
                DiscordMentions.none(hook.sendMessage(more)).setEphemeral(true).queue();
              }
            });
  }

  static Modal modal(Form form) {
    Modal.Builder b =
        Modal.create(
            form.id() + "|" + form.value(), dev.sparring.chat.Texts.clip(form.title(), 45));
    for (Form.Input in : form.inputs()) {
      TextInput.Builder t =
          TextInput.create(
                  in.name(), in.multiline() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
              .setRequired(!in.label().contains("optional"));
      if (!in.initial().isEmpty()) {
        t.setValue(in.initial());
      }
      if (!in.placeholder().isEmpty()) {
        t.setPlaceholder(dev.sparring.chat.Texts.clip(in.placeholder(), 100));
      }
      if (in.maxLength() > 0) {
        t.setMaxLength(Math.min(4000, in.maxLength()));
      }
      b.addComponents(Label.of(dev.sparring.chat.Texts.clip(in.label(), 45), t.build()));
    }
    return b.build();
  }

  // ---- thread messages

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    if (event.getAuthor().isBot() || event.getAuthor().isSystem() || !event.isFromGuild()) {
      return; // never answer bots, ourselves included
    }
    ChannelType type = event.getChannelType();
    if (type != ChannelType.GUILD_PUBLIC_THREAD && type != ChannelType.GUILD_PRIVATE_THREAD) {
      return;
    }
    String text = event.getMessage().getContentRaw();
    if (text.isBlank()) {
      return; // without the Message Content intent, answers come through the modal instead
    }
    ThreadChannel thread = event.getChannel().asThreadChannel();
    GuildChannel parent = thread.getParentChannel();
    Inbound.MessagePosted in =
        new Inbound.MessagePosted(
            "discord:" + event.getMessageId(),
            new TeamRef(DiscordModule.PLATFORM, event.getGuild().getId()),
            new ChannelRef(DiscordModule.PLATFORM, parent.getId()),
            new ThreadRef(DiscordModule.PLATFORM, thread.getId()),
            actor(event.getMember(), event.getAuthor()),
            text);
    Bot.Result r = bot.handle(in);
    for (Outbound.Ephemeral e : r.ephemerals()) {
      // Discord has no private replies outside interactions: an accepted answer gets a reaction,
      // anything else a short reply to the author in the thread.
      String body = e.message().body();
      if (e.kind() == Outbound.Ephemeral.Kind.ANSWER_ACCEPTED) {
        event
            .getMessage()
            .addReaction(net.dv8tion.jda.api.entities.emoji.Emoji.fromUnicode("\u2705"))
            .queue();
      } else if (chatter.allow(event.getAuthor().getId(), thread.getId())) {
        // Anyone can post in a thread as often as they like; the bot answers each person there
        // once per window, so chatter cannot make it post (or ping) at their pace.
        DiscordMentions.none(
                event
                    .getMessage()
                    .reply(dev.sparring.chat.Texts.clip(DiscordRender.markdown(body), 2000)))
            .queue();
      }
    }
  }

  @Override
  public void close() {
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
