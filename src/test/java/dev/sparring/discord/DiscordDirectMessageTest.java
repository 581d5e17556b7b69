package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.Document;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders as Discord direct messages, through the real JDA client against the loopback stand-in:
 * the DM channel is opened ({@code POST /users/@me/channels} with the recipient) and the nudge sent
 * there with its nonce; a 429 on the send is waited out (JDA honours Retry-After) and the message
 * is created once; a person who accepts no direct messages (code 50007) is a dead letter and their
 * reminder turns off.
 */
class DiscordDirectMessageTest {

  private static final TeamRef GUILD = new TeamRef(DiscordModule.PLATFORM, DiscordStandIn.GUILD);
  private static final ChannelRef CHANNEL =
      new ChannelRef(DiscordModule.PLATFORM, DiscordStandIn.CHANNEL);

  private final MutableClock clock = MutableClock.at("2026-03-02T07:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private DiscordStandIn discord;
  private DiscordAdapter adapter;
  private Bot bot;
  private OutboxDispatcher dispatcher;
  private int keys;

  @BeforeEach
  void start() throws Exception {
    discord = new DiscordStandIn();
    bot = new Bot(store, clock, Features.all(), Set.of());
    DiscordSettings settings =
        new DiscordSettings(
            "test-token", discord.apiUrl(), discord.gatewayUrl(), true, false, Set.of());
    adapter = new DiscordAdapter(settings, bot, TestPacks.demo(), clock).awaitReady(30);
    dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(adapter.gateway()), OutboxDispatcher.Settings.defaults(), "d");
    dispatcher.onUnreachable(bot::unreachable);
  }

  @AfterEach
  void stop() throws Exception {
    adapter.close();
    discord.close();
  }

  /** {@code user} turns a reminder on at 08:30 UTC and has a drill card due. */
  private void remindAt0830(String user) {
    Actor who = new Actor(new UserRef(DiscordModule.PLATFORM, user), "user" + user, false);
    bot.handle(
        new Inbound.CommandInvoked(
            "discord:k" + (++keys), GUILD, CHANNEL, who, "remind on 08:30 UTC"));
    store.transact(
        tx -> {
          tx.documents()
              .put(
                  Document.create(
                      "drill.card",
                      GUILD.key() + "#discord:" + user + "#demo-basic",
                      GUILD.key(),
                      "{}",
                      Instant.parse("2026-03-01T00:00:00Z")));
          return null;
        });
  }

  private void tickAt(String instant) {
    clock.set(Instant.parse(instant));
    bot.handle(new Inbound.Tick(clock.instant()));
  }

  private long pending() {
    Long n = store.transact(tx -> tx.outbox().pending());
    return n;
  }

  private long dead() {
    Long n = store.transact(tx -> tx.outbox().deadCount());
    return n;
  }

  @Test
  void aNudgeOpensTheDmChannelAndIsSentThereOnceThroughA429() {
    String user = "700000000000000011";
    remindAt0830(user);
    discord.fail(DiscordStandIn.Fault.RATE_LIMITED);
    tickAt("2026-03-02T08:30:00Z");
    await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.drain() >= 0 && pending() == 0);
    List<DiscordStandIn.Call> opens = discord.calls("POST", "users/@me/channels");
    assertThat(opens).hasSize(1);
    assertThat(opens.get(0).body().path("recipient_id").asText()).isEqualTo(user);
    String dm = discord.dmChannel(user);
    // The 429 was answered, waited out, and the message created once, with the outbox's nonce.
    List<DiscordStandIn.Call> sends = discord.calls("POST", "channels/" + dm + "/messages");
    assertThat(sends).hasSize(2);
    assertThat(discord.created(dm)).isEqualTo(1);
    assertThat(sends.get(1).body().path("nonce").asText()).matches("\\d+");
    assertThat(sends.get(1).body().toString()).contains("Worth doing today");
    assertThat(dead()).isZero();
  }

  @Test
  void aPersonWhoAcceptsNoDirectMessagesIsADeadLetterAndTheirReminderTurnsOff() {
    String closed = "700000000000000012";
    String open = "700000000000000013";
    remindAt0830(closed);
    remindAt0830(open);
    discord.closeDms(closed);
    tickAt("2026-03-02T08:30:00Z");
    await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.drain() >= 0 && pending() == 0);
    assertThat(dead()).isEqualTo(1);
    assertThat(store.transact(tx -> tx.outbox().deadLetters(10)).get(0).lastError())
        .contains("CANNOT_SEND_TO_USER");
    assertThat(discord.created(discord.dmChannel(open))).isEqualTo(1);
    assertThat(discord.created(discord.dmChannel(closed))).isZero();
    assertThat(discord.created(DiscordStandIn.CHANNEL)).isZero(); // no notice anywhere
    // The next day: nothing is tried for the closed one.
    tickAt("2026-03-03T08:30:00Z");
    await().atMost(Duration.ofSeconds(20)).until(() -> dispatcher.drain() >= 0 && pending() == 0);
    assertThat(discord.created(discord.dmChannel(open))).isEqualTo(2);
    assertThat(discord.calls("POST", "channels/" + discord.dmChannel(closed) + "/messages"))
        .hasSize(1);
    assertThat(dead()).isEqualTo(1);
  }
}
