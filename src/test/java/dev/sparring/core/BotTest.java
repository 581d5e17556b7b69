package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparring.chat.Message;
import dev.sparring.store.StoreException;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BotTest {

  /** A feature whose command writes state and queues a post, then fails on demand. */
  private static final class Flaky implements Feature {
    @Override
    public Set<String> commands() {
      return Set.of("flaky", "store-down");
    }

    @Override
    public List<Help> help() {
      return List.of(Help.of("flaky", "fails"));
    }

    @Override
    public void command(Context ctx, Command command) {
      ctx.tx().kv().put("test", "written", "yes");
      ctx.out().post(command.source().channel(), Message.text("partial"), null);
      if (command.name().equals("store-down")) {
        throw new StoreException("database unavailable", null);
      }
      throw new IllegalStateException("bug with secret details");
    }
  }

  private final Harness h = new Harness(new MemoryStore(), List.of(new Flaky()));

  @Test
  void aFailingFeatureRollsBackAndApologisesWithoutDetails() {
    Bot.Result r = h.command("ana", "flaky");
    assertThat(r.queued()).isZero();
    assertThat(r.ephemerals())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.message().bodyText())
                  .startsWith("Sorry, something went wrong")
                  .contains("reference ");
              assertThat(e.message().bodyText())
                  .doesNotContain("secret")
                  .doesNotContain("Exception");
            });
    Optional<String> written = h.store.transact(tx -> tx.kv().get("test", "written"));
    assertThat(written).isEmpty();
    long pending = h.store.transact(tx -> tx.outbox().pending());
    assertThat(pending).isZero();
  }

  @Test
  void aFailedEventCanBeRetriedBecauseItsKeyWasRolledBackToo() {
    Inbound.CommandInvoked e =
        new Inbound.CommandInvoked(
            "console:same", Harness.TEAM, Harness.CHANNEL, Harness.actor("ana"), "flaky");
    assertThat(h.bot.handle(e).duplicate()).isFalse();
    assertThat(h.bot.handle(e).duplicate()).isFalse();
  }

  @Test
  void storeFailuresPropagateSoThePlatformRetries() {
    assertThatThrownBy(() -> h.command("ana", "store-down")).isInstanceOf(StoreException.class);
  }

  @Test
  void unknownCommandsSuggestTheClosestAndHelpListsEverything() {
    assertThat(h.command("ana", "flaki").ephemerals().get(0).message().bodyText())
        .contains("Unknown command `flaki`. Did you mean `/spar flaky`?");
    assertThat(h.command("ana", "zzzzzz").ephemerals().get(0).message().bodyText())
        .doesNotContain("Did you mean");
    assertThat(h.command("ana", "").ephemerals().get(0).message().bodyText())
        .contains("`/spar flaky`: fails")
        .contains("`/spar help`");
    assertThat(
            h.command("ana", "x".repeat(10_000)).ephemerals().get(0).message().bodyText().length())
        .isLessThan(200);
  }

  @Test
  void commandsArePacedPerPersonWithAFriendlyMessage() {
    Harness paced = new Harness(new MemoryStore(), List.of(new Flaky()));
    paced.bot.withRateLimit(new RateLimiter(3, paced.clock));
    for (int i = 0; i < 3; i++) {
      assertThat(paced.command("ana", "help").ephemerals().get(0).message().titleText())
          .isEqualTo("Sparring commands");
    }
    Bot.Result fourth = paced.command("ana", "help");
    assertThat(fourth.ephemerals().get(0).message().bodyText())
        .startsWith("You're going a bit fast: at most 3 commands a minute")
        .contains("try again in 60 s");
    // Someone else is not affected, and a minute later ana may go on.
    assertThat(paced.command("bo", "help").ephemerals().get(0).message().titleText())
        .isEqualTo("Sparring commands");
    paced.clock.advance(java.time.Duration.ofSeconds(60));
    assertThat(paced.command("ana", "help").ephemerals().get(0).message().titleText())
        .isEqualTo("Sparring commands");
  }

  @Test
  void featuresCannotClaimTheSameCommandTwice() {
    assertThatThrownBy(() -> new Bot(new MemoryStore(), h.clock, List.of(new Flaky(), new Flaky())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registered twice");
  }
}
