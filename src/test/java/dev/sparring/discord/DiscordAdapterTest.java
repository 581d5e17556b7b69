package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.core.Bot;
import dev.sparring.core.ChannelRef;
import dev.sparring.core.Message;
import dev.sparring.core.Outbound;
import dev.sparring.core.OutboxDispatcher;
import dev.sparring.core.Platform;
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

  private static Map<String, Object> member(String user) {
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
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("id", discord.nextId());
    i.put("application_id", DiscordStandIn.BOT);
    i.put("type", type);
    i.put("token", "tok-" + (++interactions));
    i.put("version", 1);
    i.put("guild_id", DiscordStandIn.GUILD);
    i.put("channel_id", channel);
    i.put("context", 0);
    i.put("authorizing_integration_owners", Map.of());
    i.put("guild", Map.of("id", DiscordStandIn.GUILD, "locale", "en-US", "features", List.of()));
    i.put(
        "channel",
        channel.equals(DiscordStandIn.CHANNEL)
            ? Map.of("id", channel, "type", 0, "guild_id", DiscordStandIn.GUILD, "name", "general")
            : DiscordStandIn.thread(channel, DiscordStandIn.CHANNEL, "t"));
    i.put("member", member(user));
    i.put("locale", "en-US");
    i.put("guild_locale", "en-US");
    i.put("app_permissions", DiscordStandIn.PERMISSIONS);
    i.put("entitlements", List.of());
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
  void adminsAreManageServerOrAConfiguredRole() {
    String refused = slash("700000000000000013", "daily", Map.of("options", "now"));
    assertThat(callback(refused).body().toString()).contains("Only admins can");
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
    ChannelRef channel = new ChannelRef(Platform.DISCORD, DiscordStandIn.CHANNEL);
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
    assertThat(replies.get(0).body().path("content").asText()).contains("first with");
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
}
