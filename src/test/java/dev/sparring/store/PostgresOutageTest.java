package dev.sparring.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.app.HttpServer;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.slack.SlackModule;
import dev.sparring.store.jdbc.PostgresStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.RecordingGateway;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops while interviews are answered and starts again: the bot says it is not ready,
 * each event either happened whole or not at all (the platform retries it), and once the database
 * is back the bot is ready again by itself and every interview finishes, each follow-up once.
 */
class PostgresOutageTest {

  private static final int INTERVIEWS = 8;
  private static final TeamRef TEAM = new TeamRef(SlackModule.PLATFORM, "T1");

  @TempDir Path dir;

  private static EmbeddedPostgres start(Path data, int port) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static int readyz(HttpClient client, int port) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  void anOutageMakesTheBotUnreadyAndItRecoversWithNothingHalfDone() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = dir.resolve("pg");
    EmbeddedPostgres pg = start(data, port);
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE sparring");
    }
    String url = pg.getJdbcUrl("postgres", "sparring");
    RecordingGateway gateway = new RecordingGateway(SlackModule.PLATFORM);
    HttpClient client = HttpClient.newHttpClient();
    try (PostgresStore store = PostgresStore.open(url, "postgres", null, 4);
        HttpServer http = new HttpServer(0, Map.of(), store::ping)) {
      Bot bot = new Bot(store, Clock.systemUTC(), Features.all());
      OutboxDispatcher dispatcher =
          new OutboxDispatcher(
              store,
              Clock.systemUTC(),
              List.of(gateway),
              new OutboxDispatcher.Settings(
                  50, Duration.ofSeconds(5), 32, Duration.ofMillis(200), Duration.ofSeconds(1)),
              "r1");
      for (int i = 0; i < INTERVIEWS; i++) {
        bot.handle(
            new Inbound.CommandInvoked(
                "slack:start" + i,
                TEAM,
                new ChannelRef(SlackModule.PLATFORM, "C" + i),
                new Actor(new UserRef(SlackModule.PLATFORM, "U" + i), "u" + i, false),
                "interview demo-senior"));
      }
      dispatcher.drain();
      assertThat(readyz(client, http.port())).isEqualTo(200);
      dispatcher.start(Duration.ofMillis(200));

      // Answers, each retried until it is taken, as Slack retries a request that got a 5xx.
      AtomicInteger failures = new AtomicInteger();
      AtomicInteger handled = new AtomicInteger();
      ExecutorService senders = Executors.newFixedThreadPool(4);
      List<Future<?>> running = new java.util.ArrayList<>();
      for (int i = 0; i < INTERVIEWS; i++) {
        int n = i;
        running.add(
            senders.submit(
                () -> {
                  String parent = parentOf(gateway, "C" + n);
                  for (int step = 0; step < 4; step++) {
                    Inbound.MessagePosted answer =
                        new Inbound.MessagePosted(
                            "slack:Ev" + n + "-" + step,
                            TEAM,
                            new ChannelRef(SlackModule.PLATFORM, "C" + n),
                            new ThreadRef(SlackModule.PLATFORM, parent),
                            new Actor(new UserRef(SlackModule.PLATFORM, "U" + n), "u" + n, false),
                            "answer " + step + ": a cold start initialises the runtime");
                    while (true) {
                      try {
                        bot.handle(answer);
                        handled.incrementAndGet();
                        break;
                      } catch (StoreException e) {
                        failures.incrementAndGet();
                      }
                    }
                    // People take a moment between answers; the outage lands mid-interview.
                    await().pollDelay(Duration.ofMillis(150)).until(() -> true);
                  }
                  return null;
                }));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> handled.get() >= INTERVIEWS);
      pg.close(); // the database goes away under load
      await().atMost(Duration.ofSeconds(15)).until(() -> readyz(client, http.port()) == 503);
      long probe = System.nanoTime();
      readyz(client, http.port());
      assertThat(Duration.ofNanos(System.nanoTime() - probe)).isLessThan(Duration.ofSeconds(4));
      await().atMost(Duration.ofSeconds(30)).until(() -> failures.get() > 0);

      pg = start(data, port); // and comes back on the same files
      await().atMost(Duration.ofSeconds(30)).until(() -> readyz(client, http.port()) == 200);
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
      senders.shutdown();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> store.transact(tx -> tx.outbox().pending()) == 0);
      dispatcher.close();
      for (int i = 0; i < INTERVIEWS; i++) {
        String parent = parentOf(gateway, "C" + i);
        assertThat(
                gateway.sent().stream()
                    .filter(s -> parent.equals(s.parentId()))
                    .map(s -> s.message().message().title().split(" \u00b7 ")[0])
                    .toList())
            .as("interview %d", i)
            .containsExactly(
                "Follow-up 1 of 3", "Follow-up 2 of 3", "Follow-up 3 of 3", "Interview complete");
      }
      assertThat((long) store.transact(tx -> tx.outbox().deadCount())).isZero();
    } finally {
      pg.close();
    }
  }

  private static String parentOf(RecordingGateway gateway, String channel) {
    return gateway.sent().stream()
        .filter(s -> s.message() instanceof Outbound.Post p && p.anchor() != null)
        .filter(s -> s.message().channel().id().equals(channel))
        .map(RecordingGateway.Sent::platformId)
        .findFirst()
        .orElseThrow();
  }
}
