package dev.sparring.grading.judge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Step;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.grading.RubricGrader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline {@link RubricGrader} with an LLM judge over it. {@link #grade} never waits on the
 * network, because it runs before the platform is acknowledged and inside a store transaction: it
 * returns the judged grade when the judge's verdict on this answer and step is cached, and
 * otherwise the offline grade at once, asking the judge in the background (bounded workers and
 * queue, one call per answer and step at a time; when full, not at all). Later grades of the same
 * answer (interview summary, daily reveal, drill award) then use the verdict. {@link #gradeNow}
 * waits for the judge, up to its timeout, for the command line and benchmarks.
 *
 * <p>Any failure leaves the offline grade: a timeout, an unusable reply, an HTTP error or an
 * unreachable server. A 429 pauses the judge until its Retry-After (30 s without one); {@value
 * #CIRCUIT_FAILURES} failures in a row pause it for {@link #CIRCUIT_OPEN}. Each kind of failure is
 * logged at most once a minute, without the API key or a stack trace.
 */
public final class JudgedGrader implements Grader, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JudgedGrader.class);

  /** Failures in a row that open the circuit. */
  static final int CIRCUIT_FAILURES = 5;

  /** How long an open circuit keeps the judge from being asked. */
  static final Duration CIRCUIT_OPEN = Duration.ofSeconds(60);

  /** Calls that may wait per worker before new ones are skipped. */
  static final int QUEUE_PER_WORKER = 16;

  /** At most one warning per kind of failure in this time. */
  static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private final RubricGrader offline;
  private final JudgeClient client;
  private final JudgeSettings settings;
  private final Clock clock;
  private final Consumer<String> outcomes;
  private final Cache<String, Verdict> verdicts;
  private final Map<String, CompletableFuture<Verdict>> inFlight = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor workers;
  private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final Map<Outcome, Instant> lastWarned = new EnumMap<>(Outcome.class);
  private final Map<Outcome, Integer> unwarned = new EnumMap<>(Outcome.class);

  /**
   * @param apiKey the key read from the environment variable the settings name, or null
   * @param outcomes told the {@link Outcome} label of every call asked for (for metrics)
   */
  public JudgedGrader(
      JudgeSettings settings,
      String apiKey,
      RubricGrader offline,
      Clock clock,
      Consumer<String> outcomes) {
    this.settings = settings;
    this.offline = offline;
    this.clock = clock;
    this.outcomes = outcomes == null ? o -> {} : outcomes;
    this.client = new JudgeClient(settings, apiKey, clock);
    // Size-bound only (no ticker needed): a verdict on the same answer and points never goes stale.
    this.verdicts = Caffeine.newBuilder().maximumSize(settings.cacheSize()).build();
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            settings.maxConcurrent(),
            settings.maxConcurrent(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(settings.maxConcurrent() * QUEUE_PER_WORKER),
            r -> {
              Thread t = new Thread(r, "sparring-judge-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    workers.allowCoreThreadTimeOut(true);
  }

  /**
   * The judged grade if the verdict is cached; else the offline grade, asking in the background.
   */
  @Override
  public Grade grade(String answer, List<KeyPoint> keyPoints) {
    return grade(answer, RubricGrader.unasked(keyPoints));
  }

  /** As {@link #grade(String, List)}, the offline grade knowing the step's prompt. */
  @Override
  public Grade grade(String answer, Step step) {
    List<KeyPoint> keyPoints = step.keyPoints();
    if (keyPoints.isEmpty() || answer == null || answer.isBlank()) {
      return offline.grade(answer, step);
    }
    String key = key(answer, keyPoints);
    Verdict v = verdicts.getIfPresent(key);
    if (v != null) {
      return v.apply(offline, answer, step);
    }
    if (available()) {
      askLater(key, answer, keyPoints);
    }
    return offline.grade(answer, step);
  }

  /** The judged grade, waiting for the judge up to its timeout; the offline grade if it fails. */
  public Grade gradeNow(String answer, List<KeyPoint> keyPoints) {
    return gradeNow(answer, RubricGrader.unasked(keyPoints));
  }

  /** As {@link #gradeNow(String, List)}, the offline grade knowing the step's prompt. */
  public Grade gradeNow(String answer, Step step) {
    List<KeyPoint> keyPoints = step.keyPoints();
    if (keyPoints.isEmpty() || answer == null || answer.isBlank()) {
      return offline.grade(answer, step);
    }
    String key = key(answer, keyPoints);
    Verdict v = verdicts.getIfPresent(key);
    if (v == null && available()) {
      CompletableFuture<Verdict> mine = new CompletableFuture<>();
      CompletableFuture<Verdict> running = inFlight.putIfAbsent(key, mine);
      if (running == null) {
        ask(key, answer, keyPoints, mine);
        v = mine.getNow(null);
      } else {
        v = await(running);
      }
    }
    return v == null ? offline.grade(answer, step) : v.apply(offline, answer, step);
  }

  /** Whether a verdict for this answer and step is cached (for tests and benchmarks). */
  public boolean hasVerdict(String answer, List<KeyPoint> keyPoints) {
    return verdicts.getIfPresent(key(answer, keyPoints)) != null;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private void askLater(String key, String answer, List<KeyPoint> keyPoints) {
    CompletableFuture<Verdict> mine = new CompletableFuture<>();
    if (inFlight.putIfAbsent(key, mine) != null) {
      return; // already being asked
    }
    try {
      workers.execute(() -> ask(key, answer, keyPoints, mine));
    } catch (RejectedExecutionException e) {
      inFlight.remove(key, mine);
      mine.complete(null);
      if (!workers.isShutdown()) {
        record(
            Outcome.SKIPPED,
            "every worker busy and the queue full; answers keep their offline grade");
      }
    }
  }

  /** One call; the verdict is cached before the call stops being in flight, so none repeats. */
  private void ask(
      String key, String answer, List<KeyPoint> keyPoints, CompletableFuture<Verdict> result) {
    Verdict v = null;
    try {
      if (available()) {
        v = client.ask(keyPoints, answer, key);
        verdicts.put(key, v);
        failuresInARow.set(0);
        outcomes.accept(Outcome.OK.label());
      }
    } catch (JudgeClient.Failure f) {
      failed(f);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("LLM judge: unexpected failure; the offline grade stands", e);
      outcomes.accept(Outcome.UNUSABLE.label());
    } finally {
      inFlight.remove(key, result);
      result.complete(v);
    }
  }

  private Verdict await(CompletableFuture<Verdict> running) {
    try {
      return running.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  private void failed(JudgeClient.Failure f) {
    Instant now = clock.instant();
    if (f.outcome == Outcome.RATE_LIMITED) {
      pauseUntil(now.plus(f.retryAfter));
      record(
          f.outcome,
          client.endpoint()
              + " answered 429 (rate limited); not asking for "
              + f.retryAfter.toSeconds()
              + " s");
    } else {
      record(f.outcome, client.endpoint() + ": " + f.getMessage() + "; the offline grade stands");
    }
    if (failuresInARow.incrementAndGet() >= CIRCUIT_FAILURES) {
      pauseUntil(now.plus(CIRCUIT_OPEN));
      warn(
          Outcome.PAUSED,
          failuresInARow.get()
              + " failures in a row; not asking for "
              + CIRCUIT_OPEN.toSeconds()
              + " s");
    }
  }

  private void pauseUntil(Instant until) {
    pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Whether the judge may be asked now: not paused by a 429 or an open circuit. */
  private boolean available() {
    if (clock.instant().isBefore(pausedUntil.get())) {
      outcomes.accept(Outcome.PAUSED.label());
      return false;
    }
    return true;
  }

  private void record(Outcome outcome, String message) {
    outcomes.accept(outcome.label());
    warn(outcome, message);
  }

  /** One warning per kind a minute, saying how many were held back since the last. */
  private void warn(Outcome kind, String message) {
    Instant now = clock.instant();
    int held;
    synchronized (lastWarned) {
      Instant last = lastWarned.get(kind);
      if (last != null && now.isBefore(last.plus(LOG_EVERY))) {
        unwarned.merge(kind, 1, Integer::sum);
        return;
      }
      lastWarned.put(kind, now);
      Integer h = unwarned.remove(kind);
      held = h == null ? 0 : h;
    }
    log.warn(
        "LLM judge ({}): {}{}",
        kind.label(),
        message,
        held == 0 ? "" : " (" + held + " more like it not logged)");
  }

  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** SHA-256 of the answer (spacing normalised) and the step's key point texts, in hex. */
  static String key(String answer, List<KeyPoint> keyPoints) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    sha.update(SPACE.matcher(answer).replaceAll(" ").strip().getBytes(StandardCharsets.UTF_8));
    for (KeyPoint kp : keyPoints) {
      sha.update((byte) 0);
      sha.update(kp.point().getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
