package dev.sparring.remind;

import static dev.sparring.testing.Harness.said;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Outbound;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.Document;
import dev.sparring.store.jdbc.SqliteStore;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.HostileText;
import dev.sparring.testing.Postgres;
import dev.sparring.testing.RecordingGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reminders through {@code Bot.handle} and the outbox: the commands and their mistakes, one nudge a
 * local day only when something is worth doing and the person is not away, exactly once across a
 * restart and two racing replicas, ticks that read only what is due, and a person the platform will
 * not deliver to.
 */
class RemindersTest {

  private Harness h = new Harness(new MemoryStore(), Features.all());

  @TempDir Path dir;

  @AfterEach
  void close() {
    h.close();
  }

  /** A drill card of {@code user}'s, due at {@code due}, as the drill package stores it. */
  private static void dueCard(Harness on, String user, String question, Instant due) {
    on.store.transact(
        tx -> {
          String id = Harness.TEAM.key() + "#" + Harness.user(user).key() + "#" + question;
          tx.documents().put(Document.create(DueDrills.CARD, id, Harness.TEAM.key(), "{}", due));
          return null;
        });
  }

  private static long count(Harness on, String kind) {
    Long n = on.store.transact(tx -> tx.documents().count(kind));
    return n;
  }

  private static long pending(Harness on) {
    Long n = on.store.transact(tx -> tx.outbox().pending());
    return n;
  }

  private static long dead(Harness on) {
    Long n = on.store.transact(tx -> tx.outbox().deadCount());
    return n;
  }

  /** The direct messages delivered so far, in order. */
  private static List<Outbound.Direct> dms(Harness on) {
    on.dispatcher.drain();
    return on.gateway.sent().stream()
        .map(RecordingGateway.Sent::message)
        .filter(m -> m instanceof Outbound.Direct)
        .map(m -> (Outbound.Direct) m)
        .toList();
  }

  @Test
  void everyCommandExplainsItsMistakes() {
    h.clock.set(Instant.parse("2026-03-02T07:00:00Z"));
    assertThat(said(h.command("ana", "remind"))).startsWith("You have no reminder.");
    assertThat(said(h.command("ana", "remind on"))).startsWith("Usage: `/spar remind on HH:MM");
    assertThat(said(h.command("ana", "remind on 25:00")))
        .startsWith("`25:00` is not a time of day")
        .contains("24-hour clock");
    assertThat(said(h.command("ana", "remind on 8am"))).startsWith("`8am` is not a time of day");
    assertThat(said(h.command("ana", "remind on 08:61"))).startsWith("`08:61` is not a time");
    assertThat(said(h.command("ana", "remind on 08:30 Mars/Olympus")))
        .startsWith("`Mars/Olympus` is not an IANA time zone.")
        .doesNotContain("Did you mean");
    // A city alone, or a typo, gets the closest zone ids.
    assertThat(said(h.command("ana", "remind on 08:30 Lisbon")))
        .contains("Did you mean `Europe/Lisbon`?");
    assertThat(said(h.command("ana", "remind on 08:30 America/New_Yrok")))
        .contains("`America/New_York`");
    assertThat(said(h.command("ana", "remind on 08:30 UTC tomorrow")))
        .startsWith("Usage: `/spar remind on HH:MM");
    assertThat(said(h.command("ana", "remind 08:30")))
        .startsWith("Did you mean `/spar remind on 08:30`?");
    assertThat(said(h.command("ana", "remind sometimes"))).startsWith("Usage: `/spar remind`");
    assertThat(said(h.command("ana", "remind off"))).isEqualTo("Your reminder is already off.");
    assertThat(said(h.command("ana", "timezone Europ/Lisbn")))
        .startsWith("`Europ/Lisbn` is not an IANA time zone. Did you mean `Europe/Lisbon`");
    assertThat(said(h.command("ana", "timezone Europe Lisbon")))
        .startsWith("Usage: `/spar timezone`");
    assertThat(said(h.command("ana", "timezone"))).startsWith("You have not set a time zone");
    // Nothing of it was kept.
    assertThat(count(h, ReminderRecords.SETTING)).isZero();
  }

  @Test
  void settingAndShowingSayWhenTheNextNudgeComesInWhichZone() {
    h.clock.set(Instant.parse("2026-03-02T07:00:00Z")); // 07:00 in Lisbon (winter: UTC+0)
    assertThat(said(h.command("ana", "remind on 08:30 Europe/Lisbon")))
        .startsWith("Reminder on: 08:30 Europe/Lisbon.")
        .contains("Next: Mon 2 Mar 08:30 Europe/Lisbon (in 1 h 30 min)");
    assertThat(said(h.command("ana", "remind")))
        .startsWith("Your reminder is on: 08:30 Europe/Lisbon,")
        .contains("Next: Mon 2 Mar 08:30");
    // Without a zone: the person's own, once set, and the reminder moves with it.
    assertThat(said(h.command("bo", "remind on 9:15"))).contains("09:15 UTC (no time zone set");
    assertThat(said(h.command("bo", "timezone america/new_york")))
        .startsWith("Your time zone is now America/New_York (it is 02:00 on Mon 2 Mar).")
        .contains("Your reminder follows it: next Mon 2 Mar 09:15 America/New_York");
    assertThat(said(h.command("bo", "timezone"))).startsWith("Your time zone is America/New_York");
    assertThat(said(h.command("bo", "remind"))).contains("09:15 America/New_York (your time zone)");
    assertThat(said(h.command("bo", "remind off"))).startsWith("Reminder off.");
    assertThat(said(h.command("bo", "remind"))).startsWith("Your reminder is off.");
  }

  @Test
  void oneNudgePerLocalDayOnlyWhenSomethingIsDueAndNotWhileAway() {
    h.clock.set(Instant.parse("2026-03-02T07:00:00Z"));
    h.command("ana", "remind on 08:30 Europe/Lisbon");
    // Nothing due at 08:30: no message, and the reminder moves on to tomorrow.
    h.clock.set(Instant.parse("2026-03-02T08:30:00Z"));
    h.tick();
    assertThat(dms(h)).isEmpty();
    assertThat(said(h.command("ana", "remind"))).contains("Next: Tue 3 Mar 08:30");
    // A card falls due: tomorrow's nudge says so, once, however often the clock ticks.
    dueCard(h, "ana", "demo-basic", Instant.parse("2026-03-02T12:00:00Z"));
    dueCard(h, "ana", "demo-senior", Instant.parse("2026-03-02T13:00:00Z"));
    dueCard(h, "ana", "demo-later", Instant.parse("2026-03-09T13:00:00Z"));
    h.clock.set(Instant.parse("2026-03-03T08:29:59Z"));
    h.tick();
    assertThat(dms(h)).isEmpty();
    for (int i = 0; i < 5; i++) {
      h.clock.set(Instant.parse("2026-03-03T08:30:00Z").plus(Duration.ofMinutes(7 * i)));
      h.tick();
    }
    List<Outbound.Direct> sent = dms(h);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).user()).isEqualTo(Harness.user("ana"));
    assertThat(sent.get(0).team()).isEqualTo(Harness.TEAM);
    assertThat(sent.get(0).message().title()).isEqualTo(ReminderTexts.NUDGE_TITLE);
    assertThat(sent.get(0).message().bodyText())
        .contains("Tuesday 3 March")
        .contains("**2 drill cards are due for review.**")
        .contains("`/spar remind off` stops it");
    // Moving the time later the same day does not bring a second one.
    assertThat(said(h.command("ana", "remind on 20:00 Europe/Lisbon")))
        .contains("Next: Wed 4 Mar 20:00");
    h.clock.set(Instant.parse("2026-03-03T21:00:00Z"));
    h.tick();
    assertThat(dms(h)).hasSize(1);
    // Away for two days: quiet on both, then back.
    h.command("ana", "away until 2026-03-05");
    for (String day : List.of("2026-03-04", "2026-03-05", "2026-03-06")) {
      h.clock.set(Instant.parse(day + "T20:05:00Z"));
      h.tick();
    }
    assertThat(dms(h)).hasSize(2);
    assertThat(dms(h).get(1).message().bodyText()).contains("Friday 6 March");
  }

  @Test
  void aTickReadsOnlyWhatIsDueAndAsksForMoreWhenABatchIsFull() {
    h.clock.set(Instant.parse("2026-03-02T06:00:00Z"));
    int people = Nudges.BATCH + 20;
    for (int i = 0; i < people; i++) {
      h.command("p" + i, "remind on 09:00 UTC");
      dueCard(h, "p" + i, "demo-basic", Instant.parse("2026-03-01T00:00:00Z"));
    }
    h.command("early", "remind on 07:00 UTC");
    dueCard(h, "early", "demo-basic", Instant.parse("2026-03-01T00:00:00Z"));
    h.clock.set(Instant.parse("2026-03-02T07:00:00Z"));
    Bot.Result early = h.tick();
    assertThat(early.queued()).isEqualTo(1);
    assertThat(early.again()).isFalse();
    // Those not due were not touched: still their first version.
    List<Document> settings =
        h.store.transact(tx -> tx.documents().byPrefix(ReminderRecords.SETTING, "", 10_000));
    assertThat(settings.stream().filter(d -> d.version() > 1)).hasSize(1);
    h.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
    Bot.Result first = h.tick();
    assertThat(first.queued()).isEqualTo(Nudges.BATCH);
    assertThat(first.again()).isTrue();
    Bot.Result second = h.tick();
    assertThat(second.queued()).isEqualTo(20);
    assertThat(second.again()).isFalse();
    assertThat(h.tick().queued()).isZero();
    assertThat(dms(h)).hasSize(people + 1);
    // The day's claims are kept two days past it, then a tick deletes them.
    assertThat(count(h, ReminderRecords.SENT)).isEqualTo(people + 1);
    h.clock.set(Instant.parse("2026-03-05T00:00:01Z"));
    assertThat(h.tick().again()).isTrue();
    assertThat(h.tick().again()).isFalse();
    assertThat(count(h, ReminderRecords.SENT)).isZero();
  }

  @Test
  void anUnreadableSettingIsSetAsideWithoutStoppingTheOthers() {
    h.clock.set(Instant.parse("2026-03-02T07:00:00Z"));
    h.command("ana", "remind on 08:30 UTC");
    dueCard(h, "ana", "demo-basic", Instant.parse("2026-03-01T00:00:00Z"));
    String broken = Harness.TEAM.key() + "#console:zed";
    h.store.transact(
        tx -> {
          tx.documents()
              .put(
                  Document.create(
                      ReminderRecords.SETTING,
                      broken,
                      Harness.TEAM.key(),
                      "{not json",
                      Instant.parse("2026-03-02T08:00:00Z")));
          return null;
        });
    h.clock.set(Instant.parse("2026-03-02T08:30:00Z"));
    h.tick();
    assertThat(dms(h)).hasSize(1);
    Document parked =
        h.store.transact(tx -> tx.documents().get(ReminderRecords.SETTING, broken)).orElseThrow();
    assertThat(parked.dueAt()).isNull();
    assertThat(parked.body()).isEqualTo("{not json");
  }

  @Test
  void springForwardSendsAtTheNextValidTimeAndFallBackOnce() {
    // New York skips 02:00-03:00 on 8 March 2026 and repeats 01:00-02:00 on 1 November 2026.
    h.clock.set(Instant.parse("2026-03-07T12:00:00Z"));
    h.command("ana", "remind on 02:30 America/New_York");
    dueCard(h, "ana", "demo-basic", Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(said(h.command("ana", "remind"))).contains("Next: Sun 8 Mar 03:00");
    h.clock.set(Instant.parse("2026-03-08T06:59:59Z")); // 01:59:59 EST
    h.tick();
    assertThat(dms(h)).isEmpty();
    h.clock.set(Instant.parse("2026-03-08T07:00:00Z")); // 03:00 EDT
    h.tick();
    assertThat(dms(h)).hasSize(1);
    h.clock.set(Instant.parse("2026-03-09T06:30:00Z")); // 02:30 EDT
    h.tick();
    assertThat(dms(h)).hasSize(2);

    h.command("ana", "remind on 01:30 America/New_York");
    h.clock.set(Instant.parse("2026-10-31T12:00:00Z"));
    h.tick();
    int before = dms(h).size();
    h.clock.set(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT, the first
    h.tick();
    assertThat(dms(h)).hasSize(before + 1);
    h.clock.set(Instant.parse("2026-11-01T06:30:00Z")); // 01:30 EST, the repeat
    h.tick();
    h.clock.set(Instant.parse("2026-11-01T12:00:00Z"));
    h.tick();
    assertThat(dms(h)).hasSize(before + 1);
    h.clock.set(Instant.parse("2026-11-02T06:30:00Z")); // 01:30 EST on the next day
    h.tick();
    assertThat(dms(h)).hasSize(before + 2);
  }

  @Test
  void aRestartOnTheSameFileDoesNotSendTheDaysNudgeAgain() {
    h.close();
    Path file = dir.resolve("sparring.db");
    h = new Harness(SqliteStore.open(file, SqliteStore.Durability.NORMAL), Features.all());
    h.clock.set(Instant.parse("2026-03-02T07:00:00Z"));
    h.command("ana", "remind on 08:30 UTC");
    dueCard(h, "ana", "demo-basic", Instant.parse("2026-03-01T00:00:00Z"));
    h.clock.set(Instant.parse("2026-03-02T08:30:00Z"));
    h.tick();
    assertThat(dms(h)).hasSize(1);
    h.close();

    h = new Harness(SqliteStore.open(file, SqliteStore.Durability.NORMAL), Features.all());
    h.clock.set(Instant.parse("2026-03-02T08:31:00Z"));
    h.tick();
    // Even a setting that fell due again the same day (restored from an old copy, say) finds the
    // day's claim.
    h.store.transact(
        tx -> {
          Document d =
              tx.documents()
                  .get(ReminderRecords.SETTING, Harness.TEAM.key() + "#console:ana")
                  .orElseThrow();
          Reminder r = ReminderRecords.read(d);
          Reminder stale =
              new Reminder(r.user(), r.time(), r.zone(), r.channel(), true, null, null, null, null);
          tx.documents()
              .put(
                  d.next(
                      dev.sparring.core.Json.write(stale), Instant.parse("2026-03-02T08:30:00Z")));
          return null;
        });
    h.tick();
    assertThat(dms(h)).isEmpty();
    assertThat(pending(h)).isZero();
    h.clock.set(Instant.parse("2026-03-03T08:30:00Z"));
    h.tick();
    assertThat(dms(h)).hasSize(1);
  }

  @Test
  void twoReplicasRacingForTheSameMinuteSendOneDirectMessage() throws Exception {
    h.close();
    String url = Postgres.freshDatabase();
    h = new Harness(Postgres.open(url), Features.all());
    Harness other = new Harness(Postgres.open(url), Features.all());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Instant t0 = Instant.parse("2026-03-02T07:00:00Z");
      h.clock.set(t0);
      other.clock.set(t0);
      for (int i = 0; i < 20; i++) {
        h.command("p" + i, "remind on 08:30 Europe/Lisbon");
        dueCard(h, "p" + i, "demo-basic", Instant.parse("2026-03-01T00:00:00Z"));
      }
      Instant due = Instant.parse("2026-03-02T08:30:00Z");
      h.clock.set(due);
      other.clock.set(due);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Bot.Result>> ticks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Harness on = i % 2 == 0 ? h : other;
        Callable<Bot.Result> tick =
            () -> {
              go.await();
              return on.tick();
            };
        ticks.add(pool.submit(tick));
      }
      go.countDown();
      for (Future<Bot.Result> f : ticks) {
        f.get();
      }
      List<Outbound.Direct> all = new ArrayList<>(dms(h));
      all.addAll(dms(other));
      assertThat(all).hasSize(20);
      assertThat(all.stream().map(Outbound.Direct::user).distinct()).hasSize(20);
    } finally {
      pool.shutdownNow();
      other.close();
    }
  }

  @Test
  void aPersonThePlatformWillNotReachHasTheirReminderTurnedOff() {
    h.dispatcher.onUnreachable(h.bot::unreachable);
    h.clock.set(Instant.parse("2026-03-02T07:00:00Z"));
    h.command("ana", "remind on 08:30 UTC");
    dueCard(h, "ana", "demo-basic", Instant.parse("2026-03-01T00:00:00Z"));
    h.clock.set(Instant.parse("2026-03-02T08:30:00Z"));
    h.tick();
    h.gateway.script(new dev.sparring.core.Gateway.Delivery.Unreachable("cannot_dm_bot"));
    h.dispatcher.drain();
    assertThat(dead(h)).isEqualTo(1);
    // Nothing was posted about it anywhere (a direct message has no channel).
    assertThat(pending(h)).isZero();
    assertThat(said(h.command("ana", "remind")))
        .startsWith("Your reminder was turned off on 2026-03-02: the bot could not send you a")
        .contains("(cannot_dm_bot)")
        .contains("`/spar remind on 08:30` turns it on again");
    h.clock.set(Instant.parse("2026-03-03T08:30:00Z"));
    h.tick();
    assertThat(pending(h)).isZero();
    // Turning it on again works as before.
    assertThat(said(h.command("ana", "remind on 08:30 UTC"))).startsWith("Reminder on");
  }

  @Test
  void hostileNamesAndQuestionsStayDataInTheNudge() {
    h.clock.set(Instant.parse("2026-03-02T07:00:00Z"));
    String name = HostileText.NAMES.get(2);
    Actor hostile = new Actor(Harness.user("ana"), name, true);
    for (String text : List.of("daily on 08:00 UTC daily demo", "remind on 08:30 UTC")) {
      h.bot.handle(
          new Inbound.CommandInvoked(h.nextKey(), Harness.TEAM, Harness.CHANNEL, hostile, text));
    }
    h.clock.set(Instant.parse("2026-03-02T08:30:00Z"));
    h.tick(); // posts today's question, then the nudge about it
    List<Outbound.Direct> sent = dms(h);
    assertThat(sent).hasSize(1);
    String body = sent.get(0).message().body();
    assertThat(body).startsWith("Hi " + Inline.data(name) + ", here is");
    assertThat(body).contains("**The daily question of 2026-03-02 waits for your answer**");
    // The question's prompt is shown as data: a pack's text never becomes the bot's markup.
    assertThat(body)
        .containsPattern(
            "waits for your answer\\*\\* \\(in its thread, before the"
                + " reveal\\): \uE000[^\uE000-\uE003]+\uE001\n");
  }
}
