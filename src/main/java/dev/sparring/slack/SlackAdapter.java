package dev.sparring.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import dev.sparring.store.Store;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Translates Slack (through Bolt) to the core and back. Every handler turns the payload into an
 * {@link Inbound} event and runs {@link Bot#handle} before it returns, so an event is durably
 * recorded before Slack gets its acknowledgement; platform calls that answer the user (ephemerals,
 * modals, the App Home) happen after, on a small executor, and posts go through the outbox.
 *
 * <p>This class builds the Slack client and the Bolt app and wires the parts: {@link SlackTokens}
 * (tokens and installations), {@link SlackPeople} (who acted), {@link SlackRoutes} (the handlers),
 * {@link SlackInteractions} and {@link SlackEvents} (payloads as events) and {@link SlackReplies}
 * (the answers).
 */
public final class SlackAdapter implements AutoCloseable {

  static final String COMMAND = "/spar";

  private final SlackSettings settings;
  private final Store store;
  private final Slack slack;
  private final App app;
  private final SlackTokens tokens;
  private final SlackGateway gateway;
  private final SlackReplies replies;
  private final Clock clock;
  private final AfterAck after = new AfterAck();
  private final ExecutorService lookups = AfterAck.daemonPool(4, "slack-users");

  /** How long a Web API call may take before it counts as failed (and is resumed, not doubled). */
  public static final Duration API_TIMEOUT = Duration.ofSeconds(15);

  /**
   * How long a command, button or form may wait for {@code users.info} when the admin decision
   * needs it (the person is not in the cache yet). Past this, the request is acknowledged at once
   * and finished when Slack answers: Slack wants its acknowledgement within 3 s.
   */
  static final Duration LOOKUP_BUDGET = Duration.ofSeconds(1);

  /**
   * The bot scopes an install asks for: {@code files:write} lets pictures go out as files, {@code
   * im:write} opens the direct messages of reminders.
   */
  public static final String SCOPES =
      "commands,chat:write,users:read,channels:history,groups:history,app_mentions:read,"
          + "files:write,im:write,im:history";

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
    this.store = store;
    this.clock = clock;
    this.slack = Slack.getInstance(clientConfig(settings, apiTimeout));
    this.tokens = new SlackTokens(settings, store);
    SlackPeople people =
        new SlackPeople(
            new SlackUsers(slack, tokens::tokenForTeam, lookups, clock),
            store,
            lookupBudget,
            after);
    this.gateway =
        new SlackGateway(
            slack,
            tokens::tokenForChannel,
            tokens::tokenForTeam,
            new SlackDmChannels(store, clock),
            clock);
    this.replies = new SlackReplies(slack, tokens, people, bot, after);
    this.app = bolt(settings, slack, tokens.installations());
    new SlackRoutes(
            tokens,
            people,
            new SlackInteractions(bot, replies),
            new SlackEvents(bot, store, tokens, people, replies),
            replies)
        .register(app);
  }

  private static SlackConfig clientConfig(SlackSettings settings, Duration apiTimeout) {
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
    return config;
  }

  /** The Bolt app, without handlers yet. */
  private static App bolt(
      SlackSettings settings, Slack slack, StoreInstallationService installations) {
    AppConfig.AppConfigBuilder appConfig =
        AppConfig.builder()
            .slack(slack)
            .signingSecret(settings.signingSecret())
            // Bolt's self-event check asks bots.info (before the acknowledgement, and a failure
            // becomes an error answer); the handlers ignore every bot's messages anyway.
            .ignoringSelfEventsEnabled(false)
            // Events Sparring has no use for (channel_join, reactions, ...) get a quiet 200
            // instead of Bolt's 404 and multi-line warning, which Slack counts as failures.
            .allEventsApiAutoAckEnabled(true)
            .unmatchedRequestHandler(SlackRoutes::unmatched);
    if (!settings.oauth()) {
      // The token was checked with auth.test at start-up; Bolt would otherwise ask again (before
      // the acknowledgement) on the first request and every ten minutes.
      appConfig.singleTeamBotToken(settings.botToken()).authTestCacheExpirationMillis(-1L);
      return new App(appConfig.build());
    }
    appConfig.clientId(settings.clientId()).clientSecret(settings.clientSecret()).scope(SCOPES);
    // Bolt's defaults minus its authorization, which calls auth.test before every ack.
    List<Middleware> middleware = new ArrayList<>();
    middleware.add(new SSLCheck(null));
    middleware.add(
        new RequestVerification(
            new SlackSignature.Verifier(new SlackSignature.Generator(settings.signingSecret()))));
    middleware.add(new StoreAuthorization(installations));
    App app = new App(appConfig.build(), middleware);
    app.service(installations);
    return app;
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
        new SocketModeApp(settings.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
    socket.startAsync();
    return socket::close;
  }

  /** What the HTTP server serves for Slack: events, commands and actions on one URL; OAuth. */
  public Map<String, HttpServlet> servlets() {
    Map<String, HttpServlet> m = new LinkedHashMap<>();
    m.put("/slack/events", new GuardedSlackServlet(app));
    if (settings.oauth()) {
      for (SlackOAuthServlet.Step step : SlackOAuthServlet.Step.values()) {
        m.put(
            step == SlackOAuthServlet.Step.INSTALL
                ? SlackOAuthServlet.INSTALL_PATH
                : SlackOAuthServlet.REDIRECT_PATH,
            new SlackOAuthServlet(
                step, settings, slack, store, tokens.installations(), clock, SCOPES, USER_SCOPES));
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

  /** The bot token that serves a workspace, if it has one that works. */
  Optional<String> tokenForTeam(String teamId) {
    return tokens.tokenForTeam(teamId);
  }

  /** Publishes the person's App Home. */
  void publishHome(String team, String user) {
    replies.publishHome(team, user);
  }

  /** Several ephemerals of one event become one message. */
  static Message merge(List<Outbound.Ephemeral> ephemerals) {
    return SlackReplies.merge(ephemerals);
  }

  /** Waits for after-ack work (tests and shutdown). */
  void awaitIdle() throws InterruptedException {
    after.awaitIdle(10);
  }

  @Override
  public void close() {
    lookups.shutdownNow();
    after.close();
  }
}
