package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.testing.TestPacks;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program on SQLite runs 24 Slack interviews at once and is killed with SIGKILL while
 * answers and deliveries are in flight; restarted on the same data, it gets Slack's retries of
 * every event it did not acknowledge. Every thread then holds each follow-up exactly once, in
 * order, and a summary with every answer: nothing acknowledged was lost, nothing was doubled.
 */
class SlackCrashSafetyTest {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(SlackCrashSafetyTest.class);

  private static final String SECRET = "crash-secret";
  private static final int INTERVIEWS = 24;
  private static final int ANSWERS = 4; // the question and 3 follow-ups of demo-senior
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private int port;

  private Process start(SlackApiStandIn api, Path config, int run) throws Exception {
    ProcessBuilder pb =
        dev.sparring.testing.ChildProgram.of(
            "run", "--data", dir.resolve("data").toString(), "--config", config.toString());
    Map<String, String> env = pb.environment();
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_BOT_TOKEN", "xoxb-crash");
    env.put("SLACK_API_URL", api.url());
    env.put("SPARRING_HTTP_PORT", Integer.toString(port));
    env.remove("SLACK_CLIENT_ID");
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("run-" + run + ".log").toFile());
    Process p = pb.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> get("/healthz") == 200);
    return p;
  }

  private int get(String path) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private int signed(String type, String body, Map<String, String> headers) throws Exception {
    String ts = Long.toString(Instant.now().getEpochSecond());
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", type)
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String answer(int interview, int step, String thread) throws Exception {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "message");
    event.put("channel", "C" + interview);
    event.put("user", "U" + interview);
    event.put("text", "answer " + step + " of interview " + interview + " about cold starts");
    event.put("ts", "5000." + (interview * 10 + step));
    event.put("thread_ts", thread);
    event.put("channel_type", "channel");
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", "event_callback");
    envelope.put("team_id", "T1");
    envelope.put("api_app_id", "A1");
    envelope.put("event_id", "Ev" + interview + "x" + step);
    envelope.put("event_time", Instant.now().getEpochSecond());
    envelope.put("event", event);
    return JSON.writeValueAsString(envelope);
  }

  private static Map<String, String> threads(SlackApiStandIn api) {
    Map<String, String> parents = new LinkedHashMap<>();
    for (SlackApiStandIn.Call c : api.calls("chat.postMessage")) {
      if (c.get("thread_ts").isEmpty() && c.get("blocks").contains("Mock interview")) {
        parents.putIfAbsent(c.get("channel"), c.ts());
      }
    }
    return parents;
  }

  @Test
  void sigkillMidFlightLosesNoAcknowledgedAnswerAndDoublesNoFollowUp() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("sparring.yaml");
    // Leases far longer than the test: what the first run was sending when killed goes out only
    // because the restarted process, the same instance on the same data, takes its leases back.
    Files.writeString(
        config,
        "bank:\n  paths: ['"
            + TestPacks.root()
            + "']\nscheduler:\n  tick: 1s\noutbox:\n  lease: 10m\n  baseBackoff: 1s\n",
        StandardCharsets.UTF_8);
    try (SlackApiStandIn api = new SlackApiStandIn()) {
      Process first = start(api, config, 1);
      Process second = null;
      try {
        for (int i = 0; i < INTERVIEWS; i++) {
          String form =
              "team_id=T1&channel_id=C"
                  + i
                  + "&user_id=U"
                  + i
                  + "&user_name=u"
                  + i
                  + "&command=%2Fspar&trigger_id=t"
                  + i
                  + "&text="
                  + URLEncoder.encode("interview demo-senior", StandardCharsets.UTF_8);
          assertThat(signed("application/x-www-form-urlencoded", form, Map.of())).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> threads(api).size() == INTERVIEWS);
        Map<String, String> parents = threads(api);

        // Answers from 6 senders, each interview's in order; SIGKILL once 40 are acknowledged.
        Map<String, Boolean> acked = new ConcurrentHashMap<>();
        AtomicInteger ackCount = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          int sender = t;
          running.add(
              senders.submit(
                  () -> {
                    for (int step = 0; step < ANSWERS; step++) {
                      for (int i = sender; i < INTERVIEWS; i += 6) {
                        if (killed.get()) {
                          return null;
                        }
                        String id = "Ev" + i + "x" + step;
                        try {
                          int status =
                              signed(
                                  "application/json",
                                  answer(i, step, parents.get("C" + i)),
                                  Map.of());
                          if (status == 200) {
                            acked.put(id, true);
                            ackCount.incrementAndGet();
                          }
                        } catch (java.io.IOException e) {
                          // the process died under this request: Slack will retry it
                        }
                      }
                    }
                    return null;
                  }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ackCount.get() >= 40);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no goodbye
        killed.set(true);
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (Future<?> f : running) {
          f.get(30, TimeUnit.SECONDS);
        }
        senders.shutdown();
        int ackedBeforeKill = acked.size();
        log.info(
            "acked before the kill: {}, posts: {}",
            ackedBeforeKill,
            api.calls("chat.postMessage").size());
        assertThat(ackedBeforeKill).isBetween(40, INTERVIEWS * ANSWERS - 1);

        second = start(api, config, 2);
        // Slack retries what was not acknowledged; the rest of each interview follows.
        ExecutorService retries = Executors.newFixedThreadPool(6);
        List<Future<?>> replayed = new ArrayList<>();
        for (int i = 0; i < INTERVIEWS; i++) {
          int interview = i;
          replayed.add(
              retries.submit(
                  () -> {
                    for (int step = 0; step < ANSWERS; step++) {
                      String id = "Ev" + interview + "x" + step;
                      if (acked.containsKey(id)) {
                        continue;
                      }
                      int status =
                          signed(
                              "application/json",
                              answer(interview, step, parents.get("C" + interview)),
                              Map.of(
                                  "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"));
                      assertThat(status).as(id).isEqualTo(200);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : replayed) {
          f.get(60, TimeUnit.SECONDS);
        }
        retries.shutdown();

        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    api.calls("chat.postMessage").stream()
                            .filter(c -> c.get("blocks").contains("Interview complete"))
                            .count()
                        >= INTERVIEWS);
        List<SlackApiStandIn.Call> posts = api.calls("chat.postMessage");
        log.info(
            "look-ups after the restart: {} replies, {} history; posts: {}",
            api.calls("conversations.replies").size(),
            api.calls("conversations.history").size(),
            posts.size());
        for (int i = 0; i < INTERVIEWS; i++) {
          String parent = parents.get("C" + i);
          List<String> inThread =
              posts.stream()
                  .filter(c -> c.get("thread_ts").equals(parent))
                  .map(c -> c.get("blocks"))
                  .toList();
          assertThat(inThread)
              .as("thread of interview %d", i)
              .satisfiesExactly(
                  b -> assertThat(b).contains("Follow-up 1 of 3"),
                  b -> assertThat(b).contains("Follow-up 2 of 3"),
                  b -> assertThat(b).contains("Follow-up 3 of 3"),
                  b -> assertThat(b).contains("Interview complete").doesNotContain("not answered"));
          String channel = "C" + i;
          long questions =
              posts.stream()
                  .filter(c -> c.get("channel").equals(channel) && c.get("thread_ts").isEmpty())
                  .filter(c -> c.get("blocks").contains("Mock interview"))
                  .count();
          assertThat(questions).as("question posts in C%d", i).isEqualTo(1);
        }
      } finally {
        first.destroyForcibly();
        if (second != null) {
          second.destroy();
          second.waitFor(20, TimeUnit.SECONDS);
        }
      }
    }
  }
}
