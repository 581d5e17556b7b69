package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.ThreadRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.Postgres;
import dev.sparring.testing.RecordingGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas (two bots, two connection pools) on one PostgreSQL database, racing each other the
 * way a load balancer or two Discord shards would make them.
 */
class PostgresReplicaTest {

  private String url;
  private Harness a;
  private Harness b;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @BeforeEach
  void replicas() {
    url = Postgres.freshDatabase();
    a = new Harness(Postgres.open(url), Features.all());
    b = new Harness(Postgres.open(url), Features.all());
    set(Instant.parse("2026-03-02T08:00:00Z"));
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    a.close();
    b.close();
  }

  private void set(Instant at) {
    a.clock.set(at);
    b.clock.set(at);
  }

  /** Runs the tasks on 8 threads, released together, and waits for all of them. */
  private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> t : tasks) {
      futures.add(
          pool.submit(
              () -> {
                go.await();
                return t.call();
              }));
    }
    go.countDown();
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  @Test
  void racingReplicasMakeOneDailyPostPerChannelPerLocalDate() throws Exception {
    a.admin("ana", "daily on 09:00 Europe/Berlin daily");
    set(Instant.parse("2026-03-02T08:00:00Z")); // 09:00 in Berlin
    List<Callable<Bot.Result>> ticks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Harness h = i % 2 == 0 ? a : b;
      ticks.add(h::tick);
    }
    race(ticks);
    // Both replicas also run "daily now" at once: still one post for the date.
    race(List.of(() -> a.admin("ana", "daily now"), () -> b.admin("bo", "daily now")));
    a.dispatcher.drain();
    b.dispatcher.drain();
    List<RecordingGateway.Sent> posts = new ArrayList<>(a.gateway.sent());
    posts.addAll(b.gateway.sent());
    assertThat(posts)
        .filteredOn(s -> s.message() instanceof Outbound.Post p && p.anchor() != null)
        .hasSize(1);
    long claims = a.store.transact(tx -> tx.documents().byPrefix("daily.post", "dp:", 100).size());
    assertThat(claims).isEqualTo(1);
  }

  @Test
  void racingRepliesOnTwoReplicasReleaseFollowUpsInOrderExactlyOnce() throws Exception {
    int interviews = 40;
    Map<Integer, String> threads = new HashMap<>();
    for (int i = 0; i < interviews; i++) {
      a.bot.handle(
          new Inbound.CommandInvoked(
              "console:start" + i,
              Harness.TEAM,
              Harness.CHANNEL,
              Harness.actor("u" + i),
              "interview demo-senior"));
    }
    a.dispatcher.drain();
    for (int i = 0; i < interviews; i++) {
      String user = Harness.user("u" + i).key();
      String id =
          a.store
              .transact(tx -> tx.conversations().active(Harness.TEAM.key(), user, "interview"))
              .orElseThrow()
              .id();
      threads.put(i, a.store.transact(tx -> tx.threads().get(id)).orElseThrow().platformId());
    }
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < interviews; i++) {
      for (int step = 0; step < 4; step++) {
        Inbound reply =
            new Inbound.MessagePosted(
                "console:r" + i + "-" + step,
                Harness.TEAM,
                Harness.CHANNEL,
                new ThreadRef(ConsoleModule.PLATFORM, threads.get(i)),
                Harness.actor("u" + i),
                "answer " + step);
        // The same event reaches both replicas (a platform retry landing elsewhere).
        tasks.add(() -> a.bot.handle(reply).duplicate());
        tasks.add(() -> b.bot.handle(reply).duplicate());
      }
    }
    List<Boolean> duplicates = race(tasks);
    assertThat(duplicates.stream().filter(d -> d).count()).isEqualTo(interviews * 4L);
    a.dispatcher.drain();
    Map<String, List<String>> byThread =
        a.gateway.sent().stream()
            .filter(s -> s.parentId() != null)
            .collect(
                Collectors.groupingBy(
                    RecordingGateway.Sent::parentId,
                    Collectors.mapping(s -> Harness.title(s.message()), Collectors.toList())));
    for (int i = 0; i < interviews; i++) {
      List<String> titles = byThread.get(threads.get(i));
      assertThat(titles).as("interview %d", i).hasSize(4);
      assertThat(titles.subList(0, 3))
          .containsExactly("Follow-up 1 of 3", "Follow-up 2 of 3", "Follow-up 3 of 3");
      assertThat(titles.get(3)).startsWith("Interview complete");
    }
  }

  @Test
  void theOutboxIsDeliveredOnceInChannelOrderByRacingDispatchers() throws Exception {
    int channels = 10;
    int perChannel = 20;
    a.store.transact(
        tx -> {
          for (int n = 0; n < perChannel; n++) {
            for (int c = 0; c < channels; c++) {
              tx.outbox()
                  .enqueue(
                      new Outbound.Post(
                          new ChannelRef(ConsoleModule.PLATFORM, "C" + c),
                          Message.text(c + ":" + n),
                          null),
                      a.clock.instant());
            }
          }
          return null;
        });
    race(
        List.<Callable<Integer>>of(
            a.dispatcher::drain, b.dispatcher::drain, a.dispatcher::drain, b.dispatcher::drain));
    List<RecordingGateway.Sent> all = new ArrayList<>(a.gateway.sent());
    all.addAll(b.gateway.sent());
    assertThat(all).hasSize(channels * perChannel);
    Set<Long> ids = new HashSet<>();
    all.forEach(
        s -> assertThat(ids.add(s.outboxId())).as("delivered twice: %s", s.outboxId()).isTrue());
    // Each channel's messages went out in order (outbox ids grow with enqueue order).
    Map<String, List<Long>> order = new HashMap<>();
    all.stream()
        .sorted((x, y) -> Long.compare(deliveredAt(x), deliveredAt(y)))
        .forEach(
            s ->
                order
                    .computeIfAbsent(s.message().channel().key(), k -> new ArrayList<>())
                    .add(s.outboxId()));
    order.values().forEach(list -> assertThat(list).isSorted());
    long pending = a.store.transact(tx -> tx.outbox().pending());
    assertThat(pending).isZero();
  }

  /** The platform id records delivery order per gateway: m&lt;global counter&gt;. */
  private static long deliveredAt(RecordingGateway.Sent s) {
    return Long.parseLong(s.platformId().substring(1));
  }

  @Test
  void aDeadReplicasClaimIsTakenOverWhenItsLeaseRunsOut() {
    a.store.transact(
        tx ->
            tx.outbox()
                .enqueue(
                    new Outbound.Post(Harness.CHANNEL, Message.text("x"), null),
                    a.clock.instant()));
    // Replica A claims the message and dies before delivering it.
    List<OutboxEntry> claimed =
        a.store.transact(
            tx -> tx.outbox().claim("replica-a", a.clock.instant(), Duration.ofSeconds(30), 10));
    assertThat(claimed).hasSize(1);
    assertThat(b.dispatcher.drain()).isZero();
    set(a.clock.instant().plusSeconds(31));
    assertThat(b.dispatcher.drain()).isEqualTo(1);
    assertThat(b.gateway.sent()).hasSize(1);
  }

  @Test
  void anInboundKeyIsAppliedOnceAcrossReplicas() throws Exception {
    Inbound cmd =
        new Inbound.CommandInvoked(
            "slack:cmd:same",
            Harness.TEAM,
            Harness.CHANNEL,
            Harness.actor("ana"),
            "interview demo-basic");
    List<Boolean> dup =
        race(
            List.of(
                () -> a.bot.handle(cmd).duplicate(),
                () -> b.bot.handle(cmd).duplicate(),
                () -> a.bot.handle(cmd).duplicate(),
                () -> b.bot.handle(cmd).duplicate()));
    assertThat(dup.stream().filter(d -> !d).count()).isEqualTo(1);
    long active = a.store.transact(tx -> tx.conversations().countActive("interview"));
    assertThat(active).isEqualTo(1);
  }
}
