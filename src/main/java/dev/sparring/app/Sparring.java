package dev.sparring.app;

import dev.sparring.bank.Banks;
import dev.sparring.bank.QuestionBank;
import dev.sparring.config.Secrets;
import dev.sparring.config.SparringConfig;
import dev.sparring.core.Bot;
import dev.sparring.core.Feature;
import dev.sparring.core.Gateway;
import dev.sparring.core.Mentions;
import dev.sparring.grading.Grader;
import dev.sparring.grading.RubricGrader;
import dev.sparring.grading.judge.JudgeSettings;
import dev.sparring.grading.judge.JudgedGrader;
import dev.sparring.interview.InterviewSettings;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.scoring.Points;
import dev.sparring.store.Store;
import dev.sparring.store.jdbc.PostgresStore;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.suggest.TeamBanks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the application from its configuration: every feature is registered here. */
public final class Sparring implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sparring.class);

  private final SparringConfig config;
  private final Store store;
  private final QuestionBank bank;
  private final Banks banks;
  private final Bot bot;
  private final OutboxDispatcher dispatcher;

  private final Metrics metrics;
  private final InstanceId instance;
  private final Grader grader;

  private Sparring(
      SparringConfig config,
      Store store,
      QuestionBank bank,
      Banks banks,
      Bot bot,
      OutboxDispatcher dispatcher,
      Metrics metrics,
      InstanceId instance,
      Grader grader) {
    this.grader = grader;
    this.metrics = metrics;
    this.instance = instance;
    this.config = config;
    this.store = store;
    this.bank = bank;
    this.banks = banks;
    this.bot = bot;
    this.dispatcher = dispatcher;
  }

  /** Opens the store, loads the bank and builds the bot with these gateways. */
  public static Sparring start(
      SparringConfig config, Path dataDir, Clock clock, List<Gateway> gateways) {
    return start(config, dataDir, clock, gateways, Platforms.shipped());
  }

  /**
   * Opens the store, loads the bank and builds the bot with these gateways, for people on {@code
   * platforms} (whose mention syntax the commands read).
   */
  public static Sparring start(
      SparringConfig config,
      Path dataDir,
      Clock clock,
      List<Gateway> gateways,
      Platforms platforms) {
    // The packs parse on another core while the store opens and migrates (begun before the command
    // line was parsed, when it preloaded them: BankReading): startup is the longer of the two.
    java.util.concurrent.CompletableFuture<BankReading> loading =
        BankReading.inBackground(config.bankPaths());
    Store store;
    try {
      store = openStore(config, dataDir);
    } catch (RuntimeException e) {
      loading.cancel(true);
      throw e;
    }
    QuestionBank bank;
    try {
      bank = loading.join().bank();
    } catch (java.util.concurrent.CompletionException e) {
      store.close();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    InstanceId instance = instanceId(config, dataDir);
    Grader grader = null;
    try {
      // Drill cards of earlier versions (SM-2) become FSRS cards, once per store.
      dev.sparring.review.Sm2Cards.migrate(store, clock);
      Metrics metrics = new Metrics(store, clock);
      grader = grader(config, bank, System.getenv(), clock, metrics.judgeCalls());
      TeamBanks banks = new TeamBanks(bank);
      List<Feature> features =
          features(config, banks, metrics.timed(grader), clock, platforms.mentions());
      Bot bot =
          new Bot(store, clock, features, config.admins())
              .withRateLimit(new dev.sparring.core.RateLimiter(config.actionsPerMinute(), clock));
      SparringConfig.OutboxConfig o = config.outbox();
      OutboxDispatcher dispatcher =
          new OutboxDispatcher(
              store,
              clock,
              gateways,
              new OutboxDispatcher.Settings(
                  o.maxAttempts(), o.lease(), 32, o.baseBackoff(), o.maxBackoff()),
              instance.id());
      bot.onCommit(dispatcher::wake);
      dispatcher.onUnreachable(bot::unreachable);
      bot.observe(metrics.observer());
      return new Sparring(config, store, bank, banks, bot, dispatcher, metrics, instance, grader);
    } catch (RuntimeException e) {
      if (grader instanceof JudgedGrader judge) {
        judge.close();
      }
      instance.close();
      store.close();
      throw e;
    }
  }

  /**
   * The outbox lease owner of this run. It is kept beside the SQLite file, so a restart takes back
   * its own leases at once; a PostgreSQL replica keeps one only in a {@code --data} folder that
   * exists (creating one where none is used would surprise), else each run is a new replica.
   */
  static InstanceId instanceId(SparringConfig config, Path dataDir) {
    SparringConfig.StoreConfig s = config.store();
    return switch (s.type()) {
      case "sqlite" -> InstanceId.in(dataDir.resolve(s.sqliteFile()).toAbsolutePath().getParent());
      case "postgres" -> Files.isDirectory(dataDir) ? InstanceId.in(dataDir) : InstanceId.fresh();
      default -> InstanceId.fresh();
    };
  }

  /** One meaning model per process, loaded in the background once the bot is up. */
  private static final class Meaning {
    static final dev.sparring.grading.MiniLmMeaning MODEL =
        dev.sparring.grading.MiniLmMeaning.unloaded();
  }

  /**
   * The offline grader: by terms, and by meaning too with {@code grading.meaning} (the model loads
   * in the background; see {@link #awaitMeaning}), knowing the sweeping misconceptions of the
   * shared bank wherever they are said (see {@link dev.sparring.grading.Falsehoods}).
   */
  public static RubricGrader offlineGrader(SparringConfig config, QuestionBank bank) {
    dev.sparring.grading.Falsehoods falsehoods = dev.sparring.grading.Falsehoods.of(bank);
    return new RubricGrader(
        config.gradeByMeaning() ? Meaning.MODEL : dev.sparring.grading.Meaning.NONE, falsehoods);
  }

  /**
   * Starts loading the meaning model, when the config uses it (the bot grades by terms till then),
   * and building the metrics registry: work the bot's first answer does not need, so the console
   * calls it once it has given that answer (a server when it starts serving).
   */
  public void startDeferred() {
    metrics.start();
    if (config.gradeByMeaning()) {
      Meaning.MODEL.start();
    }
  }

  /**
   * Waits up to a minute for the meaning model when the config uses it, so a command-line grade
   * does not depend on how far loading got.
   */
  public static void awaitMeaning(SparringConfig config) {
    if (config.gradeByMeaning()) {
      try {
        Meaning.MODEL.start().await(java.time.Duration.ofMinutes(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The offline rubric grader; with {@code grading.judge.enabled}, the LLM judge over it, its API
   * key read from the environment variable the config names.
   */
  public static Grader grader(
      SparringConfig config,
      QuestionBank bank,
      Map<String, String> env,
      Clock clock,
      java.util.function.Consumer<String> judgeOutcomes) {
    RubricGrader offline = offlineGrader(config, bank);
    JudgeSettings j = config.judge();
    if (!j.enabled()) {
      return offline;
    }
    String key = env.get(j.apiKeyEnv());
    log.info(
        "LLM judge on: model {} at {}, API key {}",
        j.model(),
        j.endpoint(),
        key == null || key.isBlank() ? "not set (" + j.apiKeyEnv() + ")" : "from " + j.apiKeyEnv());
    return new JudgedGrader(j, key, offline, clock, judgeOutcomes);
  }

  /** Every feature of the bot, in the order their help is listed ({@link FeatureRegistry}). */
  public static List<Feature> features(
      SparringConfig config, QuestionBank bank, Grader grader, Clock clock) {
    return features(config, bank, grader, clock, Platforms.shipped().mentions());
  }

  /** Every feature of the bot, reading people named in commands with {@code mentions}. */
  public static List<Feature> features(
      SparringConfig config, QuestionBank bank, Grader grader, Clock clock, Mentions mentions) {
    return features(config, new TeamBanks(bank), grader, clock, mentions);
  }

  private static List<Feature> features(
      SparringConfig config, TeamBanks banks, Grader grader, Clock clock, Mentions mentions) {
    int maxChars = config.maxAnswerChars();
    return FeatureRegistry.features(
        banks,
        grader,
        new Points(config.scoring(), clock),
        new InterviewSettings(config.interviewIdleTimeout(), maxChars),
        maxChars,
        mentions,
        config.drill());
  }

  /** Opens the store the config names; the embedded SQLite file lives in {@code dataDir}. */
  public static Store openStore(SparringConfig config, Path dataDir) {
    SparringConfig.StoreConfig s = config.store();
    return switch (s.type()) {
      case "memory" -> new MemoryStore();
      case "sqlite" ->
          SqliteStore.open(
              dataDir.resolve(s.sqliteFile()), SqliteStore.Durability.parse(s.sqliteDurability()));
      case "postgres" ->
          PostgresStore.open(
              s.postgresUrl(),
              System.getenv("SPARRING_DB_USER"),
              System.getenv(Secrets.DATABASE_PASSWORD),
              s.poolSize());
      default -> throw new IllegalArgumentException("store.type '" + s.type() + "' is unknown");
    };
  }

  /**
   * Loads the configured pack folders; when none of them exists, the packs bundled in the jar.
   * Broken questions are logged and left out.
   */
  public static QuestionBank loadBank(List<String> paths) {
    return BankReading.read(paths).bank();
  }

  public SparringConfig config() {
    return config;
  }

  public Store store() {
    return store;
  }

  /** Each team's view of the bank: the one the features use. */
  public Banks banks() {
    return banks;
  }

  public QuestionBank bank() {
    return bank;
  }

  public Bot bot() {
    return bot;
  }

  public Metrics metrics() {
    return metrics;
  }

  public OutboxDispatcher dispatcher() {
    return dispatcher;
  }

  private java.util.concurrent.ScheduledExecutorService scheduler;

  /** Ticks run back to back at most, when features ask for more ({@link Bot.Result#again}). */
  static final int CATCH_UP_TICKS = 1_000;

  private static final long CATCH_UP_PAUSE_NANOS = 1_000_000_000L;

  /**
   * Runs time-driven work: a tick every {@code scheduler.tick} (daily posts, expiry, competitions)
   * and outbox delivery every second (and at once after each commit).
   */
  public synchronized void startBackground(Clock clock) {
    dispatcher.start(java.time.Duration.ofSeconds(1));
    startDeferred();
    if (scheduler != null) {
      return;
    }
    scheduler =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sparring-tick");
              t.setDaemon(true);
              return t;
            });
    long every = config.tick().toMillis();
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            // A feature with more due than one tick takes on (reminders, in batches) asks for
            // the next tick at once, up to a bound, rather than a whole interval later; each
            // catch-up tick waits as long as the last one took, so the outbox and people's
            // commands get the store half the time meanwhile.
            for (int i = 0; i < CATCH_UP_TICKS; i++) {
              long started = System.nanoTime();
              if (!bot.handle(new dev.sparring.core.Inbound.Tick(clock.instant())).again()) {
                break;
              }
              java.util.concurrent.locks.LockSupport.parkNanos(
                  Math.min(System.nanoTime() - started, CATCH_UP_PAUSE_NANOS));
            }
          } catch (RuntimeException e) {
            log.warn("scheduled tick failed; will retry", e);
          }
        },
        0,
        every,
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    dispatcher.close();
    if (grader instanceof JudgedGrader judge) {
      judge.close();
    }
    if (config.gradeByMeaning()) {
      // Exiting while the model is still loading can crash the JVM in native code.
      Meaning.MODEL.quiesce(java.time.Duration.ofSeconds(30));
    }
    store.close();
    instance.close();
  }
}
