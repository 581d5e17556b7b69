package dev.sparring.core;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code daily off}, {@code compete end} and {@code season reset} only ask; a Confirm press by an
 * admin of the same team and channel acts once, and a stale, cancelled, foreign or repeated press
 * does nothing.
 */
class ConfirmationsTest {

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  private boolean scheduled() {
    return h.store
        .transact(tx -> tx.documents().get("daily.schedule", Harness.CHANNEL.key()))
        .isPresent();
  }

  private String season() {
    return said(h.command("viewer", "season")).lines().findFirst().orElseThrow();
  }

  private long podiums() {
    h.dispatcher.drain();
    return h.gateway.sent().stream()
        .filter(s -> Harness.title(s.message()).contains(" is over"))
        .count();
  }

  private static List<String> labels(Bot.Result r) {
    return r.ephemerals().stream()
        .flatMap(e -> e.message().buttons().stream())
        .map(Message.Button::label)
        .toList();
  }

  @Test
  void dailyOffAsksFirstAndStopsOnlyOnAnAdminsConfirm() {
    h.clock.set(Instant.parse("2026-03-02T08:55:00Z"));
    h.admin("ana", "daily on 09:00 UTC mon-fri");
    Bot.Result asked = h.admin("ana", "daily off");
    assertThat(labels(asked)).containsExactly("Confirm", "Cancel");
    assertThat(said(asked))
        .contains("Stop the daily question in this channel (09:00 UTC, mon-fri)");
    assertThat(asked.queued()).isZero();
    assertThat(scheduled()).as("asking changes nothing").isTrue();

    assertThat(said(h.pressPrivate(asked, "Confirm", "bo", false))).contains("Only admins");
    assertThat(scheduled()).isTrue();
    // The 09:00 question is posted while ana reads the question: that is no change of schedule.
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    h.tick();

    assertThat(said(h.pressPrivate(asked, "Confirm", "ana", true)))
        .startsWith("Daily question stopped here");
    assertThat(scheduled()).isFalse();
    // The same confirmation again (a double click, a platform retry with a new key): nothing.
    h.admin("ana", "daily on 09:00 UTC mon-fri");
    assertThat(said(h.pressPrivate(asked, "Confirm", "ana", true))).contains("already confirmed");
    assertThat(scheduled()).isTrue();
  }

  @Test
  void cancelExpiryAndAChangedScheduleLeaveItRunning() {
    h.clock.set(Instant.parse("2026-03-02T08:00:00Z"));
    h.admin("ana", "daily on 09:00 UTC mon-fri");
    Bot.Result cancelled = h.admin("ana", "daily off");
    assertThat(said(h.pressPrivate(cancelled, "Cancel", "ana", true))).contains("Cancelled");
    assertThat(said(h.pressPrivate(cancelled, "Confirm", "ana", true))).contains("nothing more");
    assertThat(scheduled()).isTrue();

    Bot.Result late = h.admin("ana", "daily off");
    h.clock.advance(Confirmations.TTL.plusSeconds(1));
    assertThat(said(h.pressPrivate(late, "Confirm", "ana", true))).contains("expired");
    assertThat(scheduled()).isTrue();

    Bot.Result stale = h.admin("ana", "daily off");
    h.admin("ana", "daily on 10:00 UTC daily"); // changed after the question was asked
    assertThat(said(h.pressPrivate(stale, "Confirm", "ana", true)))
        .contains("schedule changed since you asked");
    assertThat(scheduled()).isTrue();
  }

  @Test
  void aConfirmationPressedFromAnotherTeamOrChannelIsRefused() {
    h.clock.set(Instant.parse("2026-03-02T08:00:00Z"));
    h.admin("ana", "daily on 09:00 UTC mon-fri");
    Bot.Result asked = h.admin("ana", "daily off");
    Message.Button confirm = asked.ephemerals().get(0).message().buttons().get(0);
    Actor boss = new Actor(Harness.user("boss"), "boss", true);
    for (Inbound.ButtonPressed foreign :
        List.of(
            new Inbound.ButtonPressed(
                h.nextKey(),
                new TeamRef(ConsoleModule.PLATFORM, "T2"),
                Harness.CHANNEL,
                null,
                boss,
                confirm.action(),
                confirm.value()),
            new Inbound.ButtonPressed(
                h.nextKey(),
                Harness.TEAM,
                new ChannelRef(ConsoleModule.PLATFORM, "C2"),
                null,
                boss,
                confirm.action(),
                confirm.value()))) {
      assertThat(said(h.bot.handle(foreign))).contains("belongs to another channel");
      assertThat(scheduled()).isTrue();
    }
    // Still answerable where it was asked.
    assertThat(said(h.pressPrivate(asked, "Confirm", "ana", true)))
        .startsWith("Daily question stopped");
  }

  @Test
  void competeEndAsksAndAStaleConfirmDoesNotEndItTwice() {
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    h.admin("ana", "compete start Cup 2d demo");
    Bot.Result asked = h.admin("ana", "compete end");
    assertThat(labels(asked)).containsExactly("Confirm", "Cancel");
    assertThat(said(asked)).contains("It has 2 days left");
    assertThat(podiums()).isZero();
    assertThat(said(h.command("bo", "compete status"))).contains("ends in 2 days");

    h.pressPrivate(asked, "Confirm", "ana", true);
    assertThat(podiums()).isEqualTo(1);
    assertThat(said(h.command("bo", "compete status"))).contains("no running competition");

    // Two admins asked about Cup2; the first confirm ends it. The second, pressed after Cup3 has
    // started, must not end Cup3: it was about Cup2.
    h.admin("ana", "compete start Cup2 1d demo");
    Bot.Result mine = h.admin("ana", "compete end");
    Bot.Result theirs = h.admin("cy", "compete end");
    h.pressPrivate(mine, "Confirm", "ana", true);
    assertThat(podiums()).isEqualTo(2);
    h.admin("ana", "compete start Cup3 1d demo");
    assertThat(said(h.pressPrivate(theirs, "Confirm", "cy", true))).contains("already over");
    assertThat(podiums()).isEqualTo(2);
    assertThat(h.command("bo", "compete status").ephemerals().get(0).message().titleText())
        .isEqualTo("Cup3");
  }

  @Test
  void seasonResetAsksAndOnlyEndsTheSeasonItWasAskedAbout() {
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    Bot.Result first = h.admin("ana", "season reset");
    Bot.Result second = h.admin("ana", "season reset");
    assertThat(labels(first)).containsExactly("Confirm", "Cancel");
    assertThat(season()).contains("S1");

    h.pressPrivate(first, "Confirm", "ana", true);
    assertThat(season()).contains("S2");
    // Both questions were about S1: the second confirm must not end S2 as well.
    assertThat(said(h.pressPrivate(second, "Confirm", "ana", true))).contains("already ended");
    assertThat(season()).contains("S2");
    h.dispatcher.drain();
    assertThat(h.gateway.sent())
        .extracting(s -> Harness.title(s.message()))
        .containsExactly("Season S1 is over");
  }
}
