package dev.sparring.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.util.Responder;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Form;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.core.Bot;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to the person who acted, through the Web API: ephemerals (sent after the acknowledgement,
 * in the thread when there is one), a command's answer through its {@code response_url}, forms
 * (opened at once: their trigger expires) and the App Home. A failed call is logged, not retried.
 */
final class SlackReplies {

  private static final Logger log = LoggerFactory.getLogger(SlackReplies.class);

  private final Slack slack;
  private final SlackTokens tokens;
  private final SlackPeople people;
  private final Bot bot;
  private final Executor afterAck;

  SlackReplies(Slack slack, SlackTokens tokens, SlackPeople people, Bot bot, Executor afterAck) {
    this.slack = slack;
    this.tokens = tokens;
    this.people = people;
    this.bot = bot;
    this.afterAck = afterAck;
  }

  /** Runs {@code work} after the acknowledgement. */
  void later(Runnable work) {
    afterAck.execute(work);
  }

  /** Sends the event's ephemerals after the acknowledgement, each in as many parts as it needs. */
  void answerLater(String team, Bot.Result r, String threadTs) {
    for (Outbound.Ephemeral e : r.ephemerals()) {
      for (BlockKit.Rendered part : BlockKit.render(e.message())) {
        later(() -> postEphemeral(team, e.channel().id(), e.user().id(), threadTs, part));
      }
    }
  }

  /** Several ephemerals of one event become one message. */
  static Message merge(List<Outbound.Ephemeral> ephemerals) {
    if (ephemerals.size() == 1) {
      return ephemerals.get(0).message();
    }
    StringBuilder b = new StringBuilder();
    for (Outbound.Ephemeral e : ephemerals) {
      if (!e.message().title().isBlank()) {
        b.append("**").append(e.message().title()).append("**\n");
      }
      b.append(e.message().body()).append("\n\n");
    }
    return Message.text(b.toString().strip());
  }

  void postEphemeral(
      String team, String channel, String user, String threadTs, BlockKit.Rendered part) {
    Optional<String> token = tokens.tokenForTeam(team);
    if (token.isEmpty()) {
      return;
    }
    try {
      var r =
          slack
              .methods(token.get())
              .chatPostEphemeral(
                  q ->
                      q.channel(channel)
                          .user(user)
                          .threadTs(threadTs)
                          .text(part.text())
                          .blocks(part.blocks()));
      if (!r.isOk()) {
        log.warn("chat.postEphemeral failed: {}", r.getError());
      }
    } catch (Exception e) {
      log.warn("chat.postEphemeral failed: {}", e.toString());
    }
  }

  /** An answer to a command acknowledged earlier, through its response_url (works anywhere). */
  void respond(SlashCommandPayload p, BlockKit.Rendered part) {
    if (p.getResponseUrl() == null || p.getResponseUrl().isBlank()) {
      postEphemeral(p.getTeamId(), p.getChannelId(), p.getUserId(), null, part);
      return;
    }
    try {
      var r =
          new Responder(slack, p.getResponseUrl())
              .sendToCommand(
                  q -> q.responseType("ephemeral").text(part.text()).blocks(part.blocks()));
      if (r.getCode() / 100 != 2) {
        log.warn("response_url answered HTTP {}", r.getCode());
      }
    } catch (IOException e) {
      log.warn("response_url failed: {}", e.toString());
    }
  }

  /** Opens the forms an event asked for; each remembers its channel in its private metadata. */
  void openForms(String team, String triggerId, ChannelRef channel, List<Form> forms) {
    for (Form f : forms) {
      Form withChannel =
          new Form(f.id(), f.title(), f.submit(), channel.key() + "\n" + f.value(), f.inputs());
      Optional<String> token = tokens.tokenForTeam(team);
      if (token.isEmpty()) {
        continue;
      }
      try {
        // The trigger expires three seconds after the click, so this call cannot wait.
        var r =
            slack
                .methods(token.get())
                .viewsOpen(q -> q.triggerId(triggerId).view(BlockKit.modal(withChannel)));
        if (!r.isOk()) {
          log.warn("views.open failed: {}", r.getError());
        }
      } catch (Exception e) {
        log.warn("views.open failed: {}", e.toString());
      }
    }
  }

  /** Publishes the person's App Home (after the acknowledgement: it may wait on users.info). */
  void publishHome(String team, String user) {
    Optional<String> token = tokens.tokenForTeam(team);
    if (token.isEmpty()) {
      return;
    }
    try {
      List<Message> sections =
          bot.home(new TeamRef(SlackModule.PLATFORM, team), people.lookedUp(team, user));
      var r =
          slack
              .methods(token.get())
              .viewsPublish(q -> q.userId(user).view(BlockKit.home(sections)));
      if (!r.isOk()) {
        log.warn("views.publish failed: {}", r.getError());
      }
    } catch (Exception e) {
      log.warn("views.publish failed: {}", e.toString());
    }
  }
}
