package dev.sparring.slack;

import com.slack.api.model.event.AppMentionEvent;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events API events as the core sees them: a person's reply in a thread becomes an {@link
 * Inbound.MessagePosted}, an @mention outside the bot's threads asks for the help, and an uninstall
 * (or a revoked bot token) removes the workspace.
 */
final class SlackEvents {

  private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);

  private final Bot bot;
  private final Store store;
  private final SlackTokens tokens;
  private final SlackPeople people;
  private final SlackReplies replies;

  SlackEvents(Bot bot, Store store, SlackTokens tokens, SlackPeople people, SlackReplies replies) {
    this.bot = bot;
    this.store = store;
    this.tokens = tokens;
    this.people = people;
    this.replies = replies;
  }

  /** A message in a channel; only a person's reply in a thread matters to Sparring. */
  void message(
      String eventId,
      String enterprise,
      String team,
      String channel,
      String threadTs,
      String user,
      String botId,
      String text) {
    if (threadTs == null || user == null || botId != null || channel == null || eventId == null) {
      return; // not a person's reply in a thread: nothing for Sparring
    }
    tokens.rememberChannel(enterprise, team, channel);
    Inbound.MessagePosted in =
        new Inbound.MessagePosted(
            "slack:" + eventId,
            new TeamRef(SlackModule.PLATFORM, team),
            new ChannelRef(SlackModule.PLATFORM, channel),
            new ThreadRef(SlackModule.PLATFORM, threadTs),
            people.answerer(team, user),
            text == null ? "" : text);
    Bot.Result r = bot.handle(in); // a StoreException becomes a 503 and Slack retries
    replies.answerLater(team, r, threadTs);
  }

  /**
   * Someone wrote @Sparring: they get the help privately, where they wrote it. Inside a thread the
   * bot runs (an interview, a daily question), the message is an answer and the message event
   * handles it; the help would only be noise there.
   */
  void mentioned(String eventId, String enterprise, String team, AppMentionEvent e) {
    if (eventId == null || e.getUser() == null || e.getBotId() != null || e.getChannel() == null) {
      return;
    }
    ChannelRef channel = new ChannelRef(SlackModule.PLATFORM, e.getChannel());
    String thread = e.getThreadTs();
    if (thread != null
        && store.transact(tx -> tx.threads().byPlatformId(channel.key(), thread)).isPresent()) {
      return;
    }
    tokens.rememberChannel(enterprise, team, e.getChannel());
    Bot.Result r =
        bot.handle(
            new Inbound.CommandInvoked(
                "slack:mention:" + eventId,
                new TeamRef(SlackModule.PLATFORM, team),
                channel,
                people.answerer(team, e.getUser()),
                "help"));
    replies.answerLater(team, r, thread);
  }

  /**
   * The workspace's installation is gone ({@code app_uninstalled}, or its bot token revoked): its
   * tokens are deleted, so nothing more is sent with them, and the core stops the workspace's
   * scheduled work and cancels its queued messages ({@link Bot#teamRemoved}); its history stays. A
   * message already being sent fails ("no installation") and is dead-lettered.
   */
  void uninstalled(String enterprise, String team, String why) {
    tokens.removeInstallation(enterprise, team, why);
    people.forget(team);
    log.info(
        "Slack {}: {}, its installation was removed",
        StoreInstallationService.key(enterprise, team),
        why);
    if (team != null && !team.isBlank()) {
      bot.teamRemoved(new TeamRef(SlackModule.PLATFORM, team), "Slack: " + why);
    }
  }
}
