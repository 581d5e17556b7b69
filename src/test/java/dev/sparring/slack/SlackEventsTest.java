package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every event and interaction type Slack may send the app, in Slack's own shapes (fixtures under
 * {@code src/test/resources/slack/}), signed and posted over HTTP to the embedded Jetty: each is
 * acknowledged with a 2xx and either does what it should or nothing at all, quietly.
 */
class SlackEventsTest {

  private static final String SECRET = "events-signing-secret";
  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private SlackRig rig;
  private SlackApiStandIn api;
  private SlackAdapter adapter;
  private Bot bot;

  private void start(boolean oauth) throws Exception {
    SlackRig.Builder b = SlackRig.builder(SECRET).clock(clock).store(store);
    rig = (oauth ? b.oauth("client-id", "client-secret", KEY) : b.token("xoxb-events")).build();
    api = rig.api;
    adapter = rig.adapter;
    bot = rig.bot;
  }

  @AfterEach
  void stop() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  // ---- requests

  private HttpResponse<String> signed(String contentType, String body) throws Exception {
    return rig.signed(contentType, body);
  }

  private HttpResponse<String> event(String name, Map<String, String> values) throws Exception {
    return signed("application/json", SlackPayloads.json("events", name, values));
  }

  private HttpResponse<String> interaction(String name, Map<String, String> values)
      throws Exception {
    return signed("application/x-www-form-urlencoded", SlackPayloads.interactionForm(name, values));
  }

  private HttpResponse<String> command(String team, String user, String text) throws Exception {
    return rig.command(team, user, text);
  }

  private static ObjectNode fixture(String kind, String name, Map<String, String> values)
      throws Exception {
    return (ObjectNode) JSON.readTree(SlackPayloads.json(kind, name, values));
  }

  private void deliver() {
    rig.deliver();
  }

  private List<SlackApiStandIn.Call> posts() {
    return rig.posts();
  }

  /** Calls that would show something to someone (look-ups and the start-up check excluded). */
  private List<String> visibleCalls() {
    return api.calls().stream()
        .map(SlackApiStandIn.Call::method)
        .filter(m -> !m.equals("auth.test") && !m.equals("users.info"))
        .toList();
  }

  /** Records what is logged at WARN or above while {@code body} runs. */
  private static List<ILoggingEvent> warnings(ThrowingRunnable body) throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    root.addAppender(seen);
    try {
      body.run();
    } finally {
      root.detachAppender(seen);
    }
    return seen.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
  }

  /**
   * Runs {@code body} with {@code source}'s log lines captured instead of printed (faults provoked
   * on purpose), and returns them.
   */
  private static List<String> quietly(Class<?> source, ThrowingRunnable body) throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(source);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    logger.setAdditive(false);
    try {
      body.run();
    } finally {
      logger.detachAppender(seen);
      logger.setAdditive(true);
    }
    return seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  private static final Set<String> WITH_EFFECTS =
      Set.of("app_mention", "app_rate_limited", "tokens_revoked", "app_uninstalled");

  // ---- tests

  @Test
  void everyEventAndInteractionSlackMaySendIsAcknowledgedQuietlyAndPostsNothing() throws Exception {
    start(false);
    List<String> events =
        SlackPayloads.names("events").stream().filter(n -> !WITH_EFFECTS.contains(n)).toList();
    List<String> interactions = SlackPayloads.names("interactions");
    assertThat(events)
        .contains(
            "message_channel_join",
            "message_me_message",
            "message_message_replied",
            "member_joined_channel",
            "reaction_added",
            "url_verification");
    assertThat(interactions)
        .contains(
            "view_closed",
            "shortcut",
            "message_action",
            "block_suggestion",
            "block_actions_home",
            "block_actions_modal");

    List<ILoggingEvent> warned =
        warnings(
            () -> {
              for (String name : events) {
                HttpResponse<String> r = event(name, Map.of());
                assertThat(r.statusCode()).as(name).isBetween(200, 299);
              }
              for (String name : interactions) {
                HttpResponse<String> r = interaction(name, Map.of());
                assertThat(r.statusCode()).as(name).isBetween(200, 299);
              }
            });

    assertThat(warned).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    adapter.awaitIdle();
    deliver();
    assertThat(visibleCalls()).isEmpty();
  }

  @Test
  void urlVerificationEchoesTheChallengeAndASuggestionGetsNoOptions() throws Exception {
    start(false);
    HttpResponse<String> challenge = event("url_verification", Map.of());
    assertThat(challenge.statusCode()).isEqualTo(200);
    assertThat(challenge.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    HttpResponse<String> options = interaction("block_suggestion", Map.of());
    assertThat(options.statusCode()).isEqualTo(200);
    assertThat(options.body()).contains("\"options\":[]");
  }

  @Test
  void aMeMessageReplyInAThreadCountsAsAnAnswer() throws Exception {
    start(false);
    command("T1", "U1", "interview demo-senior");
    deliver();
    String thread = posts().get(0).ts();

    HttpResponse<String> me =
        event("message_me_message", Map.of("thread_ts", thread, "event_id", "EvMe1"));
    assertThat(me.statusCode()).isEqualTo(200);
    // Slack's retry of the same event changes nothing.
    event("message_me_message", Map.of("thread_ts", thread, "event_id", "EvMe1"));
    deliver();

    List<SlackApiStandIn.Call> inThread =
        posts().stream().filter(c -> c.get("thread_ts").equals(thread)).toList();
    assertThat(inThread)
        .singleElement()
        .satisfies(c -> assertThat(c.get("blocks")).contains("Follow-up 1 of 3"));
  }

  @Test
  void anAppMentionAnswersWithTheHelpPrivatelyWhereTheBotWasMentioned() throws Exception {
    start(false);
    assertThat(event("app_mention", Map.of("event_id", "EvMention1")).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> !api.calls("chat.postEphemeral").isEmpty());
    SlackApiStandIn.Call help = api.calls("chat.postEphemeral").get(0);
    assertThat(help.get("channel")).isEqualTo("C1");
    assertThat(help.get("user")).isEqualTo("U1");
    assertThat(help.get("thread_ts")).isEmpty();
    assertThat(help.get("text") + help.get("blocks")).contains("Sparring commands");

    // A retry of the same mention gets no second answer; a mention in a thread, an answer there.
    event("app_mention", Map.of("event_id", "EvMention1"));
    ObjectNode inThread = fixture("events", "app_mention", Map.of("event_id", "EvMention2"));
    ((ObjectNode) inThread.path("event")).put("thread_ts", "1767225500.000100");
    assertThat(signed("application/json", JSON.writeValueAsString(inThread)).statusCode())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> api.calls("chat.postEphemeral").size() >= 2);
    adapter.awaitIdle();
    List<SlackApiStandIn.Call> ephemerals = api.calls("chat.postEphemeral");
    assertThat(ephemerals).hasSize(2);
    assertThat(ephemerals.get(1).get("thread_ts")).isEqualTo("1767225500.000100");
    deliver();
    assertThat(posts()).isEmpty();
  }

  @Test
  void aMentionInsideAnInterviewThreadIsAnAnswerNotAHelpRequest() throws Exception {
    start(false);
    command("T1", "U1", "interview demo-senior");
    deliver();
    String thread = posts().get(0).ts();
    ObjectNode mention = fixture("events", "app_mention", Map.of("event_id", "EvMention3"));
    ((ObjectNode) mention.path("event")).put("thread_ts", thread);
    assertThat(signed("application/json", JSON.writeValueAsString(mention)).statusCode())
        .isEqualTo(200);
    adapter.awaitIdle();
    assertThat(api.calls("chat.postEphemeral")).isEmpty();
  }

  @Test
  void appUninstalledStopsEverySendWithTheDeadTokenEvenAfterARestart() throws Exception {
    start(false);
    command("T1", "U1", "interview demo-senior"); // queued, not yet delivered
    assertThat(event("app_uninstalled", Map.of()).statusCode()).isEqualTo(200);
    // The workspace's queued messages are cancelled: not tried with the dead token, not
    // dead-lettered with a notice that could not be delivered either.
    assertThat(quietly(OutboxDispatcher.class, this::deliver)).isEmpty();
    assertThat(posts()).isEmpty();
    assertThat(store.<Long>transact(tx -> tx.outbox().deadCount())).isZero();

    // The same token after a restart is still known dead; a new token works.
    SlackSettings same =
        new SlackSettings(SECRET, "xoxb-events", null, null, null, api.url(), 0, false);
    SlackSettings fresh =
        new SlackSettings(SECRET, "xoxb-new-token", null, null, null, api.url(), 0, false);
    Bot bot = new Bot(store, clock, Features.all(), Set.of());
    try (SlackAdapter again = new SlackAdapter(same, bot, store, clock);
        SlackAdapter reinstalled = new SlackAdapter(fresh, bot, store, clock)) {
      assertThat(again.tokenForTeam("T1")).isEmpty();
      assertThat(reinstalled.tokenForTeam("T1")).contains("xoxb-new-token");
    }
  }

  @Test
  void uninstallStopsTheDailyQuestionAndInterviewsAndKeepsTheirHistory() throws Exception {
    start(false);
    command("T1", "U_ADMIN", "daily on 09:30 Europe/Berlin mon-fri");
    deliver();
    clock.set(Instant.parse("2026-03-02T08:30:00Z")); // Monday 09:30 in Berlin
    bot.handle(new Inbound.Tick(clock.instant()));
    deliver();
    String question = posts().get(posts().size() - 1).ts();
    event("message_me_message", Map.of("thread_ts", question, "event_id", "EvDaily1"));
    deliver();
    command("T1", "U1", "interview demo-senior");
    deliver();
    String interview = posts().get(posts().size() - 1).ts();
    event("message_me_message", Map.of("thread_ts", interview, "event_id", "EvAnswer1"));
    command("T1", "U2", "interview demo-senior"); // queued, not yet delivered
    int before = posts().size();

    // INFO explicitly: command tests in the same JVM quiet the root logger to WARN.
    Logger botLog = (Logger) LoggerFactory.getLogger(Bot.class);
    Level was = botLog.getLevel();
    botLog.setLevel(Level.INFO);
    List<String> log;
    try {
      log =
          quietly(
              Bot.class,
              () -> assertThat(event("app_uninstalled", Map.of()).statusCode()).isEqualTo(200));
    } finally {
      botLog.setLevel(was);
    }
    assertThat(log).anyMatch(l -> l.contains("slack:T1 removed the bot"));

    // Days later nothing has been posted or tried for the workspace, and nothing dead-lettered.
    for (int day = 0; day < 3; day++) {
      clock.advance(Duration.ofDays(1));
      bot.handle(new Inbound.Tick(clock.instant()));
      assertThat(quietly(OutboxDispatcher.class, this::deliver)).isEmpty();
    }
    assertThat(posts()).hasSize(before);
    assertThat(store.<Long>transact(tx -> tx.outbox().deadCount())).isZero();
    assertThat(store.<Long>transact(tx -> tx.outbox().pending())).isZero();

    // History stays: the posted question, the answer to it, the interview and what was answered.
    String team = "slack:T1";
    assertThat(
            store.<List<dev.sparring.store.Document>>transact(
                tx -> tx.documents().byTeam("daily.post", team, 10)))
        .hasSize(1);
    assertThat(
            store.<List<dev.sparring.store.Document>>transact(
                tx -> tx.documents().byTeam("daily.answer", team, 10)))
        .singleElement()
        .satisfies(d -> assertThat(d.body()).contains("decouples producers"));
    assertThat(
            store.<List<dev.sparring.store.Document>>transact(
                tx -> tx.documents().byTeam("daily.schedule", team, 10)))
        .isEmpty();
    assertThat(
            store.<List<dev.sparring.store.Conversation>>transact(
                tx -> tx.conversations().activeIn(team, "interview", 10)))
        .isEmpty();
    var interviews =
        store.transact(tx -> tx.conversations().questionIds(team, "slack:U1", "interview"));
    assertThat(interviews).hasSize(1);

    // Reinstalled, the workspace can turn its daily question on again.
    SlackSettings fresh =
        new SlackSettings(SECRET, "xoxb-new-token", null, null, null, api.url(), 0, false);
    try (SlackAdapter reinstalled = new SlackAdapter(fresh, bot, store, clock)) {
      assertThat(reinstalled.tokenForTeam("T1")).contains("xoxb-new-token");
      var admin =
          new dev.sparring.chat.Actor(
              new dev.sparring.chat.UserRef(dev.sparring.slack.SlackModule.PLATFORM, "U_ADMIN"),
              "admin",
              true);
      bot.handle(
          new Inbound.CommandInvoked(
              "slack:again",
              dev.sparring.chat.TeamRef.parse(team),
              dev.sparring.chat.ChannelRef.parse("slack:C1"),
              admin,
              "daily on 09:30 Europe/Berlin mon-fri"));
      assertThat(
              store.<List<dev.sparring.store.Document>>transact(
                  tx -> tx.documents().byTeam("daily.schedule", team, 10)))
          .hasSize(1);
    }
  }

  @Test
  void revokedBotTokensRemoveAnOAuthInstallationAndRevokedUserTokensLeaveIt() throws Exception {
    start(true);
    DefaultInstaller install = new DefaultInstaller();
    install.setTeamId("T1");
    install.setInstallerUserId("U_ADMIN");
    install.setBotAccessToken("xoxb-t1");
    install.setBotUserId("UBOT");
    install.setBotId("BBOT");
    install.setScope("commands,chat:write,users:read,channels:history,groups:history");
    new StoreInstallationService(store, new TokenCipher(KEY)).saveInstallerAndBot(install);

    HttpResponse<String> help = command("T1", "U1", "help");
    assertThat(help.statusCode()).isEqualTo(200);
    assertThat(help.body()).contains("Sparring commands");
    // Authorized from the store: no auth.test before the acknowledgement.
    assertThat(api.calls("auth.test")).isEmpty();

    // Only a person's user token revoked: the bot's installation stays.
    ObjectNode userOnly = fixture("events", "tokens_revoked", Map.of("event_id", "EvRevoke1"));
    ((ObjectNode) userOnly.path("event").path("tokens")).putArray("bot");
    assertThat(signed("application/json", JSON.writeValueAsString(userOnly)).statusCode())
        .isEqualTo(200);
    assertThat(adapter.tokenForTeam("T1")).contains("xoxb-t1");

    command("T1", "U1", "interview demo-senior"); // queued before the revocation
    assertThat(event("tokens_revoked", Map.of("event_id", "EvRevoke2")).statusCode())
        .isEqualTo(200);
    assertThat(adapter.tokenForTeam("T1")).isEmpty();
    assertThat(new StoreInstallationService(store, new TokenCipher(KEY)).findBot(null, "T1"))
        .isNull();
    assertThat(quietly(OutboxDispatcher.class, this::deliver)).isEmpty();
    assertThat(posts()).isEmpty();
    assertThat(store.<Long>transact(tx -> tx.outbox().deadCount())).isZero();
    // The workspace's later commands are answered with why nothing happens.
    HttpResponse<String> after = command("T1", "U1", "help");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).contains("not installed").doesNotContain("Sparring commands");
  }

  @Test
  void appRateLimitedIsAcknowledgedAndLoggedOnceButMustBeSigned() throws Exception {
    start(false);
    List<String> logged =
        quietly(
            GuardedSlackServlet.class,
            () -> {
              assertThat(event("app_rate_limited", Map.of()).statusCode()).isEqualTo(200);
              String body = SlackPayloads.json("events", "app_rate_limited", Map.of());
              HttpResponse<String> forged =
                  rig.post(
                      "application/json",
                      body,
                      Instant.now().getEpochSecond(),
                      "v0=deadbeef",
                      Map.of());
              assertThat(forged.statusCode()).isEqualTo(401);
            });
    assertThat(logged)
        .singleElement()
        .satisfies(line -> assertThat(line).contains("dropping events for workspace T1"));
  }
}
