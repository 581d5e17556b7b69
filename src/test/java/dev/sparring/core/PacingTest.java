package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.ThreadRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.testing.Harness;
import dev.sparring.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacingTest {

  private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
  private final Pacing step = new Pacing();
  private final AtomicInteger passed = new AtomicInteger();
  private int keys;

  {
    step.limitWith(new RateLimiter(2, clock));
  }

  private Pipeline.Handled handle(Inbound event) {
    return step.handle(
        new Pipeline.Call(event, null),
        call -> {
          passed.incrementAndGet();
          return Pipeline.Handled.of(new Bot.Result(false, 0, List.of()));
        });
  }

  private Inbound command(String user) {
    return new Inbound.CommandInvoked(
        "k" + ++keys, Harness.TEAM, Harness.CHANNEL, Harness.actor(user), "help");
  }

  private Inbound reply(String user) {
    return new Inbound.MessagePosted(
        "k" + ++keys,
        Harness.TEAM,
        Harness.CHANNEL,
        new ThreadRef(ConsoleModule.PLATFORM, "t1"),
        Harness.actor(user),
        "an answer");
  }

  @Test
  void overTheLimitThePersonIsToldAndNothingElseHappens() {
    handle(command("ana"));
    handle(command("ana"));
    clock.advance(Duration.ofSeconds(15));
    Pipeline.Handled third = handle(command("ana"));
    assertThat(third.outcome()).isEqualTo(Pipeline.Outcome.LIMITED);
    assertThat(third.result().ephemerals())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.user()).isEqualTo(Harness.user("ana"));
              assertThat(e.message().bodyText())
                  .isEqualTo(
                      "You're going a bit fast: at most 2 commands a minute. Nothing was done;"
                          + " try again in 45 s.");
            });
    assertThat(passed).hasValue(2);
    // Someone else goes on.
    assertThat(handle(command("bo")).outcome()).isEqualTo(Pipeline.Outcome.HANDLED);
  }

  @Test
  void answersInThreadsAndTicksAreNeverPacedNorCounted() {
    for (int i = 0; i < 5; i++) {
      assertThat(handle(reply("ana")).outcome()).isEqualTo(Pipeline.Outcome.HANDLED);
      assertThat(handle(new Inbound.Tick(clock.instant())).outcome())
          .isEqualTo(Pipeline.Outcome.HANDLED);
    }
    handle(command("ana"));
    assertThat(handle(command("ana")).outcome()).isEqualTo(Pipeline.Outcome.HANDLED);
  }

  @Test
  void withoutALimiterNothingIsPaced() {
    step.limitWith(null);
    for (int i = 0; i < 5; i++) {
      assertThat(handle(command("ana")).outcome()).isEqualTo(Pipeline.Outcome.HANDLED);
    }
  }
}
