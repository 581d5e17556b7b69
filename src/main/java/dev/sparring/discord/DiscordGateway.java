package dev.sparring.discord;

import dev.sparring.core.Gateway;
import dev.sparring.core.Outbound;
import dev.sparring.core.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.channel.attribute.IGuildChannelContainer;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Delivers outbox messages through JDA (which paces itself by Discord's rate-limit buckets). A post
 * that opens a thread gets a thread started from it, whose id equals the message's; it also gets an
 * Answer button, so people can answer through a modal without the Message Content intent.
 */
final class DiscordGateway implements Gateway {

  private static final Set<ErrorResponse> PERMANENT =
      Set.of(
          ErrorResponse.UNKNOWN_CHANNEL,
          ErrorResponse.UNKNOWN_MESSAGE,
          ErrorResponse.MISSING_ACCESS,
          ErrorResponse.MISSING_PERMISSIONS,
          ErrorResponse.CANNOT_SEND_TO_USER,
          ErrorResponse.THREAD_LOCKED);

  // A JDA (one shard) or a ShardManager (several): both find channels by id across their guilds.
  private final IGuildChannelContainer<?> jda;

  DiscordGateway(IGuildChannelContainer<?> channels) {
    this.jda = channels;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public Delivery deliver(long outboxId, Outbound message, String parentId) {
    try {
      if (message instanceof Outbound.Post post) {
        TextChannel channel = jda.getTextChannelById(post.channel().id());
        if (channel == null) {
          return new Delivery.Failed(
              "channel " + post.channel().id() + " is not visible to the bot");
        }
        List<Button> extra =
            post.anchor() == null
                ? List.of()
                : List.of(Button.primary(DiscordAdapter.ANSWER + "|", "Answer"));
        List<MessageCreateData> parts = DiscordRender.render(post.message(), extra);
        net.dv8tion.jda.api.entities.Message first =
            channel.sendMessage(parts.get(0)).setNonce(Long.toString(outboxId)).complete();
        if (post.anchor() == null) {
          for (MessageCreateData more : parts.subList(1, parts.size())) {
            channel.sendMessage(more).complete();
          }
          return new Delivery.Sent(first.getId());
        }
        String name =
            dev.sparring.core.Texts.clip(DiscordRender.plain(post.message().title()), 100);
        ThreadChannel thread =
            first.createThreadChannel(name.isBlank() ? "Sparring" : name).complete();
        for (MessageCreateData more : parts.subList(1, parts.size())) {
          thread.sendMessage(more).complete();
        }
        return new Delivery.Sent(thread.getId());
      }
      if (message instanceof Outbound.ReplyInThread) {
        ThreadChannel thread = jda.getThreadChannelById(parentId);
        MessageChannel target =
            thread != null ? thread : jda.getTextChannelById(message.channel().id());
        if (target == null) {
          return new Delivery.Failed("thread " + parentId + " is not visible to the bot");
        }
        String first = null;
        for (MessageCreateData part : DiscordRender.render(message.message(), List.of())) {
          String id = target.sendMessage(part).setNonce(Long.toString(outboxId)).complete().getId();
          first = first == null ? id : first;
        }
        return new Delivery.Sent(first);
      }
      if (message instanceof Outbound.Update) {
        TextChannel channel = jda.getTextChannelById(message.channel().id());
        if (channel == null) {
          return new Delivery.Failed(
              "channel " + message.channel().id() + " is not visible to the bot");
        }
        MessageCreateData data = DiscordRender.render(message.message(), List.of()).get(0);
        channel.editMessageById(parentId, MessageEditData.fromCreateData(data)).complete();
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
}
