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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench nudges}: many people with a reminder in the same minute, each with something to do
 * (the open daily question of the channel they set it up in), delivered as Slack direct messages
 * through the real client and outbox to the loopback stand-in ({@code conversations.open}, then
 * {@code chat.postMessage} to the DM channel, under the stand-in's limits: one message per second
 * per channel and a global rate, 429 with Retry-After beyond them). Reports the time from the
 * minute's first tick to the last direct message accepted, messages per second, the 429s seen, and
 * counts per person: none twice, none lost. Bounded: it stops at its deadline whatever happened.
 */
@Command(
    name = "nudges",
    description = "Reminders due in the same minute for many people, as Slack DMs under limits.")
final class BenchNudges implements Callable<Integer> {

  @Mixin Startup startup = new Startup();
  @Mixin BenchSupport.Output output = new BenchSupport.Output();
  @Mixin BenchSupport.StoreChoice store = new BenchSupport.StoreChoice();

  @Option(names = "--people", description = "People with a reminder (default ${DEFAULT-VALUE}).")
  int people = 100_000;

  @Option(
      names = "--global-per-sec",
      description = "The stand-in's global limit, messages/s (default ${DEFAULT-VALUE}).")
  int globalPerSecond = 1_000;

  @Option(
      names = "--max-minutes",
      description = "Gives up on delivery after this long (default ${DEFAULT-VALUE}).")
  int maxMinutes = 30;

  private static final TeamRef TEAM = new TeamRef(SlackModule.PLATFORM, "TBENCH");
  private static final ChannelRef CHANNEL = new ChannelRef(SlackModule.PLATFORM, "CNUDGE");

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
                  botClock,
                  List.of(adapter.gateway()),
                  new OutboxDispatcher.Settings(
                      config.outbox().maxAttempts(),
                      config.outbox().lease(),
                      64,
                      config.outbox().baseBackoff(),
                      config.outbox().maxBackoff()),
                  "bench")) {
        bot.onCommit(dispatcher::wake);
        dispatcher.onUnreachable(bot::unreachable);
        // Everyone's reminder is at the same minute, an hour ahead (setting up takes a while).
        Instant minute = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        LocalTime at = LocalTime.ofInstant(minute, ZoneOffset.UTC);
        Actor admin = new Actor(new UserRef(SlackModule.PLATFORM, "UADMIN"), "admin", true);
        // The channel's daily question is posted now and next at a time half a day away, so the
        // hour the clock moves on never reaches it (a question posted then would be a message
        // that is not a reminder, and the bench would wait for it among the reminders).
        LocalTime daily =
            LocalTime.ofInstant(minute.plus(12, ChronoUnit.HOURS), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.HOURS);
        bot.handle(
            new Inbound.CommandInvoked(
                "bench:daily-on", TEAM, CHANNEL, admin, "daily on " + daily + " UTC daily"));
        bot.handle(
            new Inbound.CommandInvoked("bench:daily-now", TEAM, CHANNEL, admin, "daily now"));
        output.note("nudges: " + people + " people turn a reminder on at " + at + " UTC");
        long setupStart = System.nanoTime();
        seed(bot, at);
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        // The daily question goes out first; then the buckets refill.
        dispatcher.start(Duration.ofSeconds(1));
        while (s.transact(tx -> tx.outbox().pending()) > 0) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1100));
        botClock.shift(Duration.between(Instant.now(), minute).plusSeconds(1));
        output.note("nudges: the minute has come");
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(maxMinutes);
        int queued = 0;
        int ticks = 0;
        long noted = start;
        for (Bot.Result r; ; ) {
          long tickStart = System.nanoTime();
          r = bot.handle(new Inbound.Tick(botClock.instant()));
          queued += r.queued();
          ticks++;
          if (!r.again()) {
            break;
          }
          // As the application's scheduler does: catch-up ticks leave the store half its time.
          LockSupport.parkNanos(Math.min(System.nanoTime() - tickStart, MAX_PAUSE));
          if (System.nanoTime() > deadline) {
            break;
          }
          if (System.nanoTime() - noted > TimeUnit.SECONDS.toNanos(10)) {
            noted = System.nanoTime();
            output.note("nudges: " + queued + " queued, " + api.directTotal() + " delivered");
          }
        }
        double tickSeconds = (System.nanoTime() - start) / 1e9;
        long last = start;
        long seen = 0;
        while (api.directTotal() < queued && System.nanoTime() < deadline) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
          long now = api.directTotal();
          if (now != seen) {
            seen = now;
            last = System.nanoTime();
          }
          if (System.nanoTime() - noted > TimeUnit.SECONDS.toNanos(10)) {
            noted = System.nanoTime();
            output.note("nudges: " + now + " of " + queued + " delivered");
          }
        }
        // Anything more arriving now would be a duplicate: give it a moment to show.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1500));
        Map<String, Integer> directs = api.directs();
        long duplicates = 0;
        long lost = 0;
        for (int i = 0; i < people; i++) {
          int got = directs.getOrDefault(user(i), 0);
          duplicates += Math.max(0, got - 1);
          lost += got == 0 ? 1 : 0;
        }
        double seconds = (last - start) / 1e9;
        double ideal = (double) people / globalPerSecond;
        Map<String, Object> f = BenchSupport.figures("nudges");
        f.put("people", people);
        f.put("setupSeconds", BenchSupport.round(setupSeconds, 1));
        f.put("messages", queued);
        f.put("ticks", ticks);
        f.put("queuedSeconds", BenchSupport.round(tickSeconds, 2));
        f.put("seconds", BenchSupport.round(seconds, 2));
        f.put("perSecond", BenchSupport.round(seconds == 0 ? 0 : total(directs) / seconds, 1));
        f.put("idealSeconds", BenchSupport.round(ideal, 2));
        f.put("ratio", BenchSupport.round(seconds / ideal, 3));
        f.put("duplicates", duplicates);
        f.put("lost", lost);
        f.put("refused429", api.refused());
        f.put("dmOpens", api.opened());
        f.put("deadLetters", s.transact(tx -> tx.outbox().deadCount()));
        output.print(f);
      }
    }
    return 0;
  }

  private static final long MAX_PAUSE = TimeUnit.SECONDS.toNanos(1);

  private static String user(int i) {
    return "U" + i;
  }

  private static long total(Map<String, Integer> counts) {
    long n = 0;
    for (int c : counts.values()) {
      n += c;
    }
    return n;
  }

  /** Everyone turns the reminder on in the bench channel, from four threads (commits group). */
  private void seed(Bot bot, LocalTime at) throws Exception {
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(
            pool.submit(
                () -> {
                  for (int i = first; i < people; i += threads) {
                    Actor who =
                        new Actor(new UserRef(SlackModule.PLATFORM, user(i)), "p" + i, false);
                    bot.handle(
                        new Inbound.CommandInvoked(
                            "bench:remind:" + i, TEAM, CHANNEL, who, "remind on " + at + " UTC"));
                  }
                  return null;
                }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
