package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.StoreException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

  private final AtomicInteger attempts = new AtomicInteger();
  private final Pipeline.Call call = new Pipeline.Call(new Inbound.Tick(Instant.EPOCH), null);

  /** Loses the race {@code losses} times, then answers. */
  private Pipeline.Next losing(int losses) {
    return c -> {
      if (attempts.incrementAndGet() <= losses) {
        throw new ConcurrentUpdateException("moved on");
      }
      return Pipeline.Handled.of(new Bot.Result(false, 1, List.of()));
    };
  }

  @Test
  void aLostRaceIsTriedAgain() {
    Pipeline.Handled h = new ConflictRetry(8).handle(call, losing(7));
    assertThat(h.result().queued()).isEqualTo(1);
    assertThat(attempts).hasValue(8);
  }

  @Test
  void afterTheLastAttemptItGivesUpAsAStoreFailure() {
    assertThatThrownBy(() -> new ConflictRetry(3).handle(call, losing(3)))
        .isInstanceOf(StoreException.class)
        .hasMessage("gave up after 3 conflicting attempts")
        .hasCauseInstanceOf(ConcurrentUpdateException.class);
    assertThat(attempts).hasValue(3);
  }

  @Test
  void otherFailuresAreNotRetried() {
    assertThatThrownBy(
            () ->
                ConflictRetry.run(
                    8,
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalStateException("bug");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(attempts).hasValue(1);
  }
}
