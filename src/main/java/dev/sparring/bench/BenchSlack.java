package dev.sparring.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageEvent;
import dev.sparring.app.HttpServer;
import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.config.SparringConfig;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.grading.RubricGrader;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.slack.SlackAdapter;
import dev.sparring.slack.SlackModule;
import dev.sparring.slack.SlackSettings;
import dev.sparring.store.Store;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench slack}: signed Events API payloads (answers in interview threads) over loopback HTTP
 * to the real adapter on the embedded Jetty, acknowledged only after the answer is durably
 * committed; the baseline is a bare Bolt app that only acknowledges, on the same Jetty, fed the
 * same payloads in the same run.
 */
@Command(
    name = "slack",
    description = "Signed Slack events per second and ack latency vs a bare Bolt app.")
final class BenchSlack implements Callable<Integer> {

  @Mixin Startup startup = new Startup();
  @Mixin BenchSupport.Output output = new BenchSupport.Output();
  @Mixin BenchSupport.StoreChoice store = new BenchSupport.StoreChoice();

  @Option(
      names = "--interviews",
      description = "Interviews answered in the measured run (default ${DEFAULT-VALUE}).")
  int interviews = 400;

  @Option(names = "--clients", description = "Concurrent senders (default ${DEFAULT-VALUE}).")
  int clients = 8;

  private static final String SECRET = "bench-signing-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    Startup.quietLogs();
    SparringConfig config = startup.loadConfig();
    QuestionBank bank = Sparring.loadBank(config.bankPaths());
    Clock clock = Clock.systemUTC();
    try (BenchSupport.Scratch scratch = new BenchSupport.Scratch();
        Store s = store.open(config, scratch.dir);
        SlackApiStandIn api = SlackApiStandIn.forBench(0)) {
      Bot bot = new Bot(s, clock, Sparring.features(config, bank, new RubricGrader(), clock));
      SlackSettings settings =
          new SlackSettings(SECRET, "xoxb-bench", null, null, null, api.url(), 0, false);
      SlackConfig slackConfig = new SlackConfig();
      slackConfig.setMethodsEndpointUrlPrefix(api.url());
      App bare =
          new App(
              AppConfig.builder()
                  .slack(Slack.getInstance(slackConfig))
                  .signingSecret(SECRET)
                  .singleTeamBotToken("xoxb-bench")
                  .build());
      bare.event(MessageEvent.class, (req, ctx) -> ctx.ack());
      bare.start();
      try (SlackAdapter adapter = new SlackAdapter(settings, bot, s, clock).start();
          OutboxDispatcher dispatcher =
              new OutboxDispatcher(
                  s,
                  clock,
                  List.of(adapter.gateway()),
                  OutboxDispatcher.Settings.defaults(),
                  "bench")) {
        bot.onCommit(dispatcher::wake);
        dispatcher.start(Duration.ofSeconds(1));
        Map<String, HttpServlet> servlets = new LinkedHashMap<>(adapter.servlets());
        servlets.put("/bare/events", new SlackAppServlet(bare));
        try (HttpServer http = new HttpServer(0, servlets, () -> true)) {
          String base = "http://127.0.0.1:" + http.port();
          List<String> answers = BenchCommand.Grader.answers(bank.questions(), new Random(9));
          output.note("slack: warming up");
          List<String> warm = events(bot, api, bank, answers, "w", interviews / 4);
          send(base + "/slack/events", warm);
          send(base + "/bare/events", warm);
          List<String> events = events(bot, api, bank, answers, "m", interviews);
          output.note("slack: " + events.size() + " events from " + clients + " senders");
          // Bare Bolt first, then Sparring: the same payloads (event ids do not matter to Bolt).
          double[] bareFigures = send(base + "/bare/events", events);
          double[] ours = send(base + "/slack/events", events);
          Map<String, Object> f = BenchSupport.figures("slack");
          f.put("store", store.type);
          f.put("events", events.size());
          f.put("eventsPerSec", Math.round(ours[0]));
          f.put("p50Ms", ours[1]);
          f.put("p99Ms", ours[2]);
          f.put("bareBoltEventsPerSec", Math.round(bareFigures[0]));
          f.put("bareBoltP50Ms", bareFigures[1]);
          f.put("bareBoltP99Ms", bareFigures[2]);
          f.put("ratio", BenchSupport.round(ours[0] / bareFigures[0], 2));
          f.put("non2xx", (long) (ours[3] + bareFigures[3]));
          output.print(f);
        }
      } finally {
        bare.stop();
      }
    }
    return 0;
  }

  /**
   * Opens {@code count} interviews (through the bot, not timed), waits for their questions to be
   * posted, and returns one signed-ready payload per answer, step by step across interviews.
   */
  private static List<String> events(
      Bot bot,
      SlackApiStandIn api,
      QuestionBank bank,
      List<String> answers,
      String prefix,
      int count)
      throws Exception {
    List<Question> questions = bank.questions();
    TeamRef team = new TeamRef(SlackModule.PLATFORM, "TBENCH");
    for (int i = 0; i < count; i++) {
      bot.handle(
          new Inbound.CommandInvoked(
              "bench:" + prefix + ":" + i,
              team,
              new ChannelRef(SlackModule.PLATFORM, "C" + prefix + i),
              new Actor(new UserRef(SlackModule.PLATFORM, "U" + prefix + i), "bench", false),
              "interview " + questions.get(i % questions.size()).id()));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!allPosted(api, prefix, count)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the interview questions were not posted in time");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    int maxSteps = questions.stream().mapToInt(q -> q.steps().size()).max().orElse(1);
    List<String> out = new ArrayList<>();
    AtomicInteger n = new AtomicInteger();
    for (int step = 0; step < maxSteps; step++) {
      for (int i = 0; i < count; i++) {
        Question q = questions.get(i % questions.size());
        if (step >= q.steps().size()) {
          continue;
        }
        String channel = "C" + prefix + i;
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "message");
        event.put("channel", channel);
        event.put("user", "U" + prefix + i);
        event.put("text", answers.get(i % answers.size()));
        event.put("ts", "3000." + n.incrementAndGet());
        event.put("thread_ts", api.firstPost(channel));
        event.put("channel_type", "channel");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("token", "x");
        envelope.put("team_id", "TBENCH");
        envelope.put("api_app_id", "A1");
        envelope.put("type", "event_callback");
        envelope.put("event_id", "Ev" + prefix + n.get());
        envelope.put("event_time", Instant.now().getEpochSecond());
        envelope.put("event", event);
        out.add(JSON.writeValueAsString(envelope));
      }
    }
    return out;
  }

  private static boolean allPosted(SlackApiStandIn api, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      if (api.firstPost("C" + prefix + i) == null) {
        return false;
      }
    }
    return true;
  }

  /** Sends every payload once from the senders; returns {events/s, p50 ms, p99 ms, non-2xx}. */
  private double[] send(String url, List<String> bodies) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    SlackSignature.Generator signer = new SlackSignature.Generator(SECRET);
    long[] latencies = new long[bodies.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      running.add(
          pool.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < bodies.size(); ) {
                  String body = bodies.get(i);
                  String ts = Long.toString(Instant.now().getEpochSecond());
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(url))
                          .header("Content-Type", "application/json")
                          .header("X-Slack-Request-Timestamp", ts)
                          .header("X-Slack-Signature", signer.generate(ts, body))
                          .timeout(Duration.ofSeconds(30))
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build();
                  long a = System.nanoTime();
                  HttpResponse<Void> r =
                      client.send(request, HttpResponse.BodyHandlers.discarding());
                  latencies[i] = System.nanoTime() - a;
                  if (r.statusCode() / 100 != 2) {
                    failed.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new double[] {
      bodies.size() / seconds,
      BenchSupport.percentileMs(latencies, bodies.size(), 50),
      BenchSupport.percentileMs(latencies, bodies.size(), 99),
      failed.get()
    };
  }
}
