package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {

  private static final Inbound.Tick TICK = new Inbound.Tick(java.time.Instant.EPOCH);
  private static final Bot.Result DONE = new Bot.Result(false, 0, List.of());

  private static Pipeline.Step recording(List<String> seen, String name) {
    return (call, next) -> {
      seen.add(name + " in");
      Pipeline.Handled h = next.handle(call);
      seen.add(name + " out");
      return h;
    };
  }

  @Test
  void stepsRunOutermostFirstAndTheLastAnswers() {
    List<String> seen = new ArrayList<>();
    Pipeline p =
        new Pipeline(
            List.of(
                recording(seen, "a"),
                recording(seen, "b"),
                (call, next) -> {
                  seen.add("end " + call.correlation());
                  return Pipeline.Handled.of(DONE);
                }));
    Pipeline.Handled h = p.handle(new Pipeline.Call(TICK, "c1"));
    assertThat(seen).containsExactly("a in", "b in", "end c1", "b out", "a out");
    assertThat(h.outcome()).isEqualTo(Pipeline.Outcome.HANDLED);
    assertThat(Pipeline.Handled.of(Bot.Result.DUPLICATE).outcome())
        .isEqualTo(Pipeline.Outcome.DUPLICATE);
  }

  @Test
  void aStepThatAnswersStopsTheRest() {
    List<String> seen = new ArrayList<>();
    Pipeline p =
        new Pipeline(
            List.of(
                (call, next) -> new Pipeline.Handled(DONE, Pipeline.Outcome.LIMITED),
                recording(seen, "never")));
    assertThat(p.handle(new Pipeline.Call(TICK, null)).outcome())
        .isEqualTo(Pipeline.Outcome.LIMITED);
    assertThat(seen).isEmpty();
  }

  @Test
  void theLastStepMayNotCallOn() {
    Pipeline p = new Pipeline(List.of((call, next) -> next.handle(call)));
    assertThatThrownBy(() -> p.handle(new Pipeline.Call(TICK, null)))
        .isInstanceOf(IllegalStateException.class);
  }

  // The order of Bot's steps: pacing comes before dedup (which is inside the transaction).

  /** Counts the commands that reached it. */
  private static final class Counting implements Feature {
    int calls;

    @Override
    public Set<String> commands() {
      return Set.of("count");
    }

    @Override
    public List<Help> help() {
      return List.of(Help.of("count", "counts"));
    }

    @Override
    public void command(Context ctx, Command command) {
      calls++;
    }
  }

  private static Inbound.CommandInvoked count(String key) {
    return new Inbound.CommandInvoked(
        key, Harness.TEAM, Harness.CHANNEL, Harness.actor("ana"), "count");
  }

  @Test
  void aPacedEventIsNotRecordedAsSeenSoItsRetryIsHandledOnceTheLimitAllows() {
    Counting feature = new Counting();
    Harness h = new Harness(new MemoryStore(), List.of(feature));
    h.bot.withRateLimit(new RateLimiter(1, h.clock));
    assertThat(h.bot.handle(count("k1")).duplicate()).isFalse();
    Bot.Result paced = h.bot.handle(count("k2"));
    assertThat(Harness.said(paced)).startsWith("You're going a bit fast");
    assertThat(feature.calls).isEqualTo(1);

    h.clock.advance(Duration.ofSeconds(60));
    Bot.Result retried = h.bot.handle(count("k2"));
    assertThat(retried.duplicate()).isFalse();
    assertThat(retried.ephemerals()).isEmpty();
    assertThat(feature.calls).isEqualTo(2);
  }

  @Test
  void aRepeatIsPacedBeforeItIsFoundToBeARepeat() {
    Counting feature = new Counting();
    Harness h = new Harness(new MemoryStore(), List.of(feature));
    h.bot.withRateLimit(new RateLimiter(2, h.clock));
    List<String> outcomes = new ArrayList<>();
    h.bot.observe((event, outcome, nanos) -> outcomes.add(outcome));
    h.bot.handle(count("k1"));
    assertThat(h.bot.handle(count("k1")).duplicate()).isTrue();
    // The repeat used up the second action of the minute: a third one, even a repeat, is paced.
    Bot.Result third = h.bot.handle(count("k1"));
    assertThat(third.duplicate()).isFalse();
    assertThat(Harness.said(third)).startsWith("You're going a bit fast");
    assertThat(outcomes).containsExactly("handled", "duplicate", "limited");
    assertThat(feature.calls).isEqualTo(1);
  }
}
