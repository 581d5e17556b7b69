package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Outbound;
import dev.sparring.chat.ThreadRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.store.Store;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RouterTest {

  private final Store store = new MemoryStore();
  private final Instant now = Instant.parse("2026-03-01T09:00:00Z");
  private final List<String> seen = new ArrayList<>();

  /** Records every call it gets, as "name what". */
  private Feature recording(String name, String command, String kind, String prefix) {
    return new Feature() {
      @Override
      public Set<String> commands() {
        return Set.of(command);
      }

      @Override
      public List<Help> help() {
        return List.of(Help.of(command, "does " + name));
      }

      @Override
      public void command(Context ctx, Command c) {
        seen.add(name + " command " + c.name());
      }

      @Override
      public Set<String> threadKinds() {
        return Set.of(kind);
      }

      @Override
      public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
        seen.add(name + " thread " + thread.anchor());
      }

      @Override
      public String buttonPrefix() {
        return prefix;
      }

      @Override
      public void button(Context ctx, Inbound.ButtonPressed press) {
        seen.add(name + " button " + press.action());
      }

      @Override
      public void tick(Context ctx) {
        seen.add(name + " tick");
      }
    };
  }

  private final FeatureCatalog catalog =
      new FeatureCatalog(
          List.of(
              recording("a", "alpha", "alpha-thread", "a."),
              recording("b", "beta", "beta-thread", "b.")));
  private final Router router = new Router(catalog, new HelpAndHome(catalog));

  /** Routes {@code event} in a transaction; returns what it said privately. */
  private List<Outbound.Ephemeral> route(Inbound event) {
    return store.transact(
        tx -> {
          Context ctx = new Context(tx, new Effects(Harness.TEAM), now, Set.of());
          router.route(ctx, event);
          return ctx.out().ephemerals();
        });
  }

  private void inTx(Consumer<dev.sparring.store.Tx> work) {
    store.transact(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  private static Inbound command(String text) {
    return new Inbound.CommandInvoked(
        "k", Harness.TEAM, Harness.CHANNEL, Harness.actor("ana"), text);
  }

  private static Inbound reply(String threadId) {
    return new Inbound.MessagePosted(
        "k",
        Harness.TEAM,
        Harness.CHANNEL,
        new ThreadRef(ConsoleModule.PLATFORM, threadId),
        Harness.actor("ana"),
        "hi");
  }

  private static Inbound press(String action) {
    return new Inbound.ButtonPressed(
        "k", Harness.TEAM, Harness.CHANNEL, null, Harness.actor("ana"), action, "v");
  }

  @Test
  void commandsGoToTheirFeatureAndHelpAndUnknownOnesAreAnsweredHere() {
    assertThat(route(command("beta now"))).isEmpty();
    assertThat(seen).containsExactly("b command beta");
    assertThat(route(command("help")).get(0).message().titleText()).isEqualTo("Sparring commands");
    assertThat(route(command("alpah")).get(0).message().bodyText())
        .isEqualTo(
            "Unknown command `alpah`. Did you mean `/spar alpha`? Type `/spar help` for the list.");
    assertThat(seen).containsExactly("b command beta");
  }

  @Test
  void threadMessagesGoToTheOwnerOfTheThreadsKind() {
    inTx(
        tx -> {
          tx.threads().open("anchor-1", Harness.CHANNEL.key(), "beta-thread", now);
          tx.threads().link("anchor-1", "p1");
          tx.threads().open("anchor-2", Harness.CHANNEL.key(), "nobody's", now);
          tx.threads().link("anchor-2", "p2");
        });
    route(reply("p1"));
    route(reply("p2"));
    route(reply("unknown"));
    assertThat(seen).containsExactly("b thread anchor-1");
  }

  @Test
  void buttonsGoByActionPrefix() {
    route(press("a.start"));
    route(press("b.stop"));
    route(press("c.other"));
    assertThat(seen).containsExactly("a button a.start", "b button b.stop");
  }

  @Test
  void aTickReachesEveryFeatureAndForgetsOldInboundKeys() {
    inTx(tx -> tx.inbound().record("old", now.minus(InboundKeys.RETENTION).minusSeconds(1)));
    route(new Inbound.Tick(now));
    assertThat(seen).containsExactly("a tick", "b tick");
    assertThat(store.<Boolean>transact(tx -> tx.inbound().record("old", now))).isTrue();
  }
}
