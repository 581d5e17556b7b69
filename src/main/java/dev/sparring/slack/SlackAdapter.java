package dev.sparring.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.sparring.core.Actor;
import dev.sparring.core.Bot;
import dev.sparring.core.ChannelRef;
import dev.sparring.core.Form;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import dev.sparring.core.Message;
import dev.sparring.core.Outbound;
import dev.sparring.core.Platform;
import dev.sparring.core.TeamRef;
import dev.sparring.core.ThreadRef;
import dev.sparring.core.UserRef;
import dev.sparring.store.Store;
import dev.sparring.store.StoreException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates Slack (through Bolt) to the core and back. Every handler turns the payload into an
 * {@link Inbound} event and runs {@link Bot#handle} before it returns, so an event is durably
 * recorded before Slack gets its acknowledgement; platform calls that answer the user (ephemerals,
 * modals, the App Home) happen after, on a small executor, and posts go through the outbox.
 */
public final class SlackAdapter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
  static final String COMMAND = "/spar";

  private final SlackSettings settings;
  private final Bot bot;
  private final Store store;
  private final Slack slack;
  private final App app;
  private final SlackUsers users;
  private final SlackGateway gateway;
  private final ExecutorService after =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "slack-after-ack");
            t.setDaemon(true);
            return t;
          });

  /** How long a Web API call may take before it counts as failed (and is resumed, not doubled). */
  public static final java.time.Duration API_TIMEOUT = java.time.Duration.ofSeconds(15);

  public SlackAdapter(SlackSettings settings, Bot bot, Store store, Clock clock) {
    this(settings, bot, store, clock, API_TIMEOUT);
  }

  public SlackAdapter(
      SlackSettings settings, Bot bot, Store store, Clock clock, java.time.Duration apiTimeout) {
    this.settings = settings;
    this.bot = bot;
    this.store = store;
    SlackConfig config = new SlackConfig();
    if (settings.apiUrl() != null) {
      config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    }
    config.setFailOnUnknownProperties(false);
    int timeout = (int) Math.min(Integer.MAX_VALUE, apiTimeout.toMillis());
    config.setHttpClientReadTimeoutMillis(timeout);
    config.setHttpClientWriteTimeoutMillis(timeout);
    config.setHttpClientCallTimeoutMillis(timeout);
    this.slack = Slack.getInstance(config);
    this.users = new SlackUsers(slack, this::tokenForTeam);
    this.gateway = new SlackGateway(slack, this::tokenForChannel, clock);
    AppConfig.AppConfigBuilder appConfig =
        AppConfig.builder().slack(slack).signingSecret(settings.signingSecret());
    if (settings.oauth()) {
      appConfig
          .clientId(settings.clientId())
          .clientSecret(settings.clientSecret())
          .scope("commands,chat:write,users:read,channels:history,groups:history")
          .oauthInstallPath("install")
          .oauthRedirectUriPath("oauth_redirect");
    } else {
      appConfig.singleTeamBotToken(settings.botToken());
    }
    this.app = new App(appConfig.build());
    if (settings.oauth()) {
      app.service(new StoreInstallationService(store));
    }
    register();
  }

  /**
   * Starts Bolt (with a bot token it checks the token with {@code auth.test}, so a bad token fails
   * here, at start-up, rather than on the first event).
   */
  public SlackAdapter start() {
    app.start();
    return this;
  }

  /**
   * Connects over Socket Mode (no public URL needed): Slack pushes the same payloads through a
   * WebSocket opened with the app-level token, and the same handlers answer them.
   */
  public AutoCloseable startSocketMode() throws Exception {
    var socket =
        new com.slack.api.bolt.socket_mode.SocketModeApp(
            settings.appToken(),
            com.slack.api.socket_mode.SocketModeClient.Backend.JavaWebSocket,
            app);
    socket.startAsync();
    return socket::close;
  }

  /** What the HTTP server serves for Slack: events, commands and actions on one URL; OAuth. */
  public java.util.Map<String, jakarta.servlet.http.HttpServlet> servlets() {
    java.util.Map<String, jakarta.servlet.http.HttpServlet> m = new java.util.LinkedHashMap<>();
    m.put("/slack/events", new GuardedSlackServlet(app));
    if (settings.oauth()) {
      App oauth = new App(app.config()).asOAuthApp(true);
      oauth.service(new StoreInstallationService(store));
      var servlet = new com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet(oauth);
      m.put("/slack/install", servlet);
      m.put("/slack/oauth_redirect", servlet);
    }
    return m;
  }

  /** The gateway the outbox dispatcher delivers Slack messages through. */
  public Gateway gateway() {
    return gateway;
  }

  App app() {
    return app;
  }

  // ---- tokens

  Optional<String> tokenForTeam(String teamId) {
    if (!settings.oauth()) {
      return Optional.of(settings.botToken());
    }
    return StoreInstallationService.botToken(store, teamId);
  }

  Optional<String> tokenForChannel(String channelKey) {
    if (!settings.oauth()) {
      return Optional.of(settings.botToken());
    }
    return store
        .transact(tx -> tx.kv().get("slack.channel-team", channelKey))
        .flatMap(this::tokenForTeam);
  }

  private void rememberChannel(String team, String channel) {
    if (settings.oauth() && channel != null) {
      String key = new ChannelRef(Platform.SLACK, channel).key();
      store.transact(
          tx -> {
            if (tx.kv().get("slack.channel-team", key).isEmpty()) {
              tx.kv().put("slack.channel-team", key, team);
            }
            return null;
          });
    }
  }

  private Actor actor(String team, String user, String name) {
    SlackUsers.Profile p = users.get(team, user, name);
    return new Actor(new UserRef(Platform.SLACK, user), p.name(), p.admin());
  }

  // ---- handlers

  private void register() {
    // A payload with missing or malformed ids (blank channel, no user...) cannot become an event:
    // answer 400 instead of letting the handler fail with a 500.
    app.use(
        (req, resp, chain) -> {
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
            log.error("store failure on a Slack request", e);
            return Response.builder()
                .statusCode(503)
                .contentType("text/plain; charset=utf-8")
                .body("try again")
                .build();
          }
        });
    app.command(
        COMMAND,
        (req, ctx) -> {
          var p = req.getPayload();
          rememberChannel(p.getTeamId(), p.getChannelId());
          Inbound.CommandInvoked in =
              new Inbound.CommandInvoked(
                  "slack:cmd:" + p.getTriggerId(),
                  new TeamRef(Platform.SLACK, p.getTeamId()),
                  new ChannelRef(Platform.SLACK, p.getChannelId()),
                  actor(p.getTeamId(), p.getUserId(), p.getUserName()),
                  p.getText());
          Bot.Result r;
          try {
            r = bot.handle(in);
          } catch (StoreException e) {
            log.error("store failure on /spar", e);
            return ctx.ack(
                "Sorry, Sparring cannot reach its database right now; nothing was changed. Please"
                    + " try again in a minute.");
          }
          openForms(p.getTeamId(), p.getTriggerId(), in.channel(), r.forms());
          if (r.ephemerals().isEmpty()) {
            return ctx.ack();
          }
          List<BlockKit.Rendered> first = BlockKit.render(merge(r.ephemerals()));
          for (BlockKit.Rendered more : first.subList(1, first.size())) {
            later(() -> postEphemeral(p.getTeamId(), p.getChannelId(), p.getUserId(), null, more));
          }
          return ctx.ack(
              q ->
                  q.responseType("ephemeral")
                      .text(first.get(0).text())
                      .blocks(first.get(0).blocks()));
        });

    app.event(
        MessageEvent.class,
        replies(
            e ->
                new Reply(
                    e.getChannel(), e.getThreadTs(), e.getUser(), e.getBotId(), e.getText())));
    // A reply also sent to the channel, or one with a file, is still a reply in the thread.
    app.event(
        MessageThreadBroadcastEvent.class,
        replies(e -> new Reply(e.getChannel(), e.getThreadTs(), e.getUser(), null, e.getText())));
    app.event(
        MessageFileShareEvent.class,
        replies(e -> new Reply(e.getChannel(), e.getThreadTs(), e.getUser(), null, e.getText())));
    // Edits, deletions and bot messages (our own included) are acknowledged and ignored on
    // purpose: an answer counts as first sent, and the bot never answers itself.
    app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());

    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent e = payload.getEvent();
          if ("home".equals(e.getTab()) || e.getTab() == null) {
            String team = payload.getTeamId();
            later(() -> publishHome(team, e.getUser()));
          }
          return ctx.ack();
        });

    app.blockAction(
        Pattern.compile(".*"),
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          if (p.getActions() == null
              || p.getActions().isEmpty()
              || p.getUser() == null
              || p.getTeam() == null) {
            return Response.builder().statusCode(400).body("no action").build();
          }
          BlockActionPayload.Action a = p.getActions().get(0);
          String team = p.getTeam().getId();
          String channel = p.getChannel() == null ? null : p.getChannel().getId();
          if (channel == null) {
            return ctx.ack(); // buttons on the App Home carry no channel; none are defined yet
          }
          rememberChannel(team, channel);
          String thread =
              p.getMessage() == null
                  ? null
                  : p.getMessage().getThreadTs() != null
                      ? p.getMessage().getThreadTs()
                      : p.getMessage().getTs();
          Inbound.ButtonPressed in =
              new Inbound.ButtonPressed(
                  "slack:act:" + p.getTriggerId(),
                  new TeamRef(Platform.SLACK, team),
                  new ChannelRef(Platform.SLACK, channel),
                  thread == null ? null : new ThreadRef(Platform.SLACK, thread),
                  actor(team, p.getUser().getId(), p.getUser().getUsername()),
                  BlockKit.action(a.getActionId()),
                  a.getValue());
          Bot.Result r = bot.handle(in);
          openForms(team, p.getTriggerId(), in.channel(), r.forms());
          answerLater(team, r, thread);
          return ctx.ack();
        });

    app.viewSubmission(
        Pattern.compile(".*"),
        (req, ctx) -> {
          ViewSubmissionPayload p = req.getPayload();
          String meta =
              p.getView().getPrivateMetadata() == null ? "" : p.getView().getPrivateMetadata();
          int nl = meta.indexOf('\n');
          if (nl < 0) {
            return ctx.ack();
          }
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
                                fields.put(
                                    action, value.getValue() == null ? "" : value.getValue())));
          }
          Inbound.ModalSubmitted in =
              new Inbound.ModalSubmitted(
                  "slack:view:" + p.getView().getId() + ":" + p.getView().getHash(),
                  new TeamRef(Platform.SLACK, team),
                  ChannelRef.parse(meta.substring(0, nl)),
                  actor(team, p.getUser().getId(), p.getUser().getUsername()),
                  p.getView().getCallbackId(),
                  meta.substring(nl + 1),
                  fields);
          Bot.Result r = bot.handle(in);
          answerLater(team, r, null);
          return ctx.ack();
        });
  }

  /** The parts of a message event that matter to Sparring. */
  private record Reply(String channel, String threadTs, String user, String botId, String text) {}

  private <E extends com.slack.api.model.event.Event>
      com.slack.api.bolt.handler.BoltEventHandler<E> replies(
          java.util.function.Function<E, Reply> read) {
    return (payload, ctx) -> {
      Reply r = read.apply(payload.getEvent());
      onMessage(
          payload.getEventId(),
          payload.getTeamId(),
          r.channel(),
          r.threadTs(),
          r.user(),
          r.botId(),
          r.text());
      return ctx.ack();
    };
  }

  private void onMessage(
      String eventId,
      String team,
      String channel,
      String threadTs,
      String user,
      String botId,
      String text) {
    if (threadTs == null || user == null || botId != null || channel == null || eventId == null) {
      return; // not a person's reply in a thread: nothing for Sparring
    }
    rememberChannel(team, channel);
    Inbound.MessagePosted in =
        new Inbound.MessagePosted(
            "slack:" + eventId,
            new TeamRef(Platform.SLACK, team),
            new ChannelRef(Platform.SLACK, channel),
            new ThreadRef(Platform.SLACK, threadTs),
            actor(team, user, null),
            text == null ? "" : text);
    Bot.Result r = bot.handle(in); // a StoreException becomes a 500 and Slack retries
    answerLater(team, r, threadTs);
  }

  // ---- after the ack

  private void answerLater(String team, Bot.Result r, String threadTs) {
    for (Outbound.Ephemeral e : r.ephemerals()) {
      for (BlockKit.Rendered part : BlockKit.render(e.message())) {
        later(() -> postEphemeral(team, e.channel().id(), e.user().id(), threadTs, part));
      }
    }
  }

  private void postEphemeral(
      String team, String channel, String user, String threadTs, BlockKit.Rendered part) {
    Optional<String> token = tokenForTeam(team);
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

  private void openForms(String team, String triggerId, ChannelRef channel, List<Form> forms) {
    for (Form f : forms) {
      Form withChannel =
          new Form(f.id(), f.title(), f.submit(), channel.key() + "\n" + f.value(), f.inputs());
      Optional<String> token = tokenForTeam(team);
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

  void publishHome(String team, String user) {
    Optional<String> token = tokenForTeam(team);
    if (token.isEmpty()) {
      return;
    }
    try {
      List<Message> sections = bot.home(new TeamRef(Platform.SLACK, team), actor(team, user, null));
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

  private void later(Runnable r) {
    after.execute(
        () -> {
          try {
            r.run();
          } catch (RuntimeException e) {
            log.warn("after-ack work failed", e);
          }
        });
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

  /** Waits for after-ack work (tests and shutdown). */
  void awaitIdle() throws InterruptedException {
    after.shutdown();
    after.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    after.shutdown();
    try {
      after.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
