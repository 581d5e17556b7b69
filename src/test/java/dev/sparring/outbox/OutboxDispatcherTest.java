package dev.sparring.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Gateway;
import dev.sparring.slack.SlackModule;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.RecordingGateway;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxDispatcherTest {

  private static final ChannelRef C1 = new ChannelRef(ConsoleModule.PLATFORM, "C1");
  private static final ChannelRef C2 = new ChannelRef(ConsoleModule.PLATFORM, "C2");

  private final MemoryStore store = new MemoryStore();
  private final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
  private final RecordingGateway gateway = new RecordingGateway();
  private final OutboxDispatcher dispatcher =
      new OutboxDispatcher(
          store,
          clock,
          List.of(gateway),
          new OutboxDispatcher.Settings(
              4, Duration.ofSeconds(30), 16, Duration.ofSeconds(1), Duration.ofSeconds(10)),
          "r1");

  private void enqueue(Outbound o) {
    store.transact(tx -> tx.outbox().enqueue(o, clock.instant()));
  }

  private static Message text(String s) {
    return Message.text(s);
  }

  @Test
  void repliesGoUnderTheirParentsPlatformIdInOrder() {
    enqueue(new Outbound.Post(C1, text("parent"), "a1"));
    store.transact(
        tx -> {
          tx.threads().open("a1", C1.key(), "interview", clock.instant());
          return null;
        });
    enqueue(new Outbound.ReplyInThread(C1, "a1", text("r1")));
    enqueue(new Outbound.ReplyInThread(C1, "a1", text("r2")));
    enqueue(new Outbound.Post(C2, text("elsewhere"), null));
    assertThat(dispatcher.drain()).isEqualTo(4);
    List<RecordingGateway.Sent> sent = gateway.sent();
    String parent = sent.get(0).platformId();
    assertThat(sent)
        .filteredOn(s -> s.message().channel().equals(C1))
        .extracting(s -> s.message().message().body())
        .containsExactly("parent", "r1", "r2");
    assertThat(sent)
        .filteredOn(s -> s.message() instanceof Outbound.ReplyInThread)
        .allSatisfy(s -> assertThat(s.parentId()).isEqualTo(parent));
    java.util.Optional<dev.sparring.store.ThreadLink> link =
        store.transact(tx -> tx.threads().byPlatformId(C1.key(), parent));
    assertThat(link).map(dev.sparring.store.ThreadLink::anchor).contains("a1");
  }

  @Test
  void rateLimitsWaitForRetryAfterAndKeepTheChannelsOrder() {
    enqueue(new Outbound.Post(C1, text("first"), null));
    enqueue(new Outbound.Post(C1, text("second"), null));
    gateway.script(new Gateway.Delivery.RetryLater(Duration.ofSeconds(7), "429 rate limited"));
    dispatcher.drain();
    assertThat(gateway.sent()).isEmpty();
    clock.advance(Duration.ofSeconds(6));
    dispatcher.drain();
    assertThat(gateway.sent()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    dispatcher.drain();
    assertThat(gateway.sent())
        .extracting(s -> s.message().message().body())
        .containsExactly("first", "second");
  }

  @Test
  void failuresBackOffExponentiallyThenDeadLetterWithoutBlockingTheChannel() {
    enqueue(new Outbound.Post(C1, text("doomed"), null));
    enqueue(new Outbound.Post(C1, text("next"), null));
    gateway.script(
        new Gateway.Delivery.RetryLater(null, "timeout"),
        new Gateway.Delivery.RetryLater(null, "timeout"),
        new Gateway.Delivery.RetryLater(null, "timeout"),
        new Gateway.Delivery.RetryLater(null, "timeout"));
    dispatcher.drain(); // attempt 1, retry in 1 s
    clock.advance(Duration.ofMillis(999));
    assertThat(dispatcher.drain()).isZero();
    clock.advance(Duration.ofMillis(1));
    dispatcher.drain(); // attempt 2, retry in 2 s
    clock.advance(Duration.ofSeconds(2));
    dispatcher.drain(); // attempt 3, retry in 4 s
    clock.advance(Duration.ofSeconds(4));
    dispatcher.drain(); // attempt 4: gives up
    assertThat(gateway.attempts()).isEqualTo(6); // 4 tries, "next", and the notice
    List<OutboxEntry> dead = store.transact(tx -> tx.outbox().deadLetters(10));
    assertThat(dead)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.message().message().body()).isEqualTo("doomed");
              assertThat(e.lastError()).contains("gave up after 4 attempts");
            });
    // The channel hears about it, with the commands that settle it.
    assertThat(gateway.sent())
        .extracting(s -> s.message().message().body())
        .hasSize(2)
        .first()
        .isEqualTo("next");
    assertThat(gateway.sent().get(1).message().message().title())
        .isEqualTo(DeadLetters.NOTICE_TITLE);
    assertThat(gateway.sent().get(1).message().message().body())
        .contains("/spar deadletters retry " + dead.get(0).id());
  }

  @Test
  void aNoticeThatCannotBeDeliveredGetsNoNoticeOfItsOwn() {
    enqueue(new Outbound.Post(C1, text("bad"), null));
    gateway.script(
        new Gateway.Delivery.Failed("channel_not_found"),
        new Gateway.Delivery.Failed("channel_not_found"));
    dispatcher.drain();
    List<OutboxEntry> dead = store.transact(tx -> tx.outbox().deadLetters(10));
    assertThat(dead)
        .extracting(e -> e.message().message().title())
        .containsExactly("", DeadLetters.NOTICE_TITLE);
    assertThat((long) store.transact(tx -> tx.outbox().pending())).isZero();
    assertThat(gateway.attempts()).isEqualTo(2);
  }

  @Test
  void aPauseForThePlatformHoldsEverySendWithoutCountingAttempts() {
    for (String body : List.of("a", "b", "c")) {
      enqueue(
          new Outbound.Post(new ChannelRef(ConsoleModule.PLATFORM, "C-" + body), text(body), null));
    }
    // The first send hears 429: the others wait without being tried, and nothing counts.
    gateway.script(new Gateway.Delivery.Throttled(Duration.ofSeconds(7), true));
    assertThat(dispatcher.drain()).isZero();
    assertThat(gateway.attempts()).isEqualTo(1);
    clock.advance(Duration.ofMillis(6_999));
    assertThat(dispatcher.drain()).isZero();
    assertThat(gateway.attempts()).isEqualTo(1);
    clock.advance(Duration.ofMillis(1));
    assertThat(dispatcher.drain()).isEqualTo(3);
    assertThat(gateway.sent())
        .extracting(s -> s.message().message().body())
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat((long) store.transact(tx -> tx.outbox().deadCount())).isZero();
  }

  @Test
  void permanentFailuresDeadLetterAtOnceAndAGatewayExceptionIsRetried() {
    enqueue(new Outbound.Post(C1, text("bad"), null));
    gateway.script(new Gateway.Delivery.Failed("channel_not_found"));
    dispatcher.drain();
    List<OutboxEntry> dead = store.transact(tx -> tx.outbox().deadLetters(10));
    assertThat(dead)
        .singleElement()
        .extracting(OutboxEntry::lastError)
        .isEqualTo("channel_not_found");

    Gateway throwing =
        new Gateway() {
          int calls;

          @Override
          public Platform platform() {
            return SlackModule.PLATFORM;
          }

          @Override
          public Delivery deliver(long id, Outbound m, String parent) {
            if (calls++ == 0) {
              throw new IllegalStateException("socket reset");
            }
            return new Delivery.Sent("ok");
          }
        };
    OutboxDispatcher d =
        new OutboxDispatcher(
            store, clock, List.of(throwing), OutboxDispatcher.Settings.defaults(), "r2");
    enqueue(new Outbound.Post(new ChannelRef(SlackModule.PLATFORM, "C9"), text("x"), null));
    d.drain();
    long pending = store.transact(tx -> tx.outbox().pending());
    assertThat(pending).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    d.drain();
    pending = store.transact(tx -> tx.outbox().pending());
    assertThat(pending).isZero();
  }

  @Test
  void backoffIsCapped() {
    assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(dispatcher.backoff(60)).isEqualTo(Duration.ofSeconds(10));
  }
}
