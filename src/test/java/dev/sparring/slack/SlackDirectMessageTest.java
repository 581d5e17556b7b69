package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.core.Inbound;
import dev.sparring.store.Document;
import dev.sparring.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders as Slack direct messages, over real HTTP to the Web API stand-in: {@code
 * conversations.open} with the person, then {@code chat.postMessage} to the {@code D…} channel it
 * returned (opened once, then kept); a 429 on either call pauses without spending an attempt; a
 * person Slack will not let the bot write to is a dead letter, with no notice anywhere, and their
 * reminder turns off.
 */
class SlackDirectMessageTest {

  private final MutableClock clock = MutableClock.at("2026-03-02T07:00:00Z");
  private SlackRig rig;
  private SlackApiStandIn api;

  @BeforeEach
  void start() throws Exception {
    rig = SlackRig.builder("test-signing-secret").token("xoxb-test-token").clock(clock).build();
    api = rig.api;
    rig.dispatcher.onUnreachable(rig.bot::unreachable);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  /** {@code user} turns a reminder on at 08:30 UTC (a signed slash command) and has a card due. */
  private void remindAt0830(String user) throws Exception {
    assertThat(rig.command("T1", user, "remind on 08:30 UTC").statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                rig.store
                    .transact(tx -> tx.documents().get("remind.setting", "slack:T1#slack:" + user))
                    .isPresent());
    rig.store.transact(
        tx -> {
          tx.documents()
              .put(
                  Document.create(
                      "drill.card",
                      "slack:T1#slack:" + user + "#demo-basic",
                      "slack:T1",
                      "{}",
                      Instant.parse("2026-03-01T00:00:00Z")));
          return null;
        });
  }

  private void tickAt(String instant) {
    clock.set(Instant.parse(instant));
    rig.bot.handle(new Inbound.Tick(clock.instant()));
  }

  private long pending() {
    Long n = rig.store.transact(tx -> tx.outbox().pending());
    return n;
  }

  private long dead() {
    Long n = rig.store.transact(tx -> tx.outbox().deadCount());
    return n;
  }

  private List<SlackApiStandIn.Call> postsTo(String channel) {
    return api.calls("chat.postMessage").stream()
        .filter(c -> c.get("channel").equals(channel))
        .toList();
  }

  @Test
  void aNudgeOpensTheDmOnceThenPostsThere() throws Exception {
    remindAt0830("U1");
    tickAt("2026-03-02T08:30:00Z");
    rig.dispatcher.drain();
    assertThat(api.calls("conversations.open")).hasSize(1);
    SlackApiStandIn.Call open = api.calls("conversations.open").get(0);
    assertThat(open.get("users")).isEqualTo("U1");
    assertThat(open.authorization()).isEqualTo("Bearer xoxb-test-token");
    assertThat(postsTo("DU1")).hasSize(1);
    assertThat(postsTo("DU1").get(0).get("text")).contains("Worth doing today");
    assertThat(postsTo("DU1").get(0).get("metadata")).contains("sparring_outbox");
    assertThat(api.directs()).containsEntry("U1", 1);
    // Tomorrow's nudge goes to the kept channel: no second open.
    tickAt("2026-03-03T08:30:00Z");
    rig.dispatcher.drain();
    assertThat(api.calls("conversations.open")).hasSize(1);
    assertThat(api.directs()).containsEntry("U1", 2);
    assertThat(pending()).isZero();
    assertThat(dead()).isZero();
  }

  @Test
  void aRestartFindsTheDmChannelInTheStoreWithoutOpeningItAgain() throws Exception {
    remindAt0830("U1");
    tickAt("2026-03-02T08:30:00Z");
    rig.dispatcher.drain();
    assertThat(api.opened()).isEqualTo(1);
    rig.close();
    // Another process on the same store (a restart, a replica): Tier 3's conversations.open is
    // not called again for people the bot has written to.
    rig =
        SlackRig.builder("test-signing-secret")
            .token("xoxb-test-token")
            .clock(clock)
            .store(rig.store)
            .build();
    api = rig.api;
    tickAt("2026-03-03T08:30:00Z");
    rig.dispatcher.drain();
    assertThat(api.opened()).isZero();
    assertThat(postsTo("DU1")).hasSize(1);
  }

  @Test
  void a429OnOpeningOrPostingPausesAndNothingIsLost() throws Exception {
    remindAt0830("U1");
    api.ratelimitNext("conversations.open", 2);
    tickAt("2026-03-02T08:30:00Z");
    rig.dispatcher.drain();
    assertThat(api.directs()).isEmpty();
    assertThat(pending()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    rig.dispatcher.drain();
    assertThat(api.calls("conversations.open")).isEmpty(); // still paused: no call made
    clock.advance(Duration.ofSeconds(1));
    rig.dispatcher.drain();
    assertThat(api.directs()).containsEntry("U1", 1);
    // A 429 on the post itself, the next day: the same.
    api.ratelimitNext("chat.postMessage", 3);
    tickAt("2026-03-03T08:30:00Z");
    rig.dispatcher.drain();
    assertThat(api.directs()).containsEntry("U1", 1);
    clock.advance(Duration.ofSeconds(3));
    rig.dispatcher.drain();
    assertThat(api.directs()).containsEntry("U1", 2);
    // Pauses are not failed attempts.
    assertThat(rig.store.transact(tx -> tx.outbox().deadLetters(10)).isEmpty()).isTrue();
    assertThat(pending()).isZero();
  }

  @Test
  void aPersonWhoCannotBeMessagedIsADeadLetterAndTheirReminderTurnsOff() throws Exception {
    remindAt0830("U2");
    remindAt0830("U3");
    api.undeliverable("U2", "cannot_dm_bot");
    tickAt("2026-03-02T08:30:00Z");
    rig.dispatcher.drain();
    assertThat(api.directs()).containsOnlyKeys("U3");
    assertThat(dead()).isEqualTo(1);
    assertThat(rig.store.transact(tx -> tx.outbox().deadLetters(10)).get(0).lastError())
        .contains("cannot_dm_bot");
    // Nothing was posted about it in any channel, and nothing waits.
    assertThat(api.calls("chat.postMessage")).allMatch(c -> c.get("channel").startsWith("D"));
    assertThat(pending()).isZero();
    // U2's reminder is off (U3's is not): the next day brings no attempt for U2.
    tickAt("2026-03-03T08:30:00Z");
    rig.dispatcher.drain();
    assertThat(api.calls("conversations.open").stream().filter(c -> c.get("users").equals("U2")))
        .hasSize(1);
    assertThat(api.directs()).containsEntry("U3", 2);
    assertThat(dead()).isEqualTo(1);
  }
}
