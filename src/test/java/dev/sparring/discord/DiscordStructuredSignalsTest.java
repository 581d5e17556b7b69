package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.chat.Message;
import dev.sparring.core.Bot;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter reads structure, not wording: an accepted answer is a kind of private answer (not the
 * words "Answer received"), and {@code /spar} is built from the bot's commands, here more than
 * Discord's 25 subcommands, so it takes the command as free text. Real JDA against the stand-in.
 */
class DiscordStructuredSignalsTest {

  private static final String USER = "700000000000000021";
  private static final String OTHER = "700000000000000022";

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private DiscordStandIn discord;
  private DiscordAdapter adapter;
  private OutboxDispatcher dispatcher;
  private Bot bot;

  @BeforeEach
  void start() throws Exception {
    discord = new DiscordStandIn();
    List<Feature> features = new ArrayList<>(Features.all());
    features.add(new Probe());
    bot = new Bot(store, clock, features, Set.of());
    assertThat(bot.topics()).hasSizeGreaterThan(DiscordCommands.MAX_SUBCOMMANDS);
    DiscordSettings settings =
        new DiscordSettings(
            "test-token", discord.apiUrl(), discord.gatewayUrl(), true, false, Set.of());
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
  void stop() {
    adapter.close();
    discord.close();
  }

  @Test
  void pastTwentyFiveCommandsTheWholeCommandIsOneFreeTextOption() {
    com.fasterxml.jackson.databind.JsonNode spar =
        discord.calls("PUT", "guilds/" + DiscordStandIn.GUILD + "/commands").get(0).body().get(0);
    assertThat(spar.path("name").asText()).isEqualTo("spar");
    assertThat(spar.path("options")).hasSize(1);
    assertThat(spar.path("options").get(0).path("name").asText()).isEqualTo("command");
    assertThat(spar.path("options").get(0).path("type").asInt()).isEqualTo(3); // a string
    String id = freeText("help daily");
    String answer = callback(id);
    assertThat(answer).contains("/spar daily status").doesNotContain("/spar interview");
  }

  @Test
  void anAcceptedAnswerGetsAReactionWhateverItsWordsAndOtherAnswersAReply() {
    callback(freeText("ask"));
    deliver();
    String thread = lastThread();

    // Accepted, in words that share nothing with the daily question's: a reaction, no reply.
    message(USER, thread, "accept this one");
    await().atMost(Duration.ofSeconds(15)).until(() -> !reactions().isEmpty());
    assertThat(reactions().get(0).path()).contains("channels/" + thread + "/messages/");

    // A plain reply that starts with the old wording: a reply in the thread, no reaction.
    message(OTHER, thread, "just chatting");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !discord.calls("POST", "channels/" + thread + "/messages").isEmpty());
    List<DiscordStandIn.Call> replies = discord.calls("POST", "channels/" + thread + "/messages");
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).body().path("content").asText()).startsWith("Answer received");
    assertThat(reactions()).hasSize(1);
  }

  // ---- a feature with a thread, and enough commands to pass Discord's limit

  /** "ask" opens a thread; in it "accept ..." is an accepted answer, anything else a reply. */
  private static final class Probe implements Feature {
    @Override
    public Set<String> commands() {
      Set<String> names = new LinkedHashSet<>(List.of("ask"));
      IntStream.range(0, 12).forEach(i -> names.add("extra" + i));
      return names;
    }

    @Override
    public List<Help> help() {
      List<Help> lines = new ArrayList<>(List.of(Help.of("ask", "open a thread")));
      IntStream.range(0, 12).forEach(i -> lines.add(Help.of("extra" + i, "filler " + i)));
      return lines;
    }

    @Override
    public Set<String> threadKinds() {
      return Set.of("probe");
    }

    @Override
    public void command(Context ctx, Command command) {
      Inbound.CommandInvoked in = command.source();
      String anchor = "probe-" + in.key();
      ctx.tx().threads().open(anchor, in.channel().key(), "probe", ctx.now());
      ctx.out().post(in.channel(), Message.text("Answer in the thread"), anchor);
      ctx.out().tell(in, "Opened.");
    }

    @Override
    public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
      if (m.text().startsWith("accept")) {
        ctx.out().answerAccepted(m.channel(), m.actor().user(), Message.text("Noted, thank you."));
      } else {
        ctx.out()
            .ephemeral(
                m.channel(),
                m.actor().user(),
                Message.text("Answer received? No: this is only a reply."));
      }
    }
  }

  // ---- the stand-in

  private List<DiscordStandIn.Call> reactions() {
    return discord.calls("PUT", "/reactions/");
  }

  private String freeText(String command) {
    String id = discord.nextId();
    Map<String, Object> i =
        DiscordStandIn.interaction(
            id,
            "tok-" + id,
            2,
            DiscordStandIn.CHANNEL,
            Map.of(
                "user",
                DiscordStandIn.author(USER, "user", false),
                "roles",
                List.of(),
                "permissions",
                "0",
                "joined_at",
                "2026-01-01T00:00:00.000000+00:00"));
    i.put(
        "data",
        Map.of(
            "id",
            "1",
            "name",
            "spar",
            "type",
            1,
            "options",
            List.of(Map.of("type", 3, "name", DiscordCommands.COMMAND, "value", command))));
    discord.dispatch("INTERACTION_CREATE", i);
    return id;
  }

  private String callback(String interactionId) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !discord.calls("POST", "interactions/" + interactionId).isEmpty());
    return discord.calls("POST", "interactions/" + interactionId).get(0).body().toString();
  }

  private void deliver() {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              dispatcher.drain();
              return store.transact(tx -> tx.outbox().pending()) == 0;
            });
  }

  private String lastThread() {
    List<DiscordStandIn.Call> threads = discord.calls("POST", "/threads");
    return threads.get(threads.size() - 1).path().split("/")[3];
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
}
