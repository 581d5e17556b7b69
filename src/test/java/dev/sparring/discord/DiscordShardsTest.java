package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import dev.sparring.core.Partitioner;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.slack.SlackModule;
import dev.sparring.store.Store;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.Postgres;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discord shards in two processes on one PostgreSQL database: two real JDA clients (shard 0 and
 * shard 1 of 2) against one stand-in that shards its guilds as Discord does, each process with its
 * own bot, store pool and outbox dispatcher. Every guild's daily post goes out once, from the
 * process that holds the guild's shard; none is dead-lettered by the process that does not.
 */
class DiscordShardsTest {

  // Two guilds on each shard: (id >> 22) % 2 is 0 for the A guilds and 1 for the B guilds.
  static final DiscordStandIn.Guild A1 =
      new DiscordStandIn.Guild(DiscordStandIn.GUILD, DiscordStandIn.CHANNEL);
  static final DiscordStandIn.Guild A2 =
      new DiscordStandIn.Guild("100000000008388609", "200000000000000003");
  static final DiscordStandIn.Guild B1 =
      new DiscordStandIn.Guild("100000000004194305", "200000000000000002");
  static final DiscordStandIn.Guild B2 =
      new DiscordStandIn.Guild("100000000012582913", "200000000000000004");
  static final List<DiscordStandIn.Guild> GUILDS = List.of(A1, B1, A2, B2);

  private final MutableClock clock = MutableClock.at("2026-03-02T07:00:00Z");
  private final AtomicInteger events = new AtomicInteger();
  private final List<Process> open = new ArrayList<>();
  private DiscordStandIn discord;
  private String url;

  /** One Sparring process: its own pool on the shared database, bot, Discord shards, dispatcher. */
  private final class Process implements AutoCloseable {
    final Store store;
    final Bot bot;
    final DiscordAdapter adapter;
    final Counting gateway;
    final OutboxDispatcher dispatcher;

    Process(int shard, boolean globalCommands) throws Exception {
      store = Postgres.open(url);
      bot = new Bot(store, clock, Features.all(), Set.of());
      DiscordSettings settings =
          new DiscordSettings(
              "test-token",
              discord.apiUrl(),
              discord.gatewayUrl(),
              true,
              globalCommands,
              Set.of(),
              2,
              shard,
              shard);
      adapter = new DiscordAdapter(settings, bot, TestPacks.demo(), clock).awaitReady(30);
      gateway = new Counting(adapter.gateway());
      dispatcher =
          new OutboxDispatcher(
              store,
              clock,
              List.of(gateway),
              OutboxDispatcher.Settings.defaults(),
              "shard-" + shard);
      open.add(this);
    }

    Bot.Result admin(DiscordStandIn.Guild g, String text) {
      return bot.handle(
          new Inbound.CommandInvoked(
              "discord:cmd-" + events.incrementAndGet(),
              new TeamRef(DiscordModule.PLATFORM, g.id()),
              new ChannelRef(DiscordModule.PLATFORM, g.channel()),
              new Actor(new UserRef(DiscordModule.PLATFORM, "700000000000000001"), "ana", true),
              text));
    }

    @Override
    public void close() {
      open.remove(this);
      dispatcher.close();
      adapter.close();
      store.close();
    }
  }

  /** The process's real gateway, counting what it delivered, per channel. */
  private static final class Counting implements Gateway {
    final Gateway real;
    final List<String> delivered = new CopyOnWriteArrayList<>();

    Counting(Gateway real) {
      this.real = real;
    }

    @Override
    public Platform platform() {
      return real.platform();
    }

    @Override
    public Optional<Partitioner> partitioner() {
      return real.partitioner();
    }

    @Override
    public Delivery deliver(long outboxId, Outbound message, String parentId) {
      return deliver(outboxId, message, parentId, false);
    }

    @Override
    public Delivery deliver(long outboxId, Outbound message, String parentId, boolean resumed) {
      Delivery d = real.deliver(outboxId, message, parentId, resumed);
      if (d instanceof Delivery.Sent) {
        delivered.add(message.channel().id());
      }
      return d;
    }
  }

  @BeforeEach
  void start() throws Exception {
    discord = new DiscordStandIn(GUILDS);
    url = Postgres.freshDatabase();
  }

  @AfterEach
  void stop() {
    new ArrayList<>(open).forEach(Process::close);
    discord.close();
  }

  /** Top-level messages the bot created in {@code guild}'s channel. */
  private long posts(DiscordStandIn.Guild g) {
    return discord.created(g.channel());
  }

  private static long dead(Process p) {
    return p.store.transact(tx -> tx.outbox().deadCount());
  }

  private static long pending(Process p) {
    return p.store.transact(tx -> tx.outbox().pending());
  }

  /** Drains the processes until nothing they can deliver is left. */
  private void deliver(Process... processes) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              int n = 0;
              for (Process p : processes) {
                n += p.dispatcher.drain();
              }
              return n == 0;
            });
  }

  @Test
  void everyGuildsDailyPostGoesOutOnceFromTheProcessHoldingItsShard() throws Exception {
    Process zero = new Process(0, false);
    Process one = new Process(1, false);
    assertThat(discord.identified()).containsExactly("0/2", "1/2");
    for (DiscordStandIn.Guild g : GUILDS) {
      // Set up from either process: a command is handled wherever it arrives.
      (g == A1 || g == B2 ? zero : one).admin(g, "daily on 09:00 Europe/Berlin daily");
    }
    deliver(zero, one); // the confirmations, if any

    long before = GUILDS.stream().mapToLong(this::posts).sum();
    clock.set(Instant.parse("2026-03-02T08:00:00Z")); // 09:00 in Berlin
    // Only process 0 ticks: it queues the posts of every guild, its own and process 1's.
    zero.bot.handle(new Inbound.Tick(clock.instant()));
    zero.gateway.delivered.clear();
    one.gateway.delivered.clear();
    deliver(zero, one);

    for (DiscordStandIn.Guild g : GUILDS) {
      assertThat(discord.calls("POST", "channels/" + g.channel() + "/messages/"))
          .as("a thread opened under %s's post", g.id())
          .isNotEmpty();
    }
    assertThat(GUILDS.stream().mapToLong(this::posts).sum() - before)
        .as("one post per guild, none doubled")
        .isEqualTo(4);
    assertThat(zero.gateway.delivered).containsOnly(A1.channel(), A2.channel());
    assertThat(one.gateway.delivered).containsOnly(B1.channel(), B2.channel());
    assertThat(zero.gateway.delivered).hasSize(2);
    assertThat(one.gateway.delivered).hasSize(2);
    assertThat(dead(zero)).as("nothing dead-lettered").isZero();
    assertThat(pending(zero)).isZero();
  }

  @Test
  void aStoppedShardsPostsWaitAndGoOutOnceWhenItComesBack() throws Exception {
    Process zero = new Process(0, false);
    Process one = new Process(1, false);
    for (DiscordStandIn.Guild g : GUILDS) {
      zero.admin(g, "daily on 09:00 Europe/Berlin daily");
    }
    deliver(zero, one); // the confirmations
    Map<DiscordStandIn.Guild, Long> before = new HashMap<>();
    GUILDS.forEach(g -> before.put(g, posts(g)));
    one.close(); // process 1 is down (a deploy, a crash)

    clock.set(Instant.parse("2026-03-02T08:00:00Z"));
    zero.bot.handle(new Inbound.Tick(clock.instant()));
    deliver(zero);
    // Hours pass with process 0 polling: guild B's posts wait, untouched and undead.
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofMinutes(10));
      zero.bot.handle(new Inbound.Tick(clock.instant()));
      zero.dispatcher.drain();
    }
    assertThat((posts(A1) - before.get(A1))).isEqualTo(1);
    assertThat((posts(A2) - before.get(A2))).isEqualTo(1);
    assertThat((posts(B1) - before.get(B1))).isZero();
    assertThat((posts(B2) - before.get(B2))).isZero();
    assertThat(dead(zero)).isZero();
    assertThat(pending(zero)).isEqualTo(2);
    List<dev.sparring.store.OutboxEntry> waiting =
        zero.store.transact(
            tx ->
                tx.outbox()
                    .claim("x", clock.instant(), Duration.ofSeconds(1), 10, Set.of("discord:1/2")));
    assertThat(waiting)
        .allSatisfy(e -> assertThat(e.attempts()).as("no attempt was spent").isZero())
        .hasSize(2);
    clock.advance(Duration.ofSeconds(2)); // that look's lease runs out

    Process back = new Process(1, false);
    deliver(zero, back);
    assertThat((posts(B1) - before.get(B1))).isEqualTo(1);
    assertThat((posts(B2) - before.get(B2))).isEqualTo(1);
    assertThat(back.gateway.delivered).containsExactlyInAnyOrder(B1.channel(), B2.channel());
    assertThat((posts(A1) - before.get(A1))).as("nothing doubled").isEqualTo(1);
    assertThat((posts(A2) - before.get(A2))).isEqualTo(1);
    assertThat(dead(zero)).isZero();
    assertThat(pending(zero)).isZero();
  }

  @Test
  void globalCommandsAreRegisteredOnceWhateverTheShardsAndGuildCommandsByTheirShard()
      throws Exception {
    new Process(0, true);
    new Process(1, true);
    String global = "applications/" + DiscordStandIn.BOT + "/commands";
    // Both shards are ready; a second registration would come within moments.
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(20))
        .until(() -> discord.calls("PUT", global).size() == 1);
    assertThat(discord.calls("PUT", "/guilds/")).as("no per-guild copies").isEmpty();
    new ArrayList<>(open).forEach(Process::close);

    // Per guild: each guild once, from the process that holds it.
    new Process(0, false);
    new Process(1, false);
    for (DiscordStandIn.Guild g : GUILDS) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> !discord.calls("PUT", "guilds/" + g.id() + "/commands").isEmpty());
    }
    for (DiscordStandIn.Guild g : GUILDS) {
      assertThat(discord.calls("PUT", "guilds/" + g.id() + "/commands")).hasSize(1);
    }
    assertThat(discord.calls("PUT", global)).as("still the one global registration").hasSize(1);
  }

  @Test
  void aGuildsShardFollowsDiscordsFormulaAndAnOddIdGoesToAnyProcess() {
    DiscordShards one = new DiscordShards(2, 1, 1);
    assertThat(one.served()).containsExactly("discord:1/2");
    assertThat(one.partitionOf(new TeamRef(DiscordModule.PLATFORM, A1.id())))
        .isEqualTo("discord:0/2");
    assertThat(one.partitionOf(new TeamRef(DiscordModule.PLATFORM, B1.id())))
        .isEqualTo("discord:1/2");
    // (id >> 22) % 16 for an id whose timestamp bits end in 0b1011: shard 11.
    assertThat(DiscordShards.shardOf(Long.toString((11L + 16 * 1000) << 22), 16)).isEqualTo(11);
    assertThat(DiscordShards.shardOf("18446744073709551615", 7)) // the largest snowflake
        .isEqualTo((int) Long.remainderUnsigned(-1L >>> 22, 7));
    assertThat(one.partitionOf(new TeamRef(DiscordModule.PLATFORM, "not-a-snowflake"))).isNull();
    assertThat(one.partitionOf(new TeamRef(SlackModule.PLATFORM, "T1"))).isNull();
  }
}
