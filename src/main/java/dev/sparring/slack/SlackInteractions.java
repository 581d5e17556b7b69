package dev.sparring.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.StoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactivity payloads as {@link Inbound} events: {@code /spar}, button presses and form (view)
 * submissions, each handled by the bot with the actor {@link SlackPeople} found; the answers go
 * through {@link SlackReplies}.
 */
final class SlackInteractions {

  private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

  private final Bot bot;
  private final SlackReplies replies;

  SlackInteractions(Bot bot, SlackReplies replies) {
    this.bot = bot;
    this.replies = replies;
  }

  /**
   * Handles {@code /spar}. Before the acknowledgement, the first part of the answer is returned to
   * go into it; after, every part goes to the command's {@code response_url}.
   */
  Optional<BlockKit.Rendered> command(SlashCommandPayload p, Actor actor, boolean beforeAck) {
    Inbound.CommandInvoked in =
        new Inbound.CommandInvoked(
            "slack:cmd:" + p.getTriggerId(),
            new TeamRef(SlackModule.PLATFORM, p.getTeamId()),
            new ChannelRef(SlackModule.PLATFORM, p.getChannelId()),
            actor,
            p.getText());
    List<BlockKit.Rendered> parts;
    try {
      Bot.Result r = bot.handle(in);
      replies.openForms(p.getTeamId(), p.getTriggerId(), in.channel(), r.forms());
      if (r.ephemerals().isEmpty()) {
        return Optional.empty();
      }
      parts = BlockKit.render(SlackReplies.merge(r.ephemerals()));
    } catch (StoreException e) {
      log.warn("store failure on /spar: {}", e.getMessage());
      parts =
          BlockKit.render(
              Message.text(
                  "Sorry, Sparring cannot reach its database right now; nothing was changed."
                      + " Please try again in a minute."));
    }
    if (!beforeAck) {
      parts.forEach(part -> replies.respond(p, part));
      return Optional.empty();
    }
    for (BlockKit.Rendered more : parts.subList(1, parts.size())) {
      replies.later(
          () -> replies.postEphemeral(p.getTeamId(), p.getChannelId(), p.getUserId(), null, more));
    }
    return Optional.of(parts.get(0));
  }

  /** A button in a channel message (or its thread) was pressed. */
  void pressed(BlockActionPayload p, String channel, Actor actor) {
    BlockActionPayload.Action a = p.getActions().get(0);
    String team = p.getTeam().getId();
    String thread =
        p.getMessage() == null
            ? null
            : p.getMessage().getThreadTs() != null
                ? p.getMessage().getThreadTs()
                : p.getMessage().getTs();
    Inbound.ButtonPressed in =
        new Inbound.ButtonPressed(
            "slack:act:" + p.getTriggerId(),
            new TeamRef(SlackModule.PLATFORM, team),
            new ChannelRef(SlackModule.PLATFORM, channel),
            thread == null ? null : new ThreadRef(SlackModule.PLATFORM, thread),
            actor,
            BlockKit.action(a.getActionId()),
            a.getValue());
    Bot.Result r = bot.handle(in);
    replies.openForms(team, p.getTriggerId(), in.channel(), r.forms());
    replies.answerLater(team, r, thread);
  }

  /**
   * A form was submitted; {@code meta} is its private metadata: the channel key, a newline, and the
   * form's own value.
   */
  void submitted(ViewSubmissionPayload p, String meta, Actor actor) {
    int nl = meta.indexOf('\n');
    String team = p.getTeam().getId();
    Map<String, String> fields = new HashMap<>();
    if (p.getView().getState() != null && p.getView().getState().getValues() != null) {
      p.getView()
          .getState()
          .getValues()
          .forEach(
              (block, actions) ->
                  actions.forEach(
                      (action, value) ->
                          fields.put(action, value.getValue() == null ? "" : value.getValue())));
    }
    Inbound.ModalSubmitted in =
        new Inbound.ModalSubmitted(
            "slack:view:" + p.getView().getId() + ":" + p.getView().getHash(),
            new TeamRef(SlackModule.PLATFORM, team),
            ChannelRef.parse(meta.substring(0, nl)),
            actor,
            p.getView().getCallbackId(),
            meta.substring(nl + 1),
            fields);
    Bot.Result r = bot.handle(in);
    replies.answerLater(team, r, null);
  }
}
