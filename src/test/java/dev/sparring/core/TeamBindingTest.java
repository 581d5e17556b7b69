package dev.sparring.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.discord.DiscordModule;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.slack.SlackModule;
import dev.sparring.store.Conversation;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.RecordingGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Buttons, forms and replies act only on what their own team and channel own, as the store says,
 * whatever the payload claims: another team's admin cannot reveal a daily question, stop an
 * interview or change a schedule, and a form cannot be pointed at another channel or platform.
 */
class TeamBindingTest {

  private static final TeamRef T1 = new TeamRef(SlackModule.PLATFORM, "T1");
  private static final TeamRef T2 = new TeamRef(SlackModule.PLATFORM, "T2");
  private static final ChannelRef C1 = new ChannelRef(SlackModule.PLATFORM, "C1");
  private static final ChannelRef C2 = new ChannelRef(SlackModule.PLATFORM, "C2");
  private static final Actor ADMIN1 =
      new Actor(new UserRef(SlackModule.PLATFORM, "UA1"), "a1", true);
  private static final Actor ADMIN2 =
      new Actor(new UserRef(SlackModule.PLATFORM, "UA2"), "a2", true);

  private final MemoryStore store = new MemoryStore();
  private final MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
  private final Bot bot = new Bot(store, clock, Features.all(), Set.of());
  private final RecordingGateway slack = new RecordingGateway(SlackModule.PLATFORM);
  private final OutboxDispatcher dispatcher =
      new OutboxDispatcher(
          store, clock, List.of(slack), OutboxDispatcher.Settings.defaults(), "test");
  private final AtomicInteger keys = new AtomicInteger();

  @AfterEach
  void close() {
    dispatcher.close();
  }

  private String key() {
    return "slack:k" + keys.incrementAndGet();
  }

  private Bot.Result command(TeamRef t, ChannelRef c, Actor who, String text) {
    return bot.handle(new Inbound.CommandInvoked(key(), t, c, who, text));
  }

  private Bot.Result press(TeamRef t, ChannelRef c, Actor who, String action, String value) {
    return bot.handle(
        new Inbound.ButtonPressed(
            key(), t, c, new ThreadRef(SlackModule.PLATFORM, "1.1"), who, action, value));
  }

  private static String said(Bot.Result r) {
    return String.join("\n", r.ephemerals().stream().map(e -> e.message().bodyText()).toList());
  }

  private String dailyStatus() {
    return said(command(T1, C1, ADMIN1, "daily status"));
  }

  @Test
  void anotherTeamsAdminCannotRevealADailyQuestion() {
    command(T1, C1, ADMIN1, "daily on 09:00 UTC daily demo");
    command(T1, C1, ADMIN1, "daily now");
    String postId = store.transact(tx -> tx.documents().byPrefix("daily.post", "", 10)).get(0).id();

    Bot.Result foreign = press(T2, C1, ADMIN2, "daily.reveal", postId);
    assertThat(said(foreign)).contains("another workspace");
    assertThat(foreign.queued()).isZero();
    Bot.Result otherChannel = press(T1, C2, ADMIN1, "daily.reveal", postId);
    assertThat(said(otherChannel)).contains("another channel");
    assertThat(otherChannel.queued()).isZero();

    Bot.Result own = press(T1, C1, ADMIN1, "daily.reveal", postId);
    assertThat(own.queued()).isPositive(); // the reveal
  }

  @Test
  void anInterviewCannotBeStoppedFromAnotherTeamEvenByItsOwner() {
    command(T1, C1, ADMIN1, "interview demo-senior");
    Conversation c =
        store
            .transact(tx -> tx.conversations().active(T1.key(), ADMIN1.user().key(), "interview"))
            .orElseThrow();
    Actor sameIdElsewhere = new Actor(ADMIN1.user(), "a1", true);

    Bot.Result foreign = press(T2, C2, sameIdElsewhere, "interview.stop", c.id());
    assertThat(said(foreign)).contains("another workspace");
    assertThat(store.transact(tx -> tx.conversations().get(c.id())).orElseThrow().active())
        .isTrue();

    press(T1, C1, ADMIN1, "interview.stop", c.id());
    assertThat(store.transact(tx -> tx.conversations().get(c.id())).orElseThrow().active())
        .isFalse();
  }

  @Test
  void aFormActsOnlyWhereItWasOpenedAndOnlyOnce() {
    Bot.Result setup = command(T1, C1, ADMIN1, "daily setup");
    assertThat(setup.forms()).hasSize(1);
    String ticket = setup.forms().get(0).value();
    assertThat(ticket).doesNotContain("C1"); // the payload carries nothing to forge
    Map<String, String> fields =
        Map.of("time", "07:15", "zone", "UTC", "days", "mon-fri", "filter", "");

    // Another team naming T1's channel; Slack naming a Discord channel; someone else in T1.
    for (Inbound.ModalSubmitted forged :
        List.of(
            new Inbound.ModalSubmitted(key(), T2, C1, ADMIN2, "daily.schedule", ticket, fields),
            new Inbound.ModalSubmitted(
                key(),
                T1,
                new ChannelRef(DiscordModule.PLATFORM, "123456789012345678"),
                ADMIN1,
                "daily.schedule",
                ticket,
                fields),
            new Inbound.ModalSubmitted(
                key(),
                T1,
                C1,
                new Actor(new UserRef(SlackModule.PLATFORM, "UOTHER"), "o", true),
                "daily.schedule",
                ticket,
                fields))) {
      Bot.Result r = bot.handle(forged);
      assertThat(said(r)).as(forged.toString()).contains("nothing was done");
      assertThat(r.queued()).isZero();
    }
    assertThat(dailyStatus()).doesNotContain("07:15");

    Bot.Result own =
        bot.handle(
            new Inbound.ModalSubmitted(key(), T1, C1, ADMIN1, "daily.schedule", ticket, fields));
    assertThat(own.queued()).isPositive();
    assertThat(dailyStatus()).contains("07:15");

    Bot.Result again =
        bot.handle(
            new Inbound.ModalSubmitted(key(), T1, C1, ADMIN1, "daily.schedule", ticket, fields));
    assertThat(said(again)).contains("expired or was already sent");
  }

  @Test
  void aFormTicketLapses() {
    String ticket = command(T1, C1, ADMIN1, "daily setup").forms().get(0).value();
    clock.advance(Duration.ofHours(25));
    bot.handle(new Inbound.Tick(clock.instant()));
    Bot.Result late =
        bot.handle(
            new Inbound.ModalSubmitted(
                key(), T1, C1, ADMIN1, "daily.schedule", ticket, Map.of("time", "07:15")));
    assertThat(said(late)).contains("expired");
  }
}
