package dev.sparring.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.handle.SocketHandler;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers interactions JDA cannot turn into events (a guild interaction without a member, for
 * example): JDA only logs them, with the whole payload and its interaction token, and the person
 * sees "This interaction failed". This wraps JDA's {@code INTERACTION_CREATE} handler: what it
 * reads goes on as before; what it cannot read gets a polite ephemeral answer and one log line
 * without the payload.
 *
 * <p>JDA has no public hook before it parses an interaction, so this is the one place the adapter
 * uses JDA internals ({@code JDAImpl}, {@code SocketHandler}, {@code RestActionImpl}); a JDA
 * upgrade that changes them fails to compile here, and {@code DiscordAdapterTest} covers it.
 */
final class UnreadableInteractions extends SocketHandler {

  private static final Logger log = LoggerFactory.getLogger(UnreadableInteractions.class);
  static final String EVENT = "INTERACTION_CREATE";
  static final String NOTICE =
      "Sorry, Sparring could not read this request from Discord. Please try again in a server"
          + " channel where the bot is a member.";

  private final SocketHandler jda;

  private UnreadableInteractions(JDAImpl api, SocketHandler jda) {
    super(api);
    this.jda = jda;
  }

  /** Wraps {@code api}'s interaction handler (once; again on the same client changes nothing). */
  static void install(JDA api) {
    if (!(api instanceof JDAImpl impl) || impl.getClient() == null) {
      return;
    }
    impl.getClient()
        .getHandlers()
        .computeIfPresent(
            EVENT,
            (k, h) ->
                h instanceof UnreadableInteractions ? h : new UnreadableInteractions(impl, h));
  }

  @Override
  protected Long handleInternally(DataObject content) {
    try {
      jda.handle(responseNumber, allContent);
    } catch (RuntimeException e) {
      String id = content.getString("id", "");
      String token = content.getString("token", "");
      log.warn(
          "Discord interaction {} could not be read ({}: {}); answered with a notice",
          id,
          e.getClass().getSimpleName(),
          firstLine(e.getMessage()));
      if (!id.isEmpty() && !token.isEmpty()) {
        answer(id, token);
      }
    }
    return null;
  }

  /**
   * The reason without the payload: JDA's parsing exceptions append the whole interaction, token
   * included, after the first line.
   */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "\u2026" : line;
  }

  private void answer(String id, String token) {
    DataObject body =
        DataObject.empty()
            .put("type", 4)
            .put(
                "data",
                DataObject.empty()
                    .put("content", NOTICE)
                    .put("flags", 64)
                    .put(
                        "allowed_mentions",
                        DataObject.empty()
                            .put("parse", net.dv8tion.jda.api.utils.data.DataArray.empty())));
    new RestActionImpl<Void>(api, Route.Interactions.CALLBACK.compile(id, token), body)
        .queue(null, e -> log.debug("notice for interaction {} failed: {}", id, e.toString()));
  }
}
