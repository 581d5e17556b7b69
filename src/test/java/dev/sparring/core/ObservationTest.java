package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ObservationTest {

  private static final Inbound TICK = new Inbound.Tick(Instant.EPOCH);

  // The timer moves 250 ns per reading.
  private final AtomicLong timer = new AtomicLong();
  private final Observation step = new Observation(() -> timer.getAndAdd(250));
  private final List<String> seen = new ArrayList<>();

  {
    step.add((event, outcome, nanos) -> seen.add(outcome + " " + nanos));
  }

  private void handle(Pipeline.Handled answer) {
    step.handle(new Pipeline.Call(TICK, null), call -> answer);
  }

  @Test
  void observersSeeHowEachEventEndedAndHowLongItTook() {
    Bot.Result none = new Bot.Result(false, 0, List.of());
    handle(Pipeline.Handled.of(none));
    handle(Pipeline.Handled.of(Bot.Result.DUPLICATE));
    handle(new Pipeline.Handled(none, Pipeline.Outcome.LIMITED));
    handle(new Pipeline.Handled(none, Pipeline.Outcome.FAILED));
    assertThat(seen).containsExactly("handled 250", "duplicate 250", "limited 250", "failed 250");
  }

  @Test
  void anEventThatThrowsIsObservedAsFailedAndTheFailureGoesOn() {
    assertThatThrownBy(
            () ->
                step.handle(
                    new Pipeline.Call(TICK, null),
                    call -> {
                      throw new StoreException("down");
                    }))
        .isInstanceOf(StoreException.class);
    assertThat(seen).containsExactly("failed 250");
  }
}
