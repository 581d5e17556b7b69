package dev.sparring.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Form;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Store;
import dev.sparring.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private final StoreInstallationService installations;
  private final Clock clock;

  /** Workspace-to-org pairs already recorded ("T…:E…"), so a payload costs no extra write. */
  private final java.util.Set<String> knownEnterprises =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Duration lookupBudget;
  private final Duration apiTimeout;
  private final ExecutorService after = daemonPool(4, "slack-after-ack");
  private final ExecutorService lookups = daemonPool(4, "slack-users");

  /** Set once Slack says the configured single-workspace bot token is dead (uninstall, revoke). */
  private volatile boolean botTokenRevoked;

  /** How long a Web API call may take before it counts as failed (and is resumed, not doubled). */
  public static final Duration API_TIMEOUT = Duration.ofSeconds(15);

  /**
   * How long a command, button or form may wait for {@code users.info} when the admin decision
   * needs it (the person is not in the cache yet). Past this, the request is acknowledged at once
   * and finished when Slack answers: Slack wants its acknowledgement within 3 s.
   */
  static final Duration LOOKUP_BUDGET = Duration.ofSeconds(1);

  public static final String SCOPES =
      "commands,chat:write,users:read,channels:history,groups:history,app_mentions:read";

  /** Sparring acts only as its bot: an install asks people for no user scopes. */
  static final String USER_SCOPES = "";

  public SlackAdapter(SlackSettings settings, Bot bot, Store store, Clock clock) {
    this(settings, bot, store, clock, API_TIMEOUT);
  }

  public SlackAdapter(
      SlackSettings settings, Bot bot, Store store, Clock clock, Duration apiTimeout) {
    this(settings, bot, store, clock, apiTimeout, LOOKUP_BUDGET);
  }

  SlackAdapter(
      SlackSettings settings,
      Bot bot,
      Store store,
      Clock clock,
      Duration apiTimeout,
      Duration lookupBudget) {
    this.settings = settings;
    this.bot = bot;
    this.store = store;
    this.clock = clock;
    this.apiTimeout = apiTimeout;
    this.lookupBudget = lookupBudget;
    SlackConfig config = new SlackConfig();
    if (settings.apiUrl() != null) {
      config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    }
    config.setFailOnUnknownProperties(false);
    // The client's call statistics resolve each token's team with an extra auth.test before its
    // first call; Sparring does not read them.
    config.setStatsEnabled(false);
    int timeout = (int) Math.min(Integer.MAX_VALUE, apiTimeout.toMillis());
    config.setHttpClientReadTimeoutMillis(timeout);
    config.setHttpClientWriteTimeoutMillis(timeout);
    config.setHttpClientCallTimeoutMillis(timeout);
    this.slack = Slack.getInstance(config);
    if (settings.oauth() && settings.secretKey() == null) {
      throw new IllegalArgumentException(
          "OAuth installs (SLACK_CLIENT_ID) need SPARRING_SECRET_KEY to encrypt the stored tokens");
    }
    this.installations =
        new StoreInstallationService(
            store, settings.secretKey() == null ? null : new TokenCipher(settings.secretKey()));
    this.users = new SlackUsers(slack, this::tokenForTeam, lookups, clock);
    this.gateway = new SlackGateway(slack, this::tokenForChannel, clock);
    this.botTokenRevoked = !settings.oauth() && revoked(store, settings.botToken());
    AppConfig.AppConfigBuilder appConfig =
        AppConfig.builder()
            .slack(slack)
            .signingSecret(settings.signingSecret())
            // Bolt's self-event check asks bots.info (before the acknowledgement, and a failure
            // becomes an error answer); the handlers below ignore every bot's messages anyway.
            .ignoringSelfEventsEnabled(false)
            // Events Sparring has no use for (channel_join, reactions, ...) get a quiet 200
            // instead of Bolt's 404 and multi-line warning, which Slack counts as failures.
            .allEventsApiAutoAckEnabled(true)
            .unmatchedRequestHandler(SlackAdapter::unmatched);
    List<com.slack.api.bolt.middleware.Middleware> middleware = null;
    if (settings.oauth()) {
      appConfig.clientId(settings.clientId()).clientSecret(settings.clientSecret()).scope(SCOPES);
      // Bolt's defaults minus its authorization, which calls auth.test before every ack.
      middleware = new java.util.ArrayList<>();
      middleware.add(new com.slack.api.bolt.middleware.builtin.SSLCheck(null));
      middleware.add(
          new com.slack.api.bolt.middleware.builtin.RequestVerification(
              new com.slack.api.app_backend.SlackSignature.Verifier(
                  new com.slack.api.app_backend.SlackSignature.Generator(
                      settings.signingSecret()))));
      middleware.add(new StoreAuthorization(installations));
    } else {
      // The token was checked with auth.test at start-up; Bolt would otherwise ask again (before
      // the acknowledgement) on the first request and every ten minutes.
      appConfig.singleTeamBotToken(settings.botToken()).authTestCacheExpirationMillis(-1L);
    }
    this.app =
        middleware == null ? new App(appConfig.build()) : new App(appConfig.build(), middleware);
    if (settings.oauth()) {
      app.service(installations);
    }
    register();
  }

  private static ExecutorService daemonPool(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Requests no handler claims: an unknown slash command is not ours (404, as Bolt answers); any
   * other payload Slack may send is acknowledged quietly, so Slack neither retries it nor shows the
   * person an error.
   */
  private static Response unmatched(com.slack.api.bolt.request.Request<?> req) {
    if (req.getRequestType() == com.slack.api.bolt.request.RequestType.Command) {
      return Response.json(404, "{\"error\":\"no handler found\"}");
    }
    log.debug("acknowledged a Slack request Sparring does not use: {}", req.getRequestType());
    return Response.ok();
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
      for (SlackOAuthServlet.Step step : SlackOAuthServlet.Step.values()) {
        m.put(
            step == SlackOAuthServlet.Step.INSTALL
                ? SlackOAuthServlet.INSTALL_PATH
                : SlackOAuthServlet.REDIRECT_PATH,
            new SlackOAuthServlet(
                step, settings, slack, store, installations, clock, SCOPES, USER_SCOPES));
      }
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
      return botTokenRevoked ? Optional.empty() : Optional.of(settings.botToken());
    }
    return installations.botToken(teamId);
  }

  Optional<String> tokenForChannel(String channelKey) {
    if (!settings.oauth()) {
      return botTokenRevoked ? Optional.empty() : Optional.of(settings.botToken());
    }
    return store
        .transact(tx -> tx.kv().get("slack.channel-team", channelKey))
        .flatMap(this::tokenForTeam);
  }

  private static final String SCOPE_REVOKED = "slack.revoked-token";

  /**
   * Whether Slack said this single-workspace token is dead. Kept by a fingerprint of the token, so
   * a new token (the app reinstalled, the bot restarted with it) works at once.
   */
  private static boolean revoked(Store store, String token) {
    return store.transact(tx -> tx.kv().get(SCOPE_REVOKED, fingerprint(token))).isPresent();
  }

  private static String fingerprint(String token) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /**
   * The workspace's installation is gone ({@code app_uninstalled}, or its bot token revoked): its
   * tokens are deleted, so nothing more is sent with them, and the core stops the workspace's
   * scheduled work and cancels its queued messages ({@link Bot#teamRemoved}); its history stays. A
   * message already being sent fails ("no installation") and is dead-lettered.
   */
  private void uninstalled(String enterprise, String team, String why) {
    if (settings.oauth()) {
      installations.deleteAll(enterprise, team);
    } else {
      store.transact(
          tx -> {
            tx.kv().put(SCOPE_REVOKED, fingerprint(settings.botToken()), team + " " + why);
            return null;
          });
      botTokenRevoked = true;
    }
    if (team == null) {
      users.forgetAll(); // an org-wide install: its workspaces are not listed in the payload
    } else {
      users.forgetTeam(team);
    }
    log.info(
        "Slack {}: {}, its installation was removed",
        StoreInstallationService.key(enterprise, team),
        why);
    if (team != null && !team.isBlank()) {
      bot.teamRemoved(new TeamRef(SlackModule.PLATFORM, team), "Slack: " + why);
    }
  }

  /**
   * Records which Grid org a workspace belongs to (from a payload that names both), so work for it
   * later (a daily post, a follow-up on another replica) finds the org's installation too.
   */
  private void rememberTeam(String enterprise, String team) {
    if (!settings.oauth() || enterprise == null || team == null) {
      return;
    }
    if (knownEnterprises.add(team + ":" + enterprise)) {
      installations.rememberEnterprise(team, enterprise);
    }
  }

  private void rememberChannel(String enterprise, String team, String channel) {
    rememberTeam(enterprise, team);
    if (settings.oauth() && channel != null) {
      String key = new ChannelRef(SlackModule.PLATFORM, channel).key();
      store.transact(
          tx -> {
            if (tx.kv().get("slack.channel-team", key).isEmpty()) {
              tx.kv().put("slack.channel-team", key, team);
            }
            return null;
          });
    }
  }

  // ---- people

  private static Actor actor(String user, SlackUsers.Profile p, String fallbackName) {
    return p == null
        ? new Actor(new UserRef(SlackModule.PLATFORM, user), fallbackName, false)
        : new Actor(new UserRef(SlackModule.PLATFORM, user), p.name(), p.admin());
  }

  /**
   * Who wrote an answer, without waiting on Slack: the cached profile, else the name Sparring last
   * saw for them (a look-up starts in the background for next time). Answers need no admin rights.
   */
  private Actor answerer(String team, String user) {
    Optional<SlackUsers.Profile> p = users.known(team, user);
    if (p.isPresent()) {
      return actor(user, p.get(), null);
    }
    String teamKey = new TeamRef(SlackModule.PLATFORM, team).key();
    String userKey = new UserRef(SlackModule.PLATFORM, user).key();
    return actor(user, null, store.transact(tx -> Profiles.name(tx, teamKey, userKey)));
  }

  /** Work that needs to know who acted; {@code beforeAck} is false once Slack has its answer. */
  private interface ActorWork {
    void run(Actor actor, boolean beforeAck);
  }

  /**
   * Runs {@code work} with the person's profile: now, if it is cached or Slack answers within the
   * look-up budget, else once Slack answers, after the request has been acknowledged. Admin-only
   * commands and buttons need the profile to be decided correctly, and Slack wants its
   * acknowledgement within 3 s.
   */
  private void withActor(String team, String user, String fallbackName, ActorWork work) {
    CompletableFuture<SlackUsers.Profile> lookup = users.lookup(team, user);
    SlackUsers.Profile p;
    try {
      p = lookup.get(lookupBudget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.info("users.info is slow: {}'s request is finished after the acknowledgement", user);
      lookup.thenAcceptAsync(
          late -> {
            try {
              work.run(actor(user, late, fallbackName), false);
            } catch (RuntimeException failure) {
              log.warn("after-ack work failed", failure);
            }
          },
          after);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Slack who acted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      p = null; // lookup() completes with null on failures; this is only for safety
    }
    work.run(actor(user, p, fallbackName), true);
  }

  // ---- handlers

  private static final Pattern ANY = Pattern.compile(".*");

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
            log.warn("store failure on a Slack request (Slack will retry): {}", e.getMessage());
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
          rememberChannel(ctx.getEnterpriseId(), p.getTeamId(), p.getChannelId());
          List<BlockKit.Rendered> first = new java.util.ArrayList<>(1);
          withActor(
              p.getTeamId(),
              p.getUserId(),
              p.getUserName(),
              (actor, beforeAck) -> command(p, actor, beforeAck).ifPresent(first::add));
          if (first.isEmpty()) {
            return ctx.ack(); // nothing to say yet, or it goes to the response_url later
          }
          BlockKit.Rendered part = first.get(0);
          return ctx.ack(q -> q.responseType("ephemeral").text(part.text()).blocks(part.blocks()));
        });

    // Another command sent to this URL (a misconfigured app): not Sparring's, and not worth
    // Bolt's multi-line warning.
    app.command(
        Pattern.compile("^(?!" + Pattern.quote(COMMAND) + "$).*", Pattern.DOTALL),
        (req, ctx) -> unmatched(req));

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
          mentioned(
              payload.getEventId(), ctx.getEnterpriseId(), payload.getTeamId(), payload.getEvent());
          return ctx.ack();
        });
    app.event(
        AppUninstalledEvent.class,
        (payload, ctx) -> {
          uninstalled(ctx.getEnterpriseId(), ctx.getTeamId(), "app uninstalled");
          return ctx.ack();
        });
    app.event(
        TokensRevokedEvent.class,
        (payload, ctx) -> {
          TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
          // Only bot tokens are used; revoked user tokens (tokens.oauth) change nothing here.
          if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            uninstalled(ctx.getEnterpriseId(), ctx.getTeamId(), "bot token revoked");
          }
          return ctx.ack();
        });

    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent e = payload.getEvent();
          if ("home".equals(e.getTab()) || e.getTab() == null) {
            String team = payload.getTeamId();
            rememberTeam(ctx.getEnterpriseId(), team);
            later(() -> publishHome(team, e.getUser()));
          }
          return ctx.ack();
        });

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
          rememberChannel(ctx.getEnterpriseId(), p.getTeam().getId(), channel);
          withActor(
              p.getTeam().getId(),
              p.getUser().getId(),
              p.getUser().getUsername(),
              (actor, beforeAck) -> pressed(p, channel, actor));
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
          rememberTeam(ctx.getEnterpriseId(), p.getTeam().getId());
          withActor(
              p.getTeam().getId(),
              p.getUser().getId(),
              p.getUser().getUsername(),
              (actor, beforeAck) -> submitted(p, meta, actor));
          return ctx.ack();
        });

    // Interactions Sparring defines nothing for (a modal closed, a shortcut, options for a select
    // menu) are acknowledged quietly: Slack shows the person an error for anything else.
    app.viewClosed(ANY, (req, ctx) -> ctx.ack());
    app.globalShortcut(ANY, (req, ctx) -> ctx.ack());
    app.messageShortcut(ANY, (req, ctx) -> ctx.ack());
    app.blockSuggestion(ANY, (req, ctx) -> ctx.ack(r -> r.options(List.of())));
  }

  /**
   * Handles {@code /spar}. Before the acknowledgement, the first part of the answer is returned to
   * go into it; after, every part goes to the command's {@code response_url}.
   */
  private Optional<BlockKit.Rendered> command(
      com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload p,
      Actor actor,
      boolean beforeAck) {
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
      openForms(p.getTeamId(), p.getTriggerId(), in.channel(), r.forms());
      if (r.ephemerals().isEmpty()) {
        return Optional.empty();
      }
      parts = BlockKit.render(merge(r.ephemerals()));
    } catch (StoreException e) {
      log.warn("store failure on /spar: {}", e.getMessage());
      parts =
          BlockKit.render(
              Message.text(
                  "Sorry, Sparring cannot reach its database right now; nothing was changed."
                      + " Please try again in a minute."));
    }
    if (!beforeAck) {
      parts.forEach(part -> respond(p, part));
      return Optional.empty();
    }
    for (BlockKit.Rendered more : parts.subList(1, parts.size())) {
      later(() -> postEphemeral(p.getTeamId(), p.getChannelId(), p.getUserId(), null, more));
    }
    return Optional.of(parts.get(0));
  }

  /** An answer to a command acknowledged earlier, through its response_url (works anywhere). */
  private void respond(
      com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload p,
      BlockKit.Rendered part) {
    if (p.getResponseUrl() == null || p.getResponseUrl().isBlank()) {
      postEphemeral(p.getTeamId(), p.getChannelId(), p.getUserId(), null, part);
      return;
    }
    try {
      var r =
          new com.slack.api.bolt.util.Responder(slack, p.getResponseUrl())
              .sendToCommand(
                  q -> q.responseType("ephemeral").text(part.text()).blocks(part.blocks()));
      if (r.getCode() / 100 != 2) {
        log.warn("response_url answered HTTP {}", r.getCode());
      }
    } catch (java.io.IOException e) {
      log.warn("response_url failed: {}", e.toString());
    }
  }

  private void pressed(BlockActionPayload p, String channel, Actor actor) {
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
    openForms(team, p.getTriggerId(), in.channel(), r.forms());
    answerLater(team, r, thread);
  }

  private void submitted(ViewSubmissionPayload p, String meta, Actor actor) {
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
    answerLater(team, r, null);
  }

  /**
   * Someone wrote @Sparring: they get the help privately, where they wrote it. Inside a thread the
   * bot runs (an interview, a daily question), the message is an answer and the message event
   * handles it; the help would only be noise there.
   */
  private void mentioned(String eventId, String enterprise, String team, AppMentionEvent e) {
    if (eventId == null || e.getUser() == null || e.getBotId() != null || e.getChannel() == null) {
      return;
    }
    ChannelRef channel = new ChannelRef(SlackModule.PLATFORM, e.getChannel());
    String thread = e.getThreadTs();
    if (thread != null
        && store.transact(tx -> tx.threads().byPlatformId(channel.key(), thread)).isPresent()) {
      return;
    }
    rememberChannel(enterprise, team, e.getChannel());
    Bot.Result r =
        bot.handle(
            new Inbound.CommandInvoked(
                "slack:mention:" + eventId,
                new TeamRef(SlackModule.PLATFORM, team),
                channel,
                answerer(team, e.getUser()),
                "help"));
    answerLater(team, r, thread);
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

  private void onMessage(
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
    rememberChannel(enterprise, team, channel);
    Inbound.MessagePosted in =
        new Inbound.MessagePosted(
            "slack:" + eventId,
            new TeamRef(SlackModule.PLATFORM, team),
            new ChannelRef(SlackModule.PLATFORM, channel),
            new ThreadRef(SlackModule.PLATFORM, threadTs),
            answerer(team, user),
            text == null ? "" : text);
    Bot.Result r = bot.handle(in); // a StoreException becomes a 503 and Slack retries
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
      SlackUsers.Profile p = users.lookup(team, user).join(); // after the ack: may wait
      List<Message> sections =
          bot.home(new TeamRef(SlackModule.PLATFORM, team), actor(user, p, null));
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
    lookups.shutdownNow();
    after.shutdown();
    try {
      after.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
