package dev.sparring.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.Event;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.sparring.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt handlers: which payload goes where ({@link SlackInteractions} for commands, buttons and
 * forms, {@link SlackEvents} for messages, mentions and uninstalls, {@link SlackReplies} for the
 * App Home), what each is acknowledged with, and the quiet acknowledgement of everything Sparring
 * does not use. Every handler runs the bot before it returns, so an event is recorded before the
 * ack.
 */
final class SlackRoutes {

  private static final Logger log = LoggerFactory.getLogger(SlackRoutes.class);
  private static final Pattern ANY = Pattern.compile(".*");

  private final SlackTokens tokens;
  private final SlackPeople people;
  private final SlackInteractions interactions;
  private final SlackEvents events;
  private final SlackReplies replies;

  SlackRoutes(
      SlackTokens tokens,
      SlackPeople people,
      SlackInteractions interactions,
      SlackEvents events,
      SlackReplies replies) {
    this.tokens = tokens;
    this.people = people;
    this.interactions = interactions;
    this.events = events;
    this.replies = replies;
  }

  /**
   * Requests no handler claims: an unknown slash command is not ours (404, as Bolt answers); any
   * other payload Slack may send is acknowledged quietly, so Slack neither retries it nor shows the
   * person an error.
   */
  static Response unmatched(Request<?> req) {
    if (req.getRequestType() == RequestType.Command) {
      return Response.json(404, "{\"error\":\"no handler found\"}");
    }
    log.debug("acknowledged a Slack request Sparring does not use: {}", req.getRequestType());
    return Response.ok();
  }

  void register(App app) {
    app.use(SlackRoutes::guarded);
    commands(app);
    messages(app);
    lifecycle(app);
    interactivity(app);
  }

  /**
   * A payload with missing or malformed ids (blank channel, no user...) cannot become an event:
   * answer 400 instead of letting the handler fail with a 500.
   */
  private static Response guarded(
      Request<?> req, Response resp, com.slack.api.bolt.middleware.MiddlewareChain chain)
      throws Exception {
    try {
      return chain.next(req);
    } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
      log.info("malformed Slack payload: {}", e.getMessage());
      return Response.builder()
          .statusCode(400)
          .contentType("text/plain; charset=utf-8")
          .body("malformed payload")
          .build();
    } catch (StoreException e) {
      // Not acknowledged, so Slack retries it; the event was not recorded.
      log.warn("store failure on a Slack request (Slack will retry): {}", e.getMessage());
      return Response.builder()
          .statusCode(503)
          .contentType("text/plain; charset=utf-8")
          .body("try again")
          .build();
    }
  }

  private void commands(App app) {
    app.command(
        SlackAdapter.COMMAND,
        (req, ctx) -> {
          var p = req.getPayload();
          tokens.rememberChannel(ctx.getEnterpriseId(), p.getTeamId(), p.getChannelId());
          List<BlockKit.Rendered> first = new ArrayList<>(1);
          people.withActor(
              p.getTeamId(),
              p.getUserId(),
              p.getUserName(),
              (actor, beforeAck) ->
                  interactions.command(p, actor, beforeAck).ifPresent(first::add));
          if (first.isEmpty()) {
            return ctx.ack(); // nothing to say yet, or it goes to the response_url later
          }
          BlockKit.Rendered part = first.get(0);
          return ctx.ack(q -> q.responseType("ephemeral").text(part.text()).blocks(part.blocks()));
        });

    // Another command sent to this URL (a misconfigured app): not Sparring's, and not worth
    // Bolt's multi-line warning.
    app.command(
        Pattern.compile("^(?!" + Pattern.quote(SlackAdapter.COMMAND) + "$).*", Pattern.DOTALL),
        (req, ctx) -> unmatched(req));
  }

  /** The parts of a message event that matter to Sparring. */
  private record Reply(String channel, String threadTs, String user, String botId, String text) {}

  private void messages(App app) {
    app.event(
        MessageEvent.class,
        replies(
            e ->
                new Reply(
                    e.getChannel(), e.getThreadTs(), e.getUser(), e.getBotId(), e.getText())));
    // A reply also sent to the channel, one with a file, or a /me reply is still a reply in the
    // thread.
    app.event(
        MessageThreadBroadcastEvent.class,
        replies(e -> new Reply(e.getChannel(), e.getThreadTs(), e.getUser(), null, e.getText())));
    app.event(
        MessageFileShareEvent.class,
        replies(e -> new Reply(e.getChannel(), e.getThreadTs(), e.getUser(), null, e.getText())));
    app.event(
        SlackMeMessage.class,
        replies(e -> new Reply(e.channel(), e.threadTs(), e.user(), e.botId(), e.text())));
    // Edits, deletions and bot messages (our own included) are acknowledged and ignored on
    // purpose: an answer counts as first sent, and the bot never answers itself. Every other
    // event (channel_join, reactions, member_joined_channel...) is acknowledged by Bolt's
    // auto-ack without a handler.
    app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());

    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          events.mentioned(
              payload.getEventId(), ctx.getEnterpriseId(), payload.getTeamId(), payload.getEvent());
          return ctx.ack();
        });
  }

  private <E extends Event> BoltEventHandler<E> replies(Function<E, Reply> read) {
    return (payload, ctx) -> {
      Reply r = read.apply(payload.getEvent());
      events.message(
          payload.getEventId(),
          ctx.getEnterpriseId(),
          payload.getTeamId(),
          r.channel(),
          r.threadTs(),
          r.user(),
          r.botId(),
          r.text());
      return ctx.ack();
    };
  }

  private void lifecycle(App app) {
    app.event(
        AppUninstalledEvent.class,
        (payload, ctx) -> {
          events.uninstalled(ctx.getEnterpriseId(), ctx.getTeamId(), "app uninstalled");
          return ctx.ack();
        });
    app.event(
        TokensRevokedEvent.class,
        (payload, ctx) -> {
          TokensRevokedEvent.Tokens revoked = payload.getEvent().getTokens();
          // Only bot tokens are used; revoked user tokens (tokens.oauth) change nothing here.
          if (revoked != null && revoked.getBot() != null && !revoked.getBot().isEmpty()) {
            events.uninstalled(ctx.getEnterpriseId(), ctx.getTeamId(), "bot token revoked");
          }
          return ctx.ack();
        });

    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent e = payload.getEvent();
          if ("home".equals(e.getTab()) || e.getTab() == null) {
            String team = payload.getTeamId();
            tokens.rememberTeam(ctx.getEnterpriseId(), team);
            replies.later(() -> replies.publishHome(team, e.getUser()));
          }
          return ctx.ack();
        });
  }

  private void interactivity(App app) {
    app.blockAction(
        ANY,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          if (p.getActions() == null
              || p.getActions().isEmpty()
              || p.getUser() == null
              || p.getTeam() == null) {
            return Response.builder().statusCode(400).body("no action").build();
          }
          String channel = p.getChannel() == null ? null : p.getChannel().getId();
          if (channel == null) {
            // Buttons in the App Home or inside a modal carry no channel; none are defined yet.
            return ctx.ack();
          }
          tokens.rememberChannel(ctx.getEnterpriseId(), p.getTeam().getId(), channel);
          people.withActor(
              p.getTeam().getId(),
              p.getUser().getId(),
              p.getUser().getUsername(),
              (actor, beforeAck) -> interactions.pressed(p, channel, actor));
          return ctx.ack();
        });

    app.viewSubmission(
        ANY,
        (req, ctx) -> {
          ViewSubmissionPayload p = req.getPayload();
          String meta =
              p.getView().getPrivateMetadata() == null ? "" : p.getView().getPrivateMetadata();
          if (meta.indexOf('\n') < 0) {
            return ctx.ack();
          }
          tokens.rememberTeam(ctx.getEnterpriseId(), p.getTeam().getId());
          people.withActor(
              p.getTeam().getId(),
              p.getUser().getId(),
              p.getUser().getUsername(),
              (actor, beforeAck) -> interactions.submitted(p, meta, actor));
          return ctx.ack();
        });

    // Interactions Sparring defines nothing for (a modal closed, a shortcut, options for a select
    // menu) are acknowledged quietly: Slack shows the person an error for anything else.
    app.viewClosed(ANY, (req, ctx) -> ctx.ack());
    app.globalShortcut(ANY, (req, ctx) -> ctx.ack());
    app.messageShortcut(ANY, (req, ctx) -> ctx.ack());
    app.blockSuggestion(ANY, (req, ctx) -> ctx.ack(r -> r.options(List.of())));
  }
}
