package dev.sparring.bench;

import dev.sparring.app.Sparring;
import dev.sparring.app.Startup;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.config.SparringConfig;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import dev.sparring.grading.RubricGrader;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.slack.SlackModule;
import dev.sparring.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench engine}: answer→follow-up transitions through {@link Bot#handle}, each one durable
 * commit (inbound key, interview state, graded answer, queued follow-up), against the store's own
 * floor: a loop of one-row commits with the same settings, on one thread.
 */
@Command(
    name = "engine",
    description = "Interview transitions per second through Bot.handle vs the store's write floor.")
final class BenchEngine implements Callable<Integer> {

  @Mixin Startup startup = new Startup();
  @Mixin BenchSupport.Output output = new BenchSupport.Output();
  @Mixin BenchSupport.StoreChoice store = new BenchSupport.StoreChoice();

  @Option(
      names = "--interviews",
      description = "Interviews answered in the measured run (default ${DEFAULT-VALUE}).")
  int interviews = 600;

  private static final TeamRef TEAM = new TeamRef(SlackModule.PLATFORM, "TBENCH");

  @Override
  public Integer call() {
    Startup.quietLogs();
    SparringConfig config = startup.loadConfig();
    QuestionBank bank = Sparring.loadBank(config.bankPaths());
    try (BenchSupport.Scratch scratch = new BenchSupport.Scratch();
        Store s = store.open(config, scratch.dir)) {
      Bot bot =
          new Bot(
              s,
              Clock.systemUTC(),
              Sparring.features(config, bank, new RubricGrader(), Clock.systemUTC()));
      Map<String, String> parents = new ConcurrentHashMap<>();
      Gateway gateway =
          new Gateway() {
            @Override
            public Platform platform() {
              return SlackModule.PLATFORM;
            }

            @Override
            public Delivery deliver(long id, Outbound message, String parentId) {
              String ts = "p" + id;
              if (message instanceof Outbound.Post p && p.anchor() != null) {
                parents.put(p.channel().id(), ts);
              }
              return new Delivery.Sent(ts);
            }
          };
      OutboxDispatcher dispatcher =
          new OutboxDispatcher(
              s, Clock.systemUTC(), List.of(gateway), OutboxDispatcher.Settings.defaults(), "b");
      List<String> answers = BenchCommand.Grader.answers(bank.questions(), new Random(3));
      output.note("engine: warming up");
      run(bot, dispatcher, parents, bank, answers, "w", Math.max(50, interviews / 4));
      output.note("engine: measuring " + interviews + " interviews on " + s.describe());
      long[] result = run(bot, dispatcher, parents, bank, answers, "m", interviews);
      double engine = result[0] / (result[1] / 1e9);
      long floorCommits = Math.max(2_000, result[0]);
      double floor = floor(s, floorCommits);
      Map<String, Object> f = BenchSupport.figures("engine");
      f.put("store", store.type);
      f.put("transitionsPerSec", Math.round(engine));
      f.put("floorPerSec", Math.round(floor));
      f.put("ratio", BenchSupport.round(engine / floor, 2));
      f.put("transitions", result[0]);
      output.print(f);
    }
    return 0;
  }

  /**
   * Starts {@code count} interviews (not timed), then answers every step of all of them, round
   * robin (timed). Returns {transitions, nanos}.
   */
  private static long[] run(
      Bot bot,
      OutboxDispatcher dispatcher,
      Map<String, String> parents,
      QuestionBank bank,
      List<String> answers,
      String prefix,
      int count) {
    List<Question> questions = bank.questions();
    List<ChannelRef> channels = new ArrayList<>();
    List<Integer> picked = new ArrayList<>();
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ChannelRef channel = new ChannelRef(SlackModule.PLATFORM, "C" + prefix + i);
      // One interview per person at a time: a person per channel.
      Actor actor = new Actor(new UserRef(SlackModule.PLATFORM, "U" + prefix + i), "bench", false);
      actors.add(actor);
      int q = i % questions.size();
      bot.handle(
          new Inbound.CommandInvoked(
              "bench:" + prefix + ":start:" + i,
              TEAM,
              channel,
              actor,
              "interview " + questions.get(q).id()));
      channels.add(channel);
      picked.add(q);
    }
    dispatcher.drain();
    int maxSteps = questions.stream().mapToInt(q -> q.steps().size()).max().orElse(1);
    long transitions = 0;
    long start = System.nanoTime();
    for (int step = 0; step < maxSteps; step++) {
      for (int i = 0; i < count; i++) {
        Question q = questions.get(picked.get(i));
        if (step >= q.steps().size()) {
          continue;
        }
        Bot.Result r =
            bot.handle(
                new Inbound.MessagePosted(
                    "bench:" + prefix + ":" + i + ":" + step,
                    TEAM,
                    channels.get(i),
                    new ThreadRef(SlackModule.PLATFORM, parents.get(channels.get(i).id())),
                    actors.get(i),
                    answers.get(picked.get(i))));
        if (r.queued() > 0) {
          transitions++;
        }
      }
    }
    return new long[] {transitions, System.nanoTime() - start};
  }

  /** One-row commits in a loop: what the store can do at best with the same settings. */
  private static double floor(Store s, long commits) {
    for (int i = 0; i < 500; i++) {
      int n = i;
      s.transact(
          tx -> {
            tx.kv().put("bench-warm", "k" + n, "v");
            return null;
          });
    }
    long start = System.nanoTime();
    for (long i = 0; i < commits; i++) {
      long n = i;
      s.transact(
          tx -> {
            tx.kv().put("bench", "k" + n, "value " + n);
            return null;
          });
    }
    return commits / ((System.nanoTime() - start) / 1e9);
  }
}
