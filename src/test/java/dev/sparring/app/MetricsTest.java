package dev.sparring.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.core.Inbound;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.store.memory.MemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

  /** A grader that grades nothing, for timing. */
  private static final Grader NOTHING =
      new Grader() {
        @Override
        public Grade grade(String answer, List<KeyPoint> keyPoints) {
          return null;
        }

        @Override
        public Grade grade(String answer, dev.sparring.bank.Step step) {
          return null;
        }
      };

  @Test
  void whatIsRecordedBeforeTheRegistryIsReadyIsCountedOnceItIs() {
    List<Runnable> builds = new ArrayList<>();
    Metrics metrics = new Metrics(new MemoryStore(), clock, builds::add);
    Inbound tick = new Inbound.Tick(clock.instant());
    metrics.observer().handled(tick, "handled", 1_000_000);
    metrics.observer().handled(tick, "handled", 2_000_000);
    metrics.timed(NOTHING).grade("answer", List.of());
    metrics.judgeCalls().accept("timeout");

    assertThat(builds).isEmpty(); // not started: the records wait
    metrics.start();
    metrics.start();
    assertThat(builds).hasSize(1);
    builds.get(0).run(); // the registry is built: the waiting records go into it
    metrics.observer().handled(tick, "failed", 3_000_000);
    metrics.judgeCalls().accept("timeout");

    assertThat(metrics.scrape())
        .contains("sparring_inbound_events_total{outcome=\"handled\",type=\"Tick\"} 2.0")
        .contains("sparring_inbound_events_total{outcome=\"failed\",type=\"Tick\"} 1.0")
        .contains("sparring_ack_latency_seconds_count{type=\"Tick\"} 3")
        .contains("sparring_grader_seconds_count 1")
        .contains("sparring_judge_calls_total{outcome=\"timeout\"} 2.0")
        .contains("sparring_outbox_depth 0.0");
  }

  @Test
  void aLongBacklogStartsTheRegistryEvenIfNobodyDid() {
    List<Runnable> builds = new ArrayList<>();
    Metrics metrics = new Metrics(new MemoryStore(), clock, builds::add);
    for (int i = 0; i < Metrics.BACKLOG - 1; i++) {
      metrics.judgeCalls().accept("ok");
    }
    assertThat(builds).isEmpty();
    metrics.judgeCalls().accept("ok");
    assertThat(builds).hasSize(1);
    builds.get(0).run();
    assertThat(metrics.scrape())
        .contains("sparring_judge_calls_total{outcome=\"ok\"} " + Metrics.BACKLOG + ".0");
  }

  @Test
  void aScrapeStartsTheRegistryAndWaitsForIt() {
    Metrics metrics = new Metrics(new MemoryStore(), clock);
    metrics.judgeCalls().accept("ok");
    assertThat(metrics.scrape()).contains("sparring_judge_calls_total{outcome=\"ok\"} 1.0");
  }
}
