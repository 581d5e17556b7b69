package dev.sparring.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Bot;
import dev.sparring.core.Gateway;
import dev.sparring.core.Inbound;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Harness;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /spar deadletters}: admins see and settle their channel's dead letters, nobody else. */
class DeadLettersTest {

  private final Harness h = new Harness(new MemoryStore(), List.of(new DeadLetters()), Set.of());

  private long deadLetter(String body) {
    h.store.transact(
        tx ->
            tx.outbox()
                .enqueue(
                    new Outbound.Post(Harness.CHANNEL, Message.text(body), null),
                    h.clock.instant()));
    h.gateway.script(new Gateway.Delivery.Failed("restricted_action"));
    h.dispatcher.drain();
    List<OutboxEntry> dead = h.store.transact(tx -> tx.outbox().deadLetters(10));
    return dead.get(dead.size() - 1).id();
  }

  private Bot.Result adminElsewhere(String text) {
    return h.bot.handle(
        new Inbound.CommandInvoked(
            h.nextKey(),
            Harness.TEAM,
            new ChannelRef(ConsoleModule.PLATFORM, "C-OTHER"),
            new Actor(Harness.user("root"), "root", true),
            text));
  }

  @Test
  void adminsListRetryAndDropTheirChannelsDeadLetters() {
    long id = deadLetter("the daily question");
    assertThat(h.gateway.sent())
        .singleElement()
        .satisfies(s -> assertThat(s.message().message().body()).contains("retry " + id));

    assertThat(Harness.said(h.command("bo", "deadletters"))).contains("Only admins");
    assertThat(Harness.said(h.command("bo", "deadletters retry " + id))).contains("Only admins");
    String list = h.admin("ana", "deadletters").ephemerals().get(0).message().body();
    assertThat(list)
        .contains("#" + id)
        .contains("the daily question")
        .contains("restricted_action");

    // Another channel's admin neither sees nor settles it.
    assertThat(Harness.said(adminElsewhere("deadletters"))).contains("Every message");
    assertThat(Harness.said(adminElsewhere("deadletters drop " + id)))
        .contains("no undelivered message #" + id);
    assertThat((long) h.store.transact(tx -> tx.outbox().deadCount())).isEqualTo(1);

    assertThat(Harness.said(h.admin("ana", "deadletters retry " + id))).contains("queued again");
    h.dispatcher.drain();
    assertThat(h.gateway.sent())
        .extracting(s -> s.message().message().body())
        .contains("the daily question");
    assertThat((long) h.store.transact(tx -> tx.outbox().deadCount())).isZero();

    long other = deadLetter("a reveal");
    assertThat(Harness.said(h.admin("ana", "deadletters drop #" + other))).contains("discarded");
    assertThat(Harness.said(h.admin("ana", "deadletters"))).contains("Every message");
    assertThat(Harness.said(h.admin("ana", "deadletters retry soon"))).contains("not a message");
    assertThat(Harness.said(h.admin("ana", "deadletters resend 1"))).contains("Usage");
  }
}
