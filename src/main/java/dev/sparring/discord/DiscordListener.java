package dev.sparring.discord;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code /spar} interactions, buttons, modals and thread messages into {@link Inbound}
 * events, handled before the interaction is answered (well within Discord's 3 s). Answers arrive
 * either as messages in the thread (with the privileged Message Content intent) or through the
 * Answer button's modal, which needs no privileged intent.
 */
final class DiscordListener extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);

  private final DiscordSettings settings;
  private final Bot bot;
  private final DiscordReplies replies;
  private final Supplier<String> inviteUrl;

  DiscordListener(
      DiscordSettings settings, Bot bot, DiscordReplies replies, Supplier<String> inviteUrl) {
    this.settings = settings;
    this.bot = bot;
    this.replies = replies;
    this.inviteUrl = inviteUrl;
  }

  /**
   * Admins hold Manage Server or a configured role, matched by id: a role name proves nothing,
   * since anyone who can manage roles can create a role with any name.
   */
  private Actor actor(Member member, User user) {
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

  private static Where where(MessageChannel channel) {
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
        DiscordReplies.notice(
            event, "Sorry, something went wrong on Sparring's side. Please try again.");
      }
    }
  }

  private void slash(SlashCommandInteractionEvent event) {
    if (refused(event)) {
      return;
    }
    if (!event.getName().equals("spar")) {
      DiscordReplies.notice(event, "Sparring knows only `/spar`.");
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
    replies.answer(event, in);
  }

  private void button(ButtonInteractionEvent event) {
    String id = event.getComponentId();
    int bar = id.indexOf('|');
    String action = bar < 0 ? id : id.substring(0, bar);
    String value = bar < 0 ? "" : id.substring(bar + 1);
    if (refused(event)) {
      return;
    }
    if (action.equals(DiscordAdapter.ANSWER)) {
      // The thread started from this message has the message's id.
      event.replyModal(DiscordReplies.answerModal(event.getMessage().getId())).queue();
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
    replies.answer(event, in);
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
    if (kind.equals(DiscordAdapter.ANSWER)) {
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
    replies.answer(event, in);
  }

  /**
   * Answers, and returns true for, an interaction Sparring cannot serve: from a DM, or from a
   * server the bot is not in (the app installed for a user; JDA gives such a server as a detached
   * entity, and most of its methods throw {@code DetachedEntityException}).
   */
  private boolean refused(IReplyCallback event) {
    Guild guild = event.getGuild();
    if (guild == null) {
      DiscordReplies.notice(event, DiscordAdapter.NOT_HERE);
      return true;
    }
    if (guild.isDetached() || event.getMember() == null) {
      DiscordReplies.notice(event, DiscordAdapter.NOT_A_MEMBER + inviteUrl.get());
      return true;
    }
    return false;
  }

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
    replies.inThread(event, thread.getId(), bot.handle(in));
  }
}
