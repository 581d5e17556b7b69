package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.testing.Harness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationTest {

  private final Correlation step = new Correlation();
  private final List<String> seen = new ArrayList<>();

  private final Pipeline.Next next =
      call -> {
        seen.add(call.correlation() + "|" + MDC.get(Correlation.MDC_KEY));
        return Pipeline.Handled.of(new Bot.Result(false, 0, List.of()));
      };

  @AfterEach
  void clear() {
    MDC.remove(Correlation.MDC_KEY);
  }

  private static Inbound command(String key) {
    return new Inbound.CommandInvoked(
        key, Harness.TEAM, Harness.CHANNEL, Harness.actor("ana"), "help");
  }

  @Test
  void thePlatformsEventIdIsTheCorrelationWhileTheRestRuns() {
    step.handle(new Pipeline.Call(command("slack:Ev1"), null), next);
    assertThat(seen).containsExactly("slack:Ev1|slack:Ev1");
    assertThat(MDC.get(Correlation.MDC_KEY)).isNull();
  }

  @Test
  void aLongKeyIsClippedAndAKeylessEventGetsAFreshLocalId() {
    step.handle(new Pipeline.Call(command("k".repeat(500)), null), next);
    step.handle(new Pipeline.Call(new Inbound.Tick(Instant.EPOCH), null), next);
    step.handle(new Pipeline.Call(new Inbound.Tick(Instant.EPOCH), null), next);
    assertThat(seen.get(0).split("\\|")[0].length()).isLessThanOrEqualTo(100);
    assertThat(seen.get(1)).matches("local-[0-9a-f]{8}\\|local-[0-9a-f]{8}");
    assertThat(seen.get(1)).isNotEqualTo(seen.get(2));
  }

  @Test
  void theCallersCorrelationIsRestoredEvenWhenTheRestFails() {
    MDC.put(Correlation.MDC_KEY, "outer");
    assertThatThrownBy(
            () ->
                step.handle(
                    new Pipeline.Call(command("slack:Ev2"), null),
                    call -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(MDC.get(Correlation.MDC_KEY)).isEqualTo("outer");
  }
}
