package dev.sparring.discord;

import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.core.Gateway;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.attribute.IGuildChannelContainer;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Delivers outbox messages through JDA (which paces itself by Discord's rate-limit buckets). A post
 * that opens a thread gets a thread started from it, whose id equals the message's; it also gets an
 * Answer button, so people can answer through a modal without the Message Content intent.
 *
 * <p>A direct message opens (or finds, JDA keeps them) the bot's DM channel with the person ({@code
 * POST /users/@me/channels}) and sends there; a person Discord will not let the bot write to (code
 * 50007, or an unknown user) is {@link Delivery.Unreachable}.
 *
 * <p>A message too long for one Discord message is sent as several parts, each with its own nonce
 * ({@link #nonce}) and {@code enforce_nonce}: Discord answers a nonce it has seen from the bot in
 * the last few minutes with the message it created then, so a retried delivery creates only the
 * parts that are missing, and no part is mistaken for another.
 *
 * <p>A message's files (pictures) go with its first part as attachments, the first picture shown in
 * its embed; where Discord refuses them the message goes without, saying their alt texts.
 */
final class DiscordGateway implements Gateway {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(DiscordGateway.class);

  private static final Set<ErrorResponse> PERMANENT =
      Set.of(
          ErrorResponse.UNKNOWN_CHANNEL,
          ErrorResponse.UNKNOWN_MESSAGE,
          ErrorResponse.MISSING_ACCESS,
          ErrorResponse.MISSING_PERMISSIONS,
          ErrorResponse.CANNOT_SEND_TO_USER,
          ErrorResponse.THREAD_LOCKED);

  /** Opens the bot's DM channel with a person, through the connection that holds the guild. */
  @FunctionalInterface
  interface DirectChannels {
    RestAction<PrivateChannel> open(String guildId, String userId);
  }

  // A JDA (one shard) or a ShardManager (several): both find channels by id across their guilds.
  private final IGuildChannelContainer<?> jda;
  private final DiscordShards shards; // null when this process runs every shard of one
  private final DirectChannels directs;

  DiscordGateway(JDA jda) {
    this(jda, null, (guild, user) -> jda.openPrivateChannelById(user));
  }

  DiscordGateway(ShardManager manager, DiscordShards shards) {
    this(manager, shards, (guild, user) -> shardOf(manager, guild).openPrivateChannelById(user));
  }

  DiscordGateway(IGuildChannelContainer<?> channels, DiscordShards shards, DirectChannels dms) {
    this.jda = channels;
    this.shards = shards;
    this.directs = dms;
  }

  /** The shard that holds {@code guild}, or the first one when it is not in this process. */
  private static JDA shardOf(ShardManager manager, String guild) {
    net.dv8tion.jda.api.entities.Guild g = manager.getGuildById(guild);
    return g != null ? g.getJDA() : manager.getShards().get(0);
  }

  @Override
  public Platform platform() {
    return DiscordModule.PLATFORM;
  }

  /** This process's shards: it is handed only messages for guilds they serve. */
  @Override
  public java.util.Optional<dev.sparring.core.Partitioner> partitioner() {
    return java.util.Optional.ofNullable(shards);
  }

  /**
   * The nonce of part {@code part} of outbox entry {@code outboxId}: stable across retries, unique
   * per part (Discord checks nonces per author, across channels; outbox ids are unique). Part 0 is
   * the bare id, as before messages had parts, so an entry in flight across an upgrade is not sent
   * twice.
   */
  static String nonce(long outboxId, int part) {
    return part == 0 ? Long.toString(outboxId) : outboxId + "." + part;
  }

  @Override
  public Delivery deliver(long outboxId, Outbound message, String parentId) {
    try {
      if (message instanceof Outbound.Post post) {
        return post(outboxId, post);
      }
      if (message instanceof Outbound.ReplyInThread) {
        return reply(outboxId, message, parentId);
      }
      if (message instanceof Outbound.Direct dm) {
        return direct(outboxId, dm);
      }
      if (message instanceof Outbound.Update) {
        TextChannel channel = jda.getTextChannelById(message.channel().id());
        if (channel == null) {
          return new Delivery.Failed(
              "channel " + message.channel().id() + " is not visible to the bot");
        }
        MessageCreateData data = DiscordRender.render(message.message(), List.of()).get(0);
        DiscordMentions.none(
                channel.editMessageById(parentId, MessageEditData.fromCreateData(data)))
            .complete();
        return new Delivery.Sent(parentId);
      }
      return new Delivery.Failed("ephemerals are answered on the interaction, not delivered");
    } catch (ErrorResponseException e) {
      if (PERMANENT.contains(e.getErrorResponse())) {
        return new Delivery.Failed(e.getErrorResponse().name());
      }
      return new Delivery.RetryLater(null, e.getMeaning());
    } catch (RuntimeException e) {
      return new Delivery.RetryLater(
          Duration.ofSeconds(5), e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The person's DM channel, then each part, with its nonce, as in a channel. */
  private Delivery direct(long outboxId, Outbound.Direct dm) {
    try {
      PrivateChannel channel = directs.open(dm.team().id(), dm.user().id()).complete();
      List<MessageCreateData> parts = DiscordRender.render(dm.message(), List.of());
      String first = null;
      for (int i = 0; i < parts.size(); i++) {
        String id = send(channel, parts.get(i), nonce(outboxId, i)).getId();
        first = first == null ? id : first;
      }
      return new Delivery.Sent(first);
    } catch (ErrorResponseException e) {
      if (UNREACHABLE.contains(e.getErrorResponse())) {
        return new Delivery.Unreachable(
            e.getErrorResponse().name() + " (" + e.getErrorCode() + ")");
      }
      throw e;
    }
  }

  /** Errors that say this person cannot get the bot's direct messages. */
  private static final Set<ErrorResponse> UNREACHABLE =
      Set.of(ErrorResponse.CANNOT_SEND_TO_USER, ErrorResponse.UNKNOWN_USER);

  private Delivery post(long outboxId, Outbound.Post post) {
    TextChannel channel = jda.getTextChannelById(post.channel().id());
    if (channel == null) {
      return new Delivery.Failed("channel " + post.channel().id() + " is not visible to the bot");
    }
    List<Button> extra =
        post.anchor() == null || post.message().takesAnswers()
            ? List.of()
            : List.of(Button.primary(DiscordAdapter.ANSWER + "|", "Answer"));
    Sent sent = sendFirst(channel, post.message(), extra, outboxId);
    List<MessageCreateData> parts = sent.parts();
    Message first = sent.first();
    MessageChannel rest = channel;
    String id = first.getId();
    if (post.anchor() != null) {
      ThreadChannel thread = threadOf(first, post);
      rest = thread;
      id = thread.getId();
    }
    for (int i = 1; i < parts.size(); i++) {
      send(rest, parts.get(i), nonce(outboxId, i));
    }
    return new Delivery.Sent(id);
  }

  /**
   * The thread started from {@code first}: the one a previous attempt opened (the retry got the
   * same message back through its nonce), or a new one.
   */
  private ThreadChannel threadOf(Message first, Outbound.Post post) {
    ThreadChannel known = jda.getThreadChannelById(first.getId());
    if (known != null) {
      return known;
    }
    String name = dev.sparring.chat.Texts.clip(DiscordRender.plain(post.message().title()), 100);
    try {
      return first.createThreadChannel(name.isBlank() ? "Sparring" : name).complete();
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() != ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS) {
        throw e;
      }
      ThreadChannel started =
          first.getChannel().retrieveMessageById(first.getId()).complete().getStartedThread();
      if (started == null) {
        throw e;
      }
      return started;
    }
  }

  private Delivery reply(long outboxId, Outbound message, String parentId) {
    MessageChannel thread = jda.getThreadChannelById(parentId);
    if (thread == null) {
      // Not in JDA's cache: deleted, or archived before this process started. The parent
      // message knows which.
      TextChannel channel = jda.getTextChannelById(message.channel().id());
      if (channel == null) {
        return new Delivery.Failed(
            "channel " + message.channel().id() + " is not visible to the bot");
      }
      try {
        thread = channel.retrieveMessageById(parentId).complete().getStartedThread();
      } catch (ErrorResponseException e) {
        if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
          throw e;
        }
        return new Delivery.ThreadGone("the thread's first message " + parentId + " was deleted");
      }
      if (thread == null) {
        return new Delivery.ThreadGone("thread " + parentId + " was deleted");
      }
    }
    String first;
    try {
      Sent sent = sendFirst(thread, message.message(), List.of(), outboxId);
      List<MessageCreateData> parts = sent.parts();
      first = sent.first().getId();
      for (int i = 1; i < parts.size(); i++) {
        send(thread, parts.get(i), nonce(outboxId, i));
      }
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() == ErrorResponse.UNKNOWN_CHANNEL) {
        return new Delivery.ThreadGone("thread " + parentId + " was deleted");
      }
      throw e;
    }
    return new Delivery.Sent(first);
  }

  /** The first part as sent, and every part of the message as it went out. */
  private record Sent(Message first, List<MessageCreateData> parts) {}

  /** Discord refusing a message's files, while it would take the message without them. */
  private static final Set<ErrorResponse> FILES_REFUSED =
      Set.of(
          ErrorResponse.MISSING_PERMISSIONS,
          ErrorResponse.REQUEST_ENTITY_TOO_LARGE,
          ErrorResponse.FILE_UPLOAD_MAX_SIZE_EXCEEDED,
          ErrorResponse.MAX_ATTACHMENTS,
          ErrorResponse.INVALID_FILE_UPLOADED);

  /**
   * Sends the first part of {@code m}, with its files where the bot may attach files in {@code to}.
   * Refused for its files (a missing permission, too large), it is sent again without them, under
   * the same nonce (the refused request created nothing), their alt texts in its place.
   */
  private Sent sendFirst(
      MessageChannel to, dev.sparring.chat.Message m, List<Button> extra, long outboxId) {
    boolean files = !m.attachments().isEmpty() && mayAttach(to);
    if (!files) {
      List<MessageCreateData> parts = DiscordRender.textOnly(m, extra);
      return new Sent(send(to, parts.get(0), nonce(outboxId, 0)), parts);
    }
    List<MessageCreateData> parts = DiscordRender.withFiles(m, extra);
    try {
      return new Sent(send(to, parts.get(0), nonce(outboxId, 0)), parts);
    } catch (ErrorResponseException e) {
      if (!FILES_REFUSED.contains(e.getErrorResponse())) {
        throw e;
      }
      refusedOnce(to, e.getErrorResponse().name());
      List<MessageCreateData> text = DiscordRender.textOnly(m, extra);
      return new Sent(send(to, text.get(0), nonce(outboxId, 0)), text);
    }
  }

  /** Whether the bot may attach files in {@code to}; logs once per guild when it may not. */
  private boolean mayAttach(MessageChannel to) {
    if (!(to instanceof GuildChannel channel)) {
      return true;
    }
    if (channel
        .getGuild()
        .getSelfMember()
        .hasPermission(channel, Permission.MESSAGE_ATTACH_FILES)) {
      return true;
    }
    refusedOnce(to, "no Attach Files permission");
    return false;
  }

  private final Set<String> refusals = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private void refusedOnce(MessageChannel to, String why) {
    String guild = to instanceof GuildChannel c ? c.getGuild().getId() : "-";
    if (refusals.add(guild + "|" + why)) {
      log.warn(
          "Discord refused a picture in guild {} ({}): pictures there go out as their text."
              + " Grant the bot Attach Files to show them.",
          guild,
          why);
    }
  }

  private static Message send(MessageChannel to, MessageCreateData part, String nonce) {
    return DiscordMentions.none(to.sendMessage(part)).setNonce(nonce).complete();
  }
}
