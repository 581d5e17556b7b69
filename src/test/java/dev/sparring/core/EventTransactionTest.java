package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Message;
import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.Store;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import dev.sparring.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventTransactionTest {

  private final Store store = new MemoryStore();
  private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
  private final List<String> seen = new ArrayList<>();

  /**
   * {@code post} writes, queues a post and, after the commit, reads what it wrote; quiet does not.
   */
  private final Feature feature =
      new Feature() {
        @Override
        public Set<String> commands() {
          return Set.of("post", "quiet");
        }

        @Override
        public List<Help> help() {
          return List.of();
        }

        @Override
        public void command(Context ctx, Command command) {
          seen.add(command.name());
          if (command.name().equals("post")) {
            ctx.tx().kv().put("test", "written", "yes");
            ctx.out().post(command.source().channel(), Message.text("hello"), null);
            ctx.out()
                .afterCommit(
                    () ->
                        seen.add(
                            "after: "
                                + store.<Optional<String>>transact(
                                    tx -> tx.kv().get("test", "written"))));
          }
        }
      };

  private final FeatureCatalog catalog = new FeatureCatalog(List.of(feature));
  private final EventTransaction step =
      new EventTransaction(store, clock, Set.of(), new Router(catalog, new HelpAndHome(catalog)));

  private Pipeline.Handled handle(String key, String text) {
    Inbound event =
        new Inbound.CommandInvoked(key, Harness.TEAM, Harness.CHANNEL, Harness.actor("ana"), text);
    return step.handle(
        new Pipeline.Call(event, "corr-" + key),
        call -> {
          throw new AssertionError("the last step calls on");
        });
  }

  private List<OutboxEntry> queued() {
    return store.transact(
        tx -> tx.outbox().claim("test", clock.instant(), Duration.ofMinutes(1), 10));
  }

  @Test
  void aRepeatedKeyChangesNothing() {
    assertThat(handle("k1", "post").outcome()).isEqualTo(Pipeline.Outcome.HANDLED);
    Pipeline.Handled again = handle("k1", "post");
    assertThat(again.outcome()).isEqualTo(Pipeline.Outcome.DUPLICATE);
    assertThat(again.result()).isSameAs(Bot.Result.DUPLICATE);
    assertThat(seen).containsExactly("post", "after: Optional[yes]");
    assertThat(queued()).hasSize(1);
  }

  @Test
  void queuedMessagesCarryTheCorrelationAndThePartitionOfTheirTeam() {
    step.partitionBy(
        new Partitioner() {
          @Override
          public Platform platform() {
            return ConsoleModule.PLATFORM;
          }

          @Override
          public String partitionOf(TeamRef team) {
            return "console:" + team.id();
          }

          @Override
          public Set<String> served() {
            return Set.of();
          }
        });
    assertThat(handle("k1", "post").result().queued()).isEqualTo(1);
    List<OutboxEntry> entries =
        store.transact(
            tx ->
                tx.outbox()
                    .claim(
                        "test", clock.instant(), Duration.ofMinutes(1), 10, Set.of("console:T1")));
    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.correlation()).isEqualTo("corr-k1");
              assertThat(e.team()).isEqualTo(Harness.TEAM.key());
              assertThat(e.partition()).isEqualTo("console:T1");
            });
  }

  @Test
  void commitListenersWakeOnlyWhenSomethingWasQueued() {
    AtomicInteger woken = new AtomicInteger();
    step.onCommit(woken::incrementAndGet);
    handle("k1", "quiet");
    assertThat(woken).hasValue(0);
    handle("k2", "post");
    assertThat(woken).hasValue(1);
    handle("k2", "post");
    assertThat(woken).hasValue(1);
  }
}
