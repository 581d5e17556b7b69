package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real JDA client against a loopback stand-in for Discord (REST base URL and gateway from a
 * custom session controller): a slash command, interviews through thread messages and through the
 * Answer modal, and a button press, asserting the REST calls the bot makes.
 */
class DiscordAdapterTest {

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private DiscordStandIn discord;
  private DiscordAdapter adapter;
  private OutboxDispatcher dispatcher;
  private int interactions;

  @BeforeEach
  void start() throws Exception {
    discord = new DiscordStandIn();
    Bot bot = new Bot(store, clock, Features.all(), Set.of());
    DiscordSettings settings =
        new DiscordSettings(
            "test-token",
            discord.apiUrl(),
            discord.gatewayUrl(),
            true,
            false,
            Set.of(DiscordStandIn.MENTORS));
    adapter = new DiscordAdapter(settings, bot, TestPacks.demo(), clock).awaitReady(30);
    dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(adapter.gateway()), OutboxDispatcher.Settings.defaults(), "d");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> !discord.calls("PUT", "guilds/" + DiscordStandIn.GUILD + "/commands").isEmpty());
  }

  @AfterEach
  void stop() throws Exception {
    adapter.close();
    discord.close();
  }

  private static final java.util.Set<String> MENTOR_USERS = java.util.Set.of("700000000000000099");

  /** Holds a role named "Mentors" that is not the configured one. */
  private static final String COPYCAT = "700000000000000098";

  private static Map<String, Object> member(String user) {
    if (user.equals(COPYCAT)) {
      return Map.of(
          "user",
          DiscordStandIn.author(user, "copycat", false),
          "roles",
          List.of(DiscordStandIn.COPIED_MENTORS),
          "permissions",
          "0",
          "joined_at",
          "2026-01-01T00:00:00.000000+00:00");
    }
    if (MENTOR_USERS.contains(user)) {
      return Map.of(
          "user",
          DiscordStandIn.author(user, "mentor", false),
          "roles",
          List.of(DiscordStandIn.MENTORS),
          "permissions",
          "0",
          "joined_at",
          "2026-01-01T00:00:00.000000+00:00");
    }
    return Map.of(
        "user",
        DiscordStandIn.author(user, "user" + user.substring(user.length() - 1), false),
        "roles",
        List.of(),
        "permissions",
        "0",
        "joined_at",
        "2026-01-01T00:00:00.000000+00:00");
  }

  private Map<String, Object> interaction(
      int type,
      String user,
      String channel,
      Map<String, Object> data,
      Map<String, Object> message) {
    Map<String, Object> i =
        DiscordStandIn.interaction(
            discord.nextId(), "tok-" + (++interactions), type, channel, member(user));
    i.put("data", data);
    if (message != null) {
      i.put("message", message);
    }
    return i;
  }

  private String slash(String user, String sub, Map<String, String> options) {
    List<Object> opts =
        options.entrySet().stream()
            .map(e -> (Object) Map.of("type", 3, "name", e.getKey(), "value", e.getValue()))
            .toList();
    Map<String, Object> i =
        interaction(
            2,
            user,
            DiscordStandIn.CHANNEL,
            Map.of(
                "id",
                "1",
                "name",
                "spar",
                "type",
                1,
                "options",
                List.of(Map.of("type", 1, "name", sub, "options", opts))),
            null);
    discord.dispatch("INTERACTION_CREATE", i);
    return (String) i.get("id");
  }

  /** The callback the bot sent for an interaction. */
  private DiscordStandIn.Call callback(String interactionId) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !discord.calls("POST", "interactions/" + interactionId).isEmpty());
    return discord.calls("POST", "interactions/" + interactionId).get(0);
  }

  private void deliver() {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              dispatcher.drain();
              long pending = store.transact(tx -> tx.outbox().pending());
              return pending == 0;
            });
  }

  /** Delivers until {@code count} messages stand in the thread. */
  private void deliverUntil(String thread, int count) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              dispatcher.drain();
              return postedIn(thread).size() == count;
            });
  }

  private String lastThread() {
    List<DiscordStandIn.Call> threads = discord.calls("POST", "/threads");
    String path = threads.get(threads.size() - 1).path();
    return path.split("/")[3];
  }

  private List<String> postedIn(String channel) {
    return discord.calls("POST", "channels/" + channel + "/messages").stream()
        .filter(c -> !c.path().endsWith("/threads"))
        .map(c -> String.valueOf(c.body()))
        .toList();
  }

  private void message(String user, String thread, String text) {
    Map<String, Object> m =
        new LinkedHashMap<>(DiscordStandIn.message(discord.nextId(), thread, null));
    m.put("author", DiscordStandIn.author(user, "u", false));
    m.put("content", text);
    m.put("guild_id", DiscordStandIn.GUILD);
    m.put("member", Map.of("roles", List.of(), "joined_at", "2026-01-01T00:00:00.000000+00:00"));
    discord.dispatch("MESSAGE_CREATE", m);
  }

  @Test
  void leavingTheServerStopsItsInterviewsAndKeepsTheirHistory() {
    callback(slash("700000000000000011", "interview", Map.of("question", "demo-senior")));
    deliver();
    String team = "discord:" + DiscordStandIn.GUILD;
    assertThat(
            store.<List<dev.sparring.store.Conversation>>transact(
                tx -> tx.conversations().activeIn(team, "interview", 10)))
        .hasSize(1);

    discord.dispatch("GUILD_DELETE", Map.of("id", DiscordStandIn.GUILD));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                store.transact(tx -> tx.conversations().activeIn(team, "interview", 10)).isEmpty());
    assertThat(
            store.<List<String>>transact(
                tx ->
                    tx.conversations()
                        .questionIds(team, "discord:700000000000000011", "interview")))
        .containsExactly("demo-senior");
  }

  @Test
  void aSlashCommandAndAFullInterviewThroughThreadMessages() {
    assertThat(discord.calls("GET", "users/@me")).isNotEmpty();
    String cmd = slash("700000000000000011", "interview", Map.of("question", "demo-senior"));
    DiscordStandIn.Call reply = callback(cmd);
    assertThat(reply.body().path("type").asInt()).isEqualTo(4);
    assertThat(reply.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
    assertThat(reply.body().toString()).contains("in a new thread");
    deliver();
    List<String> channelPosts = postedIn(DiscordStandIn.CHANNEL);
    assertThat(channelPosts).hasSize(1);
    assertThat(channelPosts.get(0))
        .contains("safe to retry")
        .contains("interview.hint|")
        .contains("answer|");
    String thread = lastThread();

    for (int i = 1; i <= 4; i++) {
      int step = i;
      message("700000000000000011", thread, "answer " + i + " idempotent");
      deliverUntil(thread, step);
    }
    List<String> inThread = postedIn(thread);
    assertThat(inThread.get(0)).contains("Follow-up 1 of 3");
    assertThat(inThread.get(1)).contains("Follow-up 2 of 3");
    assertThat(inThread.get(2)).contains("Follow-up 3 of 3");
    assertThat(inThread.get(3)).contains("Interview complete");
    // A bot's message in the thread is ignored.
    Map<String, Object> fromBot =
        new LinkedHashMap<>(DiscordStandIn.message(discord.nextId(), thread, null));
    fromBot.put("content", "echo");
    fromBot.put("guild_id", DiscordStandIn.GUILD);
    discord.dispatch("MESSAGE_CREATE", fromBot);
    // ...and a person's late answer is told the interview ended, which proves the bot's own
    // message before it was read and dropped (events are handled in order).
    message("700000000000000011", thread, "one more thing");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> discord.calls("POST", "channels/" + thread + "/messages").size() == 5);
    assertThat(postedIn(thread)).hasSize(5);
    assertThat(postedIn(thread).get(4)).contains("has ended");
    long answers =
        store.transact(
            tx ->
                tx.conversations()
                    .questionIds(
                        "discord:" + DiscordStandIn.GUILD,
                        "discord:700000000000000011",
                        "interview")
                    .size());
    assertThat(answers).isEqualTo(1);
  }

  @Test
  void platformFaultsNeverDoubleAMessage() {
    // The question meets a 500 after Discord created it, a plain 500, a reset and a 429.
    discord.fail(
        DiscordStandIn.Fault.ERROR_AFTER_CREATING,
        DiscordStandIn.Fault.ERROR_500,
        DiscordStandIn.Fault.RESET,
        DiscordStandIn.Fault.RATE_LIMITED);
    callback(slash("700000000000000014", "interview", Map.of("question", "demo-senior")));
    deliverThroughRetries();
    assertThat(discord.created(DiscordStandIn.CHANNEL)).isEqualTo(1);
    String thread = lastThread();
    assertThat(discord.calls("POST", "/threads")).hasSize(1);
    for (int i = 1; i <= 2; i++) {
      discord.fail(DiscordStandIn.Fault.ERROR_AFTER_CREATING, DiscordStandIn.Fault.RESET);
      message("700000000000000014", thread, "answer " + i);
      int step = i;
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                deliverThroughRetries();
                return discord.created(thread) >= step;
              });
    }
    assertThat(discord.created(thread)).isEqualTo(2);
    assertThat((long) store.transact(tx -> tx.outbox().deadCount())).isZero();
  }

  /** Delivers everything, moving the clock through the outbox's retry backoff. */
  private void deliverThroughRetries() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              dispatcher.drain();
              clock.advance(Duration.ofSeconds(10));
              return store.transact(tx -> tx.outbox().pending()) == 0;
            });
  }

  @Test
  void anInterviewThroughTheAnswerModalAndAButtonPress() {
    String cmd = slash("700000000000000012", "interview", Map.of("question", "demo-basic"));
    callback(cmd);
    deliver();
    String thread = lastThread();
    String conversation =
        store
            .transact(
                tx ->
                    tx.conversations()
                        .active(
                            "discord:" + DiscordStandIn.GUILD,
                            "discord:700000000000000012",
                            "interview"))
            .orElseThrow()
            .id();

    // The Answer button opens a modal (no Message Content intent needed).
    Map<String, Object> parent = DiscordStandIn.message(thread, DiscordStandIn.CHANNEL, null);
    Map<String, Object> press =
        interaction(
            3,
            "700000000000000012",
            DiscordStandIn.CHANNEL,
            Map.of("custom_id", "answer|", "component_type", 2),
            parent);
    discord.dispatch("INTERACTION_CREATE", press);
    DiscordStandIn.Call modal = callback((String) press.get("id"));
    assertThat(modal.body().path("type").asInt()).isEqualTo(9);
    assertThat(modal.body().path("data").path("custom_id").asText()).isEqualTo("answer|" + thread);

    for (int i = 1; i <= 3; i++) {
      int step = i;
      Map<String, Object> submit =
          interaction(
              5,
              "700000000000000012",
              DiscordStandIn.CHANNEL,
              Map.of(
                  "custom_id",
                  "answer|" + thread,
                  "components",
                  List.of(
                      Map.of(
                          "type",
                          18,
                          "id",
                          1,
                          "component",
                          Map.of(
                              "type",
                              4,
                              "id",
                              2,
                              "custom_id",
                              "answer",
                              "value",
                              "It decouples producers " + i))),
                  "id",
                  3),
              null);
      discord.dispatch("INTERACTION_CREATE", submit);
      callback((String) submit.get("id"));
      deliverUntil(thread, step);
    }
    List<String> inThread = postedIn(thread);
    assertThat(inThread.get(0)).contains("Follow-up 1 of 2");
    assertThat(inThread.get(1)).contains("Follow-up 2 of 2");
    assertThat(inThread.get(2)).contains("Interview complete");

    // A Hint button press on a second interview answers privately on the interaction.
    slash("700000000000000012", "interview", Map.of("question", "demo-senior"));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                store
                    .transact(
                        tx ->
                            tx.conversations()
                                .active(
                                    "discord:" + DiscordStandIn.GUILD,
                                    "discord:700000000000000012",
                                    "interview"))
                    .isPresent());
    String second =
        store
            .transact(
                tx ->
                    tx.conversations()
                        .active(
                            "discord:" + DiscordStandIn.GUILD,
                            "discord:700000000000000012",
                            "interview"))
            .orElseThrow()
            .id();
    assertThat(second).isNotEqualTo(conversation);
    Map<String, Object> hint =
        interaction(
            3,
            "700000000000000012",
            DiscordStandIn.CHANNEL,
            Map.of("custom_id", "interview.hint|" + second, "component_type", 2),
            parent);
    discord.dispatch("INTERACTION_CREATE", hint);
    DiscordStandIn.Call hinted = callback((String) hint.get("id"));
    assertThat(hinted.body().toString()).contains("Hint: Think about what happens");
    assertThat(hinted.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
  }

  @Test
  void adminsAreManageServerOrAConfiguredRoleById() {
    String refused = slash("700000000000000013", "daily", Map.of("options", "now"));
    assertThat(callback(refused).body().toString()).contains("Only admins can");
    // A role with the configured role's name but another id grants nothing.
    String copycat = slash(COPYCAT, "daily", Map.of("options", "now"));
    assertThat(callback(copycat).body().toString()).contains("Only admins can");
    String allowed = slash("700000000000000099", "daily", Map.of("options", "now"));
    assertThat(callback(allowed).body().toString()).contains("Posted today's question");
  }

  @Test
  void commandsAreRegisteredPerGuildWithSubcommandsAndAutocomplete() {
    DiscordStandIn.Call put =
        discord.calls("PUT", "guilds/" + DiscordStandIn.GUILD + "/commands").get(0);
    String json = put.body().toString();
    assertThat(json)
        .contains("\"name\":\"spar\"")
        .contains("\"name\":\"interview\"")
        .contains("\"name\":\"daily\"")
        .contains("\"autocomplete\":true")
        .contains("\"name\":\"senior\"");
    // The registered subcommands are exactly the commands /spar help lists.
    List<String> registered = new java.util.ArrayList<>();
    put.body().get(0).path("options").forEach(o -> registered.add(o.path("name").asText()));
    Bot bot = new Bot(new MemoryStore(), clock, Features.all(), Set.of());
    assertThat(registered)
        .containsExactlyElementsOf(DiscordCommandsTest.listedByHelp(bot.help()))
        .contains("deadletters");
    assertThat(adapter.inviteUrl())
        .contains("scope=bot+applications.commands")
        .contains("permissions=");
  }

  // ---- long messages, deleted threads

  private static String lines(String prefix, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      b.append("- ").append(prefix).append(' ').append(i).append(": ").append("x".repeat(100));
      b.append('\n');
    }
    return b.toString();
  }

  /** The nonces of the messages the bot asked to create in {@code channel}, in order. */
  private List<String> nonces(String channel) {
    return discord.calls("POST", "channels/" + channel + "/messages").stream()
        .filter(c -> !c.path().endsWith("/threads"))
        .map(c -> c.body().path("nonce").asText())
        .toList();
  }

  @Test
  void aLongMessageIsCreatedPartByPartExactlyOnceAcrossARetry() {
    ChannelRef channel = new ChannelRef(DiscordModule.PLATFORM, DiscordStandIn.CHANNEL);
    Message question = Message.of("Reveal", lines("question", 60));
    Message answers = Message.of("Answers", lines("answer", 100));
    int questionParts = DiscordRender.render(question, List.of()).size();
    int answerParts = DiscordRender.render(answers, List.of()).size();
    assertThat(questionParts).isEqualTo(2);
    assertThat(answerParts).isEqualTo(3);
    store.transact(
        tx -> {
          tx.threads().open("long-1", channel.key(), "daily", clock.instant());
          tx.outbox().enqueue(new Outbound.Post(channel, question, "long-1"), clock.instant());
          tx.outbox()
              .enqueue(new Outbound.ReplyInThread(channel, "long-1", answers), clock.instant());
          return null;
        });
    // The answers' second part is created, but Discord's answer is an error: the outbox sends the
    // whole reply again.
    discord.fail(
        DiscordStandIn.Fault.NONE, // the question's first part
        DiscordStandIn.Fault.NONE, // its second, in the thread
        DiscordStandIn.Fault.NONE, // the answers' first part
        DiscordStandIn.Fault.ERROR_AFTER_CREATING);
    deliverThroughRetries();

    String thread = lastThread();
    assertThat(discord.created(DiscordStandIn.CHANNEL)).isEqualTo(1);
    assertThat(discord.created(thread)).isEqualTo(questionParts - 1 + answerParts);
    assertThat(nonces(thread).size()).isGreaterThan(questionParts - 1 + answerParts);
    assertThat(java.util.Set.copyOf(nonces(thread))).hasSize(questionParts - 1 + answerParts);
    assertThat(discord.calls("POST", "/threads")).hasSize(1);
    assertThat((long) store.transact(tx -> tx.outbox().deadCount())).isZero();
  }

  @Test
  void followUpsForADeletedThreadEndTheInterviewWithOneNoticeAndNeverGoToTheChannel() {
    String user = "700000000000000015";
    callback(slash(user, "interview", Map.of("question", "demo-senior")));
    deliver();
    String thread = lastThread();
    message(user, thread, "answer 1 idempotent");
    deliverUntil(thread, 1);
    // Two more answers queue two follow-ups; a moderator deletes the thread before they go out.
    message(user, thread, "answer 2 idempotent");
    message(user, thread, "answer 3 idempotent");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> store.transact(tx -> tx.outbox().pending()) == 2);
    // Whether JDA has seen THREAD_DELETE yet or not, the gateway finds the thread gone.
    discord.deleteThread(thread);
    deliverThroughRetries();

    assertThat(discord.created(thread)).isEqualTo(1);
    List<String> inChannel = postedIn(DiscordStandIn.CHANNEL);
    assertThat(inChannel).hasSize(2); // the question, then the one notice
    assertThat(inChannel.get(1))
        .contains("A thread was deleted")
        .contains("the interview has ended")
        .doesNotContain("Follow-up");
    var conversation =
        store.transact(
            tx ->
                tx.conversations()
                    .active("discord:" + DiscordStandIn.GUILD, "discord:" + user, "interview"));
    assertThat(conversation).isEmpty();
    assertThat((long) store.transact(tx -> tx.outbox().deadCount())).isEqualTo(2);
    // An admin's retry of one of them fails the same way, without a second notice.
    long dead = store.transact(tx -> tx.outbox().deadLetters(10)).get(0).id();
    store.transact(tx -> tx.outbox().requeue(dead, clock.instant()));
    deliverThroughRetries();
    assertThat(postedIn(DiscordStandIn.CHANNEL)).hasSize(2);
    assertThat(discord.created(thread)).isEqualTo(1);
  }

  // ---- mentions and thread chatter

  /** Every request that carries a message, with what it allows to ping. */
  private List<com.fasterxml.jackson.databind.JsonNode> allowedMentionsOfEverything() {
    List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
    for (DiscordStandIn.Call c : discord.calls()) {
      com.fasterxml.jackson.databind.JsonNode body = c.body();
      if (body == null || c.path().endsWith("/threads") || c.path().endsWith("/commands")) {
        continue;
      }
      if (c.path().startsWith("interactions/")) {
        if (body.path("type").asInt() == 9) {
          continue; // a modal: a form, no message
        }
        body = body.path("data");
      }
      assertThat(body.has("allowed_mentions")).as("%s %s: %s", c.method(), c.path(), body).isTrue();
      out.add(body.path("allowed_mentions"));
    }
    return out;
  }

  @Test
  void theBotPingsNobodyAndAnswersThreadChatterOncePerPersonPerWindow() {
    String mentor = "700000000000000099";
    String hostile = "@everyone <@&" + DiscordStandIn.MENTORS + "> [prize](https://evil.example)";
    String started = slash(mentor, "compete", Map.of("options", "start \"" + hostile + "\" 2d"));
    assertThat(callback(started).body().toString()).doesNotContain("Usage");
    deliver();
    String thread = lastThread();
    // Someone who has not joined posts in the competition's thread, again and again.
    String outsider = "700000000000000016";
    for (int i = 0; i < 10; i++) {
      message(outsider, thread, "@everyone look " + i);
    }
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> discord.calls("POST", "channels/" + thread + "/messages").size() >= 1);
    // Past the window, one more message gets one more reply; events are handled in order, so by
    // then all ten before it were handled.
    clock.advance(ChatterLimit.WINDOW.plusSeconds(1));
    message(outsider, thread, "still here");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> discord.calls("POST", "channels/" + thread + "/messages").size() >= 2);
    List<DiscordStandIn.Call> replies = discord.calls("POST", "channels/" + thread + "/messages");
    assertThat(replies).hasSize(2);
    // The admin-chosen name is shown as text: escaped, so no role mention and no masked link.
    assertThat(replies.get(0).body().path("content").asText())
        .contains("You have not joined \\@everyone \\<@&")
        .contains("\\[prize\\]\\(https://");
    assertThat(replies.get(0).body().has("message_reference")).isTrue();

    // A hint button press, a command answered with several ephemerals, a refusal: every request
    // that carries a message allows no one to be pinged.
    slash("700000000000000016", "help", Map.of());
    slash("700000000000000016", "daily", Map.of("options", "now"));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> discord.calls("POST", "interactions/").size() >= 3);
    List<com.fasterxml.jackson.databind.JsonNode> mentions = allowedMentionsOfEverything();
    assertThat(mentions).hasSizeGreaterThanOrEqualTo(7);
    for (com.fasterxml.jackson.databind.JsonNode m : mentions) {
      assertThat(m.path("parse").isArray()).as("%s", m).isTrue();
      assertThat(m.path("parse")).as("%s", m).isEmpty();
      assertThat(m.path("users")).as("%s", m).isEmpty();
      assertThat(m.path("roles")).as("%s", m).isEmpty();
      assertThat(m.path("replied_user").asBoolean(true)).as("%s", m).isFalse();
    }
  }

  // ---- interactions Sparring cannot serve

  /** Runs {@code body} with every Discord and Sparring log event recorded, none printed. */
  private static List<ch.qos.logback.classic.spi.ILoggingEvent> logsOf(Runnable body) {
    var appender =
        new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    appender.start();
    List<ch.qos.logback.classic.Logger> loggers = new java.util.ArrayList<>();
    List<ch.qos.logback.classic.Level> levels = new java.util.ArrayList<>();
    for (String name : List.of("net.dv8tion", "dev.sparring")) {
      var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name);
      loggers.add(logger);
      levels.add(logger.getLevel());
      logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
      logger.setAdditive(false);
      logger.addAppender(appender);
    }
    try {
      body.run();
    } finally {
      for (int i = 0; i < loggers.size(); i++) {
        loggers.get(i).detachAppender(appender);
        loggers.get(i).setAdditive(true);
        loggers.get(i).setLevel(levels.get(i));
      }
    }
    return List.copyOf(appender.list);
  }

  private static String text(ch.qos.logback.classic.spi.ILoggingEvent e) {
    String error =
        e.getThrowableProxy() == null
            ? ""
            : ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy());
    return e.getFormattedMessage() + error;
  }

  @Test
  void interactionsSparringCannotServeGetAPoliteAnswerAndTheirTokenIsNeverLogged() {
    String token = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpzZWNyZXQtdG9rZW4tZm9yLXRlc3Rz";
    String user = "700000000000000017";
    // A modal submitted from a DM with the bot.
    Map<String, Object> dm = new LinkedHashMap<>();
    dm.put("id", discord.nextId());
    dm.put("application_id", DiscordStandIn.BOT);
    dm.put("type", 5);
    dm.put("token", token + "1");
    dm.put("version", 1);
    dm.put("channel_id", "600000000000000001");
    dm.put(
        "channel",
        Map.of(
            "id",
            "600000000000000001",
            "type",
            1,
            "flags",
            0,
            "recipients",
            List.of(DiscordStandIn.author(user, "dm", false))));
    dm.put("user", DiscordStandIn.author(user, "dm", false));
    dm.put("context", 1);
    dm.put("authorizing_integration_owners", Map.of("1", user));
    dm.put("locale", "en-US");
    dm.put("app_permissions", "0");
    dm.put("entitlements", List.of());
    dm.put("data", Map.of("custom_id", "answer|1", "components", List.of()));
    // A command from a server the bot is not in (the app installed for the user).
    Map<String, Object> elsewhere =
        interaction(
            2,
            user,
            DiscordStandIn.CHANNEL,
            Map.of(
                "id",
                "1",
                "name",
                "spar",
                "type",
                1,
                "options",
                List.of(Map.of("type", 1, "name", "help", "options", List.of()))),
            null);
    String otherGuild = "100000000000000009";
    elsewhere.put("guild_id", otherGuild);
    elsewhere.put("guild", Map.of("id", otherGuild, "locale", "en-US", "features", List.of()));
    elsewhere.put("channel_id", "200000000000000009");
    elsewhere.put(
        "channel",
        Map.of(
            "id",
            "200000000000000009",
            "type",
            0,
            "guild_id",
            otherGuild,
            "name",
            "elsewhere",
            "position",
            0,
            "permission_overwrites",
            List.of(),
            "permissions",
            "68608",
            "flags",
            0));
    elsewhere.put("authorizing_integration_owners", Map.of("1", user));
    elsewhere.put("token", token + "2");
    // A server interaction without the member JDA needs to read it.
    Map<String, Object> memberless =
        interaction(
            3,
            user,
            DiscordStandIn.CHANNEL,
            Map.of("custom_id", "interview.hint|x", "component_type", 2),
            DiscordStandIn.message(discord.nextId(), DiscordStandIn.CHANNEL, null));
    memberless.remove("member");
    memberless.put("user", DiscordStandIn.author(user, "nomember", false));
    memberless.put("token", token + "3");

    List<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        logsOf(
            () -> {
              for (Map<String, Object> i : List.of(dm, elsewhere, memberless)) {
                discord.dispatch("INTERACTION_CREATE", i);
              }
              assertThat(callback((String) dm.get("id")).body().toString())
                  .contains(DiscordAdapter.NOT_HERE);
              assertThat(callback((String) elsewhere.get("id")).body().toString())
                  .contains("not a member of this server");
              assertThat(callback((String) memberless.get("id")).body().toString())
                  .contains(UnreadableInteractions.NOTICE);
            });
    for (String id : List.of((String) dm.get("id"), (String) elsewhere.get("id"))) {
      DiscordStandIn.Call answer = discord.calls("POST", "interactions/" + id).get(0);
      assertThat(answer.body().path("data").path("flags").asInt() & 64).isEqualTo(64);
    }
    assertThat(logs).anySatisfy(e -> assertThat(text(e)).contains("could not be read"));
    assertThat(logs).noneSatisfy(e -> assertThat(text(e)).contains(token));
  }

  @Test
  void theInviteAsksForEveryPermissionTheBotUsesIncludingReactions() {
    String url = adapter.inviteUrl();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("permissions=(\\d+)").matcher(url);
    assertThat(m.find()).isTrue();
    long granted = Long.parseLong(m.group(1));
    for (net.dv8tion.jda.api.Permission p :
        List.of(
            net.dv8tion.jda.api.Permission.VIEW_CHANNEL,
            net.dv8tion.jda.api.Permission.MESSAGE_SEND,
            net.dv8tion.jda.api.Permission.MESSAGE_SEND_IN_THREADS,
            net.dv8tion.jda.api.Permission.CREATE_PUBLIC_THREADS,
            net.dv8tion.jda.api.Permission.MESSAGE_EMBED_LINKS,
            net.dv8tion.jda.api.Permission.MESSAGE_HISTORY,
            net.dv8tion.jda.api.Permission.MESSAGE_ADD_REACTION)) {
      assertThat(granted & p.getRawValue()).as(p.getName()).isNotZero();
    }
  }
}
