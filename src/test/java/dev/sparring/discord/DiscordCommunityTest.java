package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.CsvRows;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TappedGateway;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hiding from boards, exports and balanced groups through the real JDA client against the Discord
 * stand-in: slash-command interactions in, interaction callbacks and what the adapter is asked to
 * deliver out.
 */
class DiscordCommunityTest {

  private static final String TEAM = "discord:" + DiscordStandIn.GUILD;
  private static final String CHANNEL = "discord:" + DiscordStandIn.CHANNEL;
  private static final String ANA = "700000000000000011";
  private static final String BO = "700000000000000012";
  private static final String CY = "700000000000000013";

  /** Holds the configured admin role. */
  private static final String MENTOR = "700000000000000099";

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private DiscordStandIn discord;
  private DiscordAdapter adapter;
  private TappedGateway tap;
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
    tap = new TappedGateway(adapter.gateway());
    dispatcher =
        new OutboxDispatcher(store, clock, List.of(tap), OutboxDispatcher.Settings.defaults(), "d");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> !discord.calls("PUT", "guilds/" + DiscordStandIn.GUILD + "/commands").isEmpty());
    scored(ANA, 30);
    scored(BO, 20);
    scored(CY, 10);
  }

  @AfterEach
  void stop() throws Exception {
    adapter.close();
    discord.close();
  }

  private void scored(String user, int points) {
    store.transact(
        tx ->
            tx.ledger()
                .append(
                    new LedgerEntry(
                        "past:" + user,
                        TEAM,
                        CHANNEL,
                        "discord:" + user,
                        null,
                        "S1",
                        null,
                        "daily",
                        points,
                        clock.instant())));
  }

  private Map<String, Object> member(String user) {
    return Map.of(
        "user",
        DiscordStandIn.author(user, "user" + user.substring(user.length() - 2), false),
        "roles",
        user.equals(MENTOR) ? List.of(DiscordStandIn.MENTORS) : List.of(),
        "permissions",
        "0",
        "joined_at",
        "2026-01-01T00:00:00.000000+00:00");
  }

  /** {@code /spar SUB options} by {@code user}; returns what the bot answered, as JSON text. */
  private String slash(String user, String sub, String options) {
    List<Object> opts =
        options.isEmpty()
            ? List.of()
            : List.of(Map.of("type", 3, "name", "options", "value", options));
    Map<String, Object> i =
        DiscordStandIn.interaction(
            discord.nextId(), "tok-" + (++interactions), 2, DiscordStandIn.CHANNEL, member(user));
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
            List.of(Map.of("type", 1, "name", sub, "options", opts))));
    discord.dispatch("INTERACTION_CREATE", i);
    String id = (String) i.get("id");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !discord.calls("POST", "interactions/" + id).isEmpty());
    return discord.calls("POST", "interactions/" + id).get(0).body().toString();
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

  @Test
  void hideLeavesTheBoardAndShowsYouWhereYouWouldBe() {
    assertThat(slash(BO, "leaderboard", "hide")).contains("You are now hidden");
    String others = slash(CY, "leaderboard", "");
    assertThat(others).contains("<@" + ANA + ">").contains("<@" + CY + ">");
    assertThat(others).doesNotContain(BO);
    assertThat(slash(BO, "leaderboard", ""))
        .contains("You would be #2 with 20 points.")
        .doesNotContain("<@" + BO + ">");
    assertThat(slash(BO, "leaderboard", "show")).contains("You are back");
    assertThat(slash(CY, "leaderboard", "")).contains("<@" + BO + ">");
  }

  @Test
  void anAdminsExportIsACsvFileOnAChannelMessage() {
    slash(BO, "leaderboard", "hide");
    assertThat(slash(CY, "export", "")).contains("Only admins can export");
    assertThat(slash(MENTOR, "export", ""))
        .contains("Posted results-S1-" + DiscordStandIn.CHANNEL + ".csv (2 people, 40 points)");
    deliver();
    Outbound asked =
        tap.asked().stream()
            .filter(o -> !o.message().attachments().isEmpty())
            .reduce((a, b) -> b)
            .orElseThrow(() -> new AssertionError("no file was sent: " + tap.asked()));
    assertThat(asked).isInstanceOf(Outbound.Post.class);
    assertThat(asked.channel().key()).isEqualTo(CHANNEL);
    Message.Attachment file = asked.message().attachments().get(0);
    assertThat(file.mediaType()).isEqualTo("text/csv");
    assertThat(CsvRows.records(file.data()))
        .extracting(m -> m.get("rank") + " " + m.get("user_id"))
        .containsExactly("1 discord:" + ANA, "2 discord:" + CY);
    // The channel got the message (its words, at least, whatever the adapter does with files).
    assertThat(discord.calls("POST", "channels/" + DiscordStandIn.CHANNEL + "/messages"))
        .anyMatch(c -> String.valueOf(c.body()).contains("2 people, 40 points"));
  }

  @Test
  void aBalancedCompetitionPlacesJoinersByPastPoints() {
    slash(MENTOR, "compete", "start Cup 2d beginner balanced 2");
    deliver();
    assertThat(tap.asked())
        .anyMatch(o -> o.message().bodyText().contains("one of 2 groups (amber, blue)"));
    String first = slash(ANA, "compete", "join");
    String group = first.replaceAll("(?s).*in group (\\w+)\\..*", "$1");
    assertThat(group).isIn("amber", "blue");
    assertThat(slash(BO, "compete", "join")).doesNotContain("in group " + group + ".");
    assertThat(slash(CY, "compete", "join"))
        .doesNotContain("in group " + group + ".")
        .contains("kept even by past points");
  }

  @Test
  void archiveHistoryAndSuggestionsAnswerThroughDiscord() {
    assertThat(slash(BO, "archive", ""))
        .contains("No daily question has been revealed in this channel yet.");
    assertThat(slash(BO, "archive", "private")).contains("will not be quoted");
    assertThat(slash(BO, "history", "")).contains("Nothing in your history yet");
    assertThat(slash(CY, "suggestions", "")).contains("Only admins can review");
    // The suggestion form opens as a modal (interaction callback type 9).
    assertThat(slash(BO, "suggest", "")).contains("suggest.form").contains("\"type\":9");
  }
}
