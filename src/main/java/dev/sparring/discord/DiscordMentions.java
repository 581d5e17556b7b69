package dev.sparring.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

/**
 * Who a message the bot sends may ping: nobody. JDA's default {@code allowed_mentions} lets a
 * message's text ping {@code @everyone}, roles and users, so text that reached a message from a
 * user or an admin (a competition named {@code @everyone <@&role>}) would ping them. The bot's own
 * text never means to ping: people are named inside embeds, where Discord renders mentions without
 * pinging, and replies to a person do not ping them either.
 */
final class DiscordMentions {

  private DiscordMentions() {}

  /** Makes "nobody" JDA's default too, for any request that does not go through {@link #none}. */
  static void installDefaults() {
    MessageRequest.setDefaultMentions(EnumSet.noneOf(MentionType.class));
    MessageRequest.setDefaultMentionRepliedUser(false);
  }

  /** {@code request} with {@code allowed_mentions} of {@code parse: []} and no replied user. */
  static <R extends MessageRequest<R>> R none(R request) {
    return request.setAllowedMentions(EnumSet.noneOf(MentionType.class)).mentionRepliedUser(false);
  }
}
