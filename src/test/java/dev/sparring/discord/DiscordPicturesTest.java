package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.picture.Samples;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.Scores;
import dev.sparring.testing.TestPacks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pictures on Discord through JDA against the stand-in: a message's files go as multipart
 * attachments (bytes intact) shown in its embed, once even when a retry follows a lost answer; a
 * refusal or a missing Attach Files permission leaves the picture's text; and the leaderboard card,
 * the progress chart and the podium arrive where their commands put them.
 */
class DiscordPicturesTest {

  private static final String USER = "700000000000000011";
  private static final String MENTOR = "700000000000000099";

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private final ChannelRef channel = new ChannelRef(DiscordModule.PLATFORM, DiscordStandIn.CHANNEL);
  private DiscordStandIn discord;
  private DiscordAdapter adapter;
  private OutboxDispatcher dispatcher;
  private Bot bot;
  private int interactions;

  private void start(String permissions) throws Exception {
    discord =
        new DiscordStandIn(
            List.of(new DiscordStandIn.Guild(DiscordStandIn.GUILD, DiscordStandIn.CHANNEL)),
            permissions);
    bot = new Bot(store, clock, Features.all(), Set.of());
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
  void stop() {
    if (adapter != null) {
      adapter.close();
    }
    if (discord != null) {
      discord.close();
    }
  }

  private Message withPicture(byte[] png) {
    return Message.of("Week 3 Cup is over", "1. Amara 180")
        .withAttachments(
            List.of(Message.Attachment.png("podium.png", png, "Podium: 1. Amara 180 points")));
  }

  private long dead() {
    return store.transact(tx -> tx.outbox().deadCount());
  }

  private void enqueue(Outbound message) {
    store.transact(tx -> tx.outbox().enqueue(message, clock.instant()));
  }

  private void deliver() {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              dispatcher.drain();
              clock.advance(Duration.ofSeconds(10)); // past any retry's backoff
              return store.transact(tx -> tx.outbox().pending()) == 0;
            });
  }

  private List<DiscordStandIn.Call> messagesIn(String id) {
    return discord.calls("POST", "channels/" + id + "/messages").stream()
        .filter(c -> c.path().endsWith("/messages"))
        .toList();
  }

  private static BufferedImage decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    return image;
  }

  private static Map<String, Object> member(String user) {
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

  /** {@code /spar SUB options:...} by {@code user} in the channel; returns the interaction id. */
  private String slash(String user, String sub, String options) {
    List<Object> opts =
        options == null
            ? List.of()
            : List.of(Map.of("type", 3, "name", DiscordCommands.OPTIONS, "value", options));
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
    return (String) i.get("id");
  }

  /** The files the answer to an interaction carried (waiting for the answer). */
  private List<DiscordStandIn.Upload> answerFiles(String interaction) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !discord.calls("POST", "interactions/" + interaction).isEmpty());
    return discord.uploads().stream()
        .filter(u -> u.path().contains("interactions/" + interaction))
        .toList();
  }

  private void score(String user, String question, int grade, int points) {
    Scores.graded(
        store,
        "discord:" + DiscordStandIn.GUILD,
        channel.key(),
        "discord:" + user,
        question,
        grade,
        points,
        clock.instant());
  }

  @Test
  void aPostsPictureIsAnAttachmentShownInItsEmbed() throws Exception {
    start(DiscordStandIn.PERMISSIONS);
    byte[] png = Samples.podium();
    enqueue(new Outbound.Post(channel, withPicture(png), null));
    deliver();

    List<DiscordStandIn.Call> sent = messagesIn(DiscordStandIn.CHANNEL);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).body().path("embeds").get(0).path("image").path("url").asText())
        .isEqualTo("attachment://podium.png");
    assertThat(sent.get(0).body().path("nonce").asText()).isNotEmpty();
    assertThat(discord.uploads()).hasSize(1);
    DiscordStandIn.Upload upload = discord.uploads().get(0);
    assertThat(upload.name()).isEqualTo("podium.png");
    assertThat(upload.data()).isEqualTo(png);
    assertThat(decode(upload.data()).getWidth()).isEqualTo(800);
  }

  @Test
  void aRetryAfterALostAnswerCreatesTheMessageOnce() throws Exception {
    start(DiscordStandIn.PERMISSIONS);
    discord.fail(DiscordStandIn.Fault.ERROR_AFTER_CREATING);
    enqueue(new Outbound.Post(channel, withPicture(Samples.podium()), null));
    deliver();

    assertThat(messagesIn(DiscordStandIn.CHANNEL)).hasSize(2); // the lost answer, and the retry
    assertThat(discord.created(DiscordStandIn.CHANNEL)).isEqualTo(1);
    assertThat(dead()).isZero();
  }

  @Test
  void aRefusedPictureLeavesItsTextInTheMessage() throws Exception {
    start(DiscordStandIn.PERMISSIONS);
    discord.refuseFiles(413, 40005);
    enqueue(new Outbound.Post(channel, withPicture(Samples.podium()), null));
    deliver();

    assertThat(discord.uploads()).isEmpty();
    assertThat(discord.created(DiscordStandIn.CHANNEL)).isEqualTo(1);
    List<DiscordStandIn.Call> sent = messagesIn(DiscordStandIn.CHANNEL);
    String shown = sent.get(sent.size() - 1).body().path("embeds").get(0).toString();
    assertThat(shown).contains("Podium: 1. Amara 180 points").doesNotContain("attachment://");
    assertThat(dead()).isZero();
  }

  @Test
  void withoutAttachFilesNoFileIsEvenTried() throws Exception {
    start(DiscordStandIn.NO_FILES);
    enqueue(new Outbound.Post(channel, withPicture(Samples.podium()), null));
    deliver();

    List<DiscordStandIn.Call> sent = messagesIn(DiscordStandIn.CHANNEL);
    assertThat(sent).hasSize(1);
    assertThat(discord.uploads()).isEmpty();
    assertThat(sent.get(0).body().toString()).contains("Podium: 1. Amara 180 points");
  }

  @Test
  void theLeaderboardAndTheProgressChartComeWithTheirPrivateAnswers() throws Exception {
    start(DiscordStandIn.PERMISSIONS);
    score(USER, "demo-senior", 80, 40);
    score("700000000000000012", "demo-basic", 60, 25);

    String board = slash(USER, "leaderboard", null);
    List<DiscordStandIn.Upload> files = answerFiles(board);
    assertThat(files).extracting(DiscordStandIn.Upload::name).containsExactly("leaderboard.png");
    assertThat(decode(files.get(0).data()).getWidth()).isEqualTo(800);
    DiscordStandIn.Call answer = discord.calls("POST", "interactions/" + board).get(0);
    assertThat(answer.body().path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
    assertThat(answer.body().toString())
        .contains("40 points")
        .contains("attachment://leaderboard.png");

    String progress = slash(USER, "progress", "4");
    files = answerFiles(progress);
    assertThat(files).extracting(DiscordStandIn.Upload::name).containsExactly("progress.png");
    assertThat(decode(files.get(0).data()).getHeight()).isEqualTo(520);
  }

  @Test
  void aCompetitionsEndPostsThePodiumPicture() throws Exception {
    start(DiscordStandIn.PERMISSIONS);
    answerFiles(slash(MENTOR, "compete", "start Cup 1d demo every 1d"));
    deliver();
    List<DiscordStandIn.Call> threads = discord.calls("POST", "/threads");
    String thread = threads.get(threads.size() - 1).path().split("/")[3];
    answerFiles(slash(USER, "compete", "join"));
    Map<String, Object> m =
        new LinkedHashMap<>(DiscordStandIn.message(discord.nextId(), thread, null));
    m.put("author", DiscordStandIn.author(USER, "user11", false));
    m.put("content", "A queue decouples producers from consumers, absorbs bursts and retries.");
    m.put("guild_id", DiscordStandIn.GUILD);
    m.put("member", Map.of("roles", List.of(), "joined_at", "2026-01-01T00:00:00.000000+00:00"));
    discord.dispatch("MESSAGE_CREATE", m);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                store
                        .transact(
                            tx ->
                                tx.ledger()
                                    .entries(
                                        "discord:" + DiscordStandIn.GUILD, "discord:" + USER, 10))
                        .size()
                    == 1);

    clock.advance(Duration.ofDays(1));
    bot.handle(new Inbound.Tick(clock.instant()));
    deliver();

    List<DiscordStandIn.Upload> podium =
        discord.uploads().stream().filter(u -> u.name().equals("podium.png")).toList();
    assertThat(podium).hasSize(1);
    assertThat(podium.get(0).path()).isEqualTo("channels/" + DiscordStandIn.CHANNEL + "/messages");
    assertThat(decode(podium.get(0).data()).getWidth()).isEqualTo(800);
  }
}
