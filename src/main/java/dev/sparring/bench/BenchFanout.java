package dev.sparring.bench;

import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench fanout}: one scheduled daily question in each of many channels, all due at once,
 * delivered through the real Slack client and outbox to a loopback stand-in that allows one message
 * per second per channel and a global rate, answering 429 with Retry-After beyond them. Reports the
 * time from the tick to the last accepted post against the ideal the limits allow, and counts
 * duplicated and lost posts.
 */
@Command(
    name = "fanout",
    description = "Daily posts to many channels under Slack-like rate limits vs the ideal time.")
final class BenchFanout implements Callable<Integer> {

  @Mixin Startup startup = new Startup();
  @Mixin BenchSupport.Output output = new BenchSupport.Output();
  @Mixin BenchSupport.StoreChoice store = new BenchSupport.StoreChoice();

  @Option(names = "--channels", description = "Channels (default ${DEFAULT-VALUE}).")
  int channels = 1_000;

  @Option(
      names = "--global-per-sec",
      description = "The stand-in's global limit, messages/s (default ${DEFAULT-VALUE}).")
  int globalPerSecond = 100;

  private static final TeamRef TEAM = new TeamRef(SlackModule.PLATFORM, "TBENCH");

  @Override
  public Integer call() throws Exception {
    Startup.quietLogs();
    SparringConfig config = startup.loadConfig();
    QuestionBank bank = Sparring.loadBank(config.bankPaths());
    Clock real = Clock.systemUTC();
    BenchSupport.ShiftedClock botClock = new BenchSupport.ShiftedClock();
    try (BenchSupport.Scratch scratch = new BenchSupport.Scratch();
        Store s = store.open(config, scratch.dir);
        SlackApiStandIn api = SlackApiStandIn.forBench(globalPerSecond)) {
      Bot bot = new Bot(s, botClock, Sparring.features(config, bank, new RubricGrader(), botClock));
      SlackSettings slack =
          new SlackSettings(
              "bench-signing-secret", "xoxb-bench", null, null, null, api.url(), 0, false);
      try (SlackAdapter adapter = new SlackAdapter(slack, bot, s, real).start();
          OutboxDispatcher dispatcher =
              new OutboxDispatcher(
                  s,
                  botClock, // the outbox's times are the bot's
                  List.of(adapter.gateway()),
                  new OutboxDispatcher.Settings(
                      config.outbox().maxAttempts(),
                      config.outbox().lease(),
                      32,
                      config.outbox().baseBackoff(),
                      config.outbox().maxBackoff()),
                  "bench")) {
        bot.onCommit(dispatcher::wake);
        // Every channel's schedule falls due two minutes from now (UTC), every day.
        LocalTime at =
            LocalTime.ofInstant(Instant.now().plus(2, ChronoUnit.MINUTES), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES);
        Actor admin = new Actor(new UserRef(SlackModule.PLATFORM, "UADMIN"), "admin", true);
        output.note("fanout: scheduling " + channels + " channels");
        for (int i = 0; i < channels; i++) {
          bot.handle(
              new Inbound.CommandInvoked(
                  "bench:daily-on:" + i,
                  TEAM,
                  new ChannelRef(SlackModule.PLATFORM, "C" + i),
                  admin,
                  "daily on " + at + " UTC daily"));
        }
        // The confirmations go out first (the stand-in's limits apply to them too).
        dispatcher.start(Duration.ofSeconds(1));
        while (s.transact(tx -> tx.outbox().pending()) > 0) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1100)); // the buckets refill
        long before = api.accepted();
        Map<String, Integer> setup = Map.copyOf(api.posted());
        botClock.shift(Duration.ofMinutes(3));
        output.note("fanout: posting");
        long start = System.nanoTime();
        int queued = 0;
        for (Bot.Result r; (r = bot.handle(new Inbound.Tick(botClock.instant()))).queued() > 0; ) {
          queued += r.queued();
        }
        int perChannel = queued / Math.max(1, channels);
        double ideal = (double) queued / globalPerSecond;
        long deadline = start + TimeUnit.SECONDS.toNanos((long) (ideal * 3) + 30);
        long last = start;
        long seen = before;
        while (api.accepted() - before < queued && System.nanoTime() < deadline) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
          if (api.accepted() != seen) {
            seen = api.accepted();
            last = System.nanoTime();
          }
        }
        // Anything more arriving now would be a duplicate: give it a moment to show.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1500));
        Map<String, Integer> posted = api.posted();
        long duplicates = 0;
        long lost = 0;
        for (int i = 0; i < channels; i++) {
          int got = posted.getOrDefault("C" + i, 0) - setup.getOrDefault("C" + i, 0);
          duplicates += Math.max(0, got - perChannel);
          lost += Math.max(0, perChannel - got);
        }
        double seconds = (last - start) / 1e9;
        Map<String, Object> f = BenchSupport.figures("fanout");
        f.put("channels", channels);
        f.put("messages", queued);
        f.put("seconds", BenchSupport.round(seconds, 2));
        f.put("idealSeconds", BenchSupport.round(ideal, 2));
        f.put("ratio", BenchSupport.round(seconds / ideal, 3));
        f.put("duplicates", duplicates);
        f.put("lost", lost);
        f.put("refused429", api.refused());
        f.put("deadLetters", s.transact(tx -> tx.outbox().deadCount()));
        output.print(f);
      }
    }
    return 0;
  }
}
