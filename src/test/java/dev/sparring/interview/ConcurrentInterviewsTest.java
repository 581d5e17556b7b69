package dev.sparring.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.Conversation;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import dev.sparring.testing.RecordingGateway;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 1,000 interviews at once through {@link Bot#handle}: every reply is delivered twice (a platform
 * retry) and replies race each other on several threads while the outbox drains concurrently. Every
 * interview must release each follow-up exactly once, in order, then one summary.
 */
class ConcurrentInterviewsTest {

  private static final int INTERVIEWS = 1_000;
  private static final int CHANNELS = 40;
  private static final int STEPS = 4; // demo-senior: the question and three follow-ups

  @TempDir Path dir;

  private Store open(String kind) {
    return kind.equals("memory")
        ? new MemoryStore()
        : SqliteStore.open(dir.resolve("race.db"), SqliteStore.Durability.NORMAL);
  }

  private static ChannelRef channel(int i) {
    return new ChannelRef(ConsoleModule.PLATFORM, "C" + (i % CHANNELS));
  }

  private static Actor actor(int i) {
    return Harness.actor("u" + i);
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "sqlite"})
  void everyFollowUpExactlyOnceAndInOrder(String kind) throws Exception {
    try (Harness h = new Harness(open(kind))) {
      for (int i = 0; i < INTERVIEWS; i++) {
        Bot.Result r =
            h.bot.handle(
                new Inbound.CommandInvoked(
                    "console:start-" + i,
                    Harness.TEAM,
                    channel(i),
                    actor(i),
                    "interview demo-senior"));
        assertThat(r.queued()).isEqualTo(1);
      }
      h.dispatcher.drain();
      Map<Integer, String> threadOf = new HashMap<>();
      for (int i = 0; i < INTERVIEWS; i++) {
        int n = i;
        Conversation c =
            h.store
                .transact(
                    tx ->
                        tx.conversations()
                            .active(Harness.TEAM.key(), actor(n).user().key(), "interview"))
                .orElseThrow();
        threadOf.put(
            i, h.store.transact(tx -> tx.threads().get(c.id())).orElseThrow().platformId());
      }

      // Each interviewee sends STEPS replies; each reply arrives twice with the same key.
      List<Inbound> events = new ArrayList<>();
      for (int i = 0; i < INTERVIEWS; i++) {
        for (int s = 0; s < STEPS; s++) {
          Inbound reply =
              new Inbound.MessagePosted(
                  "console:reply-" + i + "-" + s,
                  Harness.TEAM,
                  channel(i),
                  new ThreadRef(ConsoleModule.PLATFORM, threadOf.get(i)),
                  actor(i),
                  "answer " + s + " idempotent dedup DLQ");
          events.add(reply);
          events.add(reply);
        }
      }
      Collections.shuffle(events, new Random(42));

      ExecutorService pool = Executors.newFixedThreadPool(8);
      AtomicInteger duplicates = new AtomicInteger();
      AtomicBoolean done = new AtomicBoolean();
      Thread drainer =
          new Thread(
              () -> {
                while (!done.get()) {
                  h.dispatcher.drain();
                }
              });
      drainer.start();
      List<Future<?>> futures = new ArrayList<>();
      int slices = 8;
      for (int k = 0; k < slices; k++) {
        List<Inbound> slice =
            events.subList(k * events.size() / slices, (k + 1) * events.size() / slices);
        futures.add(
            pool.submit(
                () -> {
                  for (Inbound e : slice) {
                    if (h.bot.handle(e).duplicate()) {
                      duplicates.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      done.set(true);
      drainer.join();
      h.dispatcher.drain();

      assertThat(duplicates.get()).isEqualTo(INTERVIEWS * STEPS);
      long pending = h.store.transact(tx -> tx.outbox().pending());
      assertThat(pending).isZero();
      Map<String, List<String>> byThread =
          h.gateway.sent().stream()
              .filter(s -> s.parentId() != null)
              .collect(
                  Collectors.groupingBy(
                      RecordingGateway.Sent::parentId,
                      Collectors.mapping(s -> Harness.title(s.message()), Collectors.toList())));
      assertThat(byThread).hasSize(INTERVIEWS);
      for (int i = 0; i < INTERVIEWS; i++) {
        List<String> titles = byThread.get(threadOf.get(i));
        assertThat(titles).as("thread of interview %d", i).hasSize(STEPS);
        assertThat(titles.subList(0, 3))
            .containsExactly("Follow-up 1 of 3", "Follow-up 2 of 3", "Follow-up 3 of 3");
        assertThat(titles.get(3)).startsWith("Interview complete");
      }
      long active = h.store.transact(tx -> tx.conversations().countActive("interview"));
      assertThat(active).isZero();
    }
  }
}
