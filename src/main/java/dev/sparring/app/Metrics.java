package dev.sparring.app;

import dev.sparring.bank.KeyPoint;
import dev.sparring.core.Bot;
import dev.sparring.daily.DailyQuestions;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.interview.Interviews;
import dev.sparring.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Prometheus metrics ({@code GET /metrics}): inbound events by type and outcome, the time to handle
 * an event before the platform is acknowledged, grading time, and from the store (read at most
 * every five seconds) outbox depth and age, dead letters, active interviews and daily posts.
 *
 * <p>The registry (a few hundred classes) is built on a background thread once {@link #start()
 * started}, which the application does after the bot's first answer; what is recorded before it is
 * ready waits in order and is recorded into it as soon as it is. A scrape starts it and waits for
 * it, and so does a backlog of {@link #BACKLOG} records.
 */
public final class Metrics {

  private static final Duration REFRESH = Duration.ofSeconds(5);

  /** Records waiting for the registry that start building it, whether started or not. */
  static final int BACKLOG = 10_000;

  private final Store store;
  private final Clock clock;
  private final AtomicReference<Snapshot> snapshot =
      new AtomicReference<>(new Snapshot(0, 0, 0, 0, 0, Instant.EPOCH));

  private final Object lock = new Object();
  // Set once, under the lock, after the records waiting in `pending` went into it.
  private volatile Registry ready;
  // Guarded by lock: what was recorded before the registry was ready, in order.
  private List<Consumer<Registry>> pending = new ArrayList<>();
  // Guarded by lock: why the registry could not be built, if it could not.
  private RuntimeException failed;

  /** The registry with the meters made up front. */
  private record Registry(PrometheusMeterRegistry meters, Timer grading) {}

  /** What the gauges show, read from the store in one transaction. */
  private record Snapshot(
      long pending,
      double oldestSeconds,
      long dead,
      long interviews,
      long dailyPosts,
      Instant at) {}

  private final Executor builder;
  private final AtomicBoolean started = new AtomicBoolean();

  /** Metrics over {@code store}; {@link #start()} builds the registry on a background thread. */
  public Metrics(Store store, Clock clock) {
    this(
        store,
        clock,
        build -> {
          Thread t = new Thread(build, "metrics-registry");
          t.setDaemon(true);
          t.start();
        });
  }

  /** Metrics whose registry {@code builder} builds once started (it is given the work once). */
  Metrics(Store store, Clock clock, Executor builder) {
    this.store = store;
    this.clock = clock;
    this.builder = builder;
  }

  /** Starts building the registry, once; until it is ready, records wait for it. */
  public void start() {
    if (started.compareAndSet(false, true)) {
      builder.execute(this::build);
    }
  }

  private void build() {
    Registry registry;
    try {
      registry = newRegistry();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(Metrics.class).error("metrics unavailable", e);
      synchronized (lock) {
        failed = e;
        pending = null;
        lock.notifyAll();
      }
      return;
    }
    synchronized (lock) {
      pending.forEach(p -> p.accept(registry));
      pending = null;
      ready = registry;
      lock.notifyAll();
    }
  }

  private Registry newRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gauge.builder("sparring.outbox.depth", this, m -> m.read().pending())
        .description("Messages waiting for delivery")
        .register(registry);
    Gauge.builder("sparring.outbox.age", this, m -> m.read().oldestSeconds())
        .description("Age of the oldest undelivered message")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("sparring.outbox.dead", this, m -> m.read().dead())
        .description("Dead letters (see sparring outbox dead)")
        .register(registry);
    Gauge.builder("sparring.interviews.active", this, m -> m.read().interviews())
        .description("Interviews in progress")
        .register(registry);
    Gauge.builder("sparring.daily.posts", this, m -> m.read().dailyPosts())
        .description("Daily questions posted, all time")
        .register(registry);
    Timer grading =
        Timer.builder("sparring.grader")
            .description("Time to grade one answer")
            .publishPercentileHistogram()
            .register(registry);
    return new Registry(registry, grading);
  }

  /** Records {@code what} into the registry, now or as soon as it is ready. */
  private void record(Consumer<Registry> what) {
    Registry registry = ready;
    if (registry == null) {
      boolean backlog = false;
      synchronized (lock) {
        if (ready == null) {
          if (pending != null) {
            pending.add(what);
            backlog = pending.size() >= BACKLOG;
          }
        } else {
          registry = ready;
        }
      }
      if (registry == null) {
        if (backlog) {
          start();
        }
        return;
      }
    }
    what.accept(registry);
  }

  /** The registry, once it is ready (started now if it was not). */
  private Registry registry() {
    Registry registry = ready;
    if (registry != null) {
      return registry;
    }
    start();
    synchronized (lock) {
      boolean interrupted = false;
      while (ready == null && failed == null) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failed != null) {
        throw new IllegalStateException("metrics unavailable", failed);
      }
      return ready;
    }
  }

  /** Counts and times every event the bot handles. */
  public Bot.Observer observer() {
    return (event, outcome, nanos) -> {
      String type = event.getClass().getSimpleName();
      record(
          r -> {
            Counter.builder("sparring.inbound.events")
                .description("Inbound events by type and outcome")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(r.meters())
                .increment();
            Timer.builder("sparring.ack.latency")
                .description("Time to handle an event before the platform is acknowledged")
                .tag("type", type)
                .publishPercentileHistogram()
                .register(r.meters())
                .record(nanos, TimeUnit.NANOSECONDS);
          });
    };
  }

  /** The grader, timed. */
  public Grader timed(Grader grader) {
    return new Grader() {
      @Override
      public Grade grade(String answer, List<KeyPoint> keyPoints) {
        long start = System.nanoTime();
        try {
          return grader.grade(answer, keyPoints);
        } finally {
          long took = System.nanoTime() - start;
          record(r -> r.grading().record(took, TimeUnit.NANOSECONDS));
        }
      }

      @Override
      public Grade grade(String answer, dev.sparring.bank.Step step) {
        long start = System.nanoTime();
        try {
          return grader.grade(answer, step);
        } finally {
          long took = System.nanoTime() - start;
          record(r -> r.grading().record(took, TimeUnit.NANOSECONDS));
        }
      }
    };
  }

  /** Counts LLM judge calls by outcome: {@code sparring_judge_calls_total{outcome="ok"}}... */
  public java.util.function.Consumer<String> judgeCalls() {
    return outcome ->
        record(
            r ->
                Counter.builder("sparring.judge.calls")
                    .description("LLM judge calls by outcome (ok, timeout, rate_limited, ...)")
                    .tag("outcome", outcome)
                    .register(r.meters())
                    .increment());
  }

  private Snapshot read() {
    Snapshot s = snapshot.get();
    Instant now = clock.instant();
    if (s.at().plus(REFRESH).isAfter(now)) {
      return s;
    }
    try {
      Snapshot fresh =
          store.transact(
              tx ->
                  new Snapshot(
                      tx.outbox().pending(),
                      tx.outbox()
                          .oldestPending()
                          .map(t -> Duration.between(t, now).toMillis() / 1000.0)
                          .orElse(0.0),
                      tx.outbox().deadCount(),
                      tx.conversations().countActive(Interviews.KIND),
                      tx.documents().count(DailyQuestions.POST),
                      now));
      snapshot.set(fresh);
      return fresh;
    } catch (RuntimeException e) {
      return s; // the store is down: /readyz says so; keep the last figures
    }
  }

  public String scrape() {
    return registry().meters().scrape();
  }

  /** {@code GET /metrics} in the Prometheus text format. */
  public HttpServlet servlet() {
    return new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
        resp.getWriter().write(scrape());
      }
    };
  }
}
