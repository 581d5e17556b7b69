package dev.sparring.compete;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two teams (say, two Discord servers) share one bot and one store, and one person is in both:
 * nothing one server does shows up in the other.
 */
class TenantIsolationTest {

  private static final TeamRef A = new TeamRef(ConsoleModule.PLATFORM, "111");
  private static final TeamRef B = new TeamRef(ConsoleModule.PLATFORM, "222");
  private static final ChannelRef CA = new ChannelRef(ConsoleModule.PLATFORM, "1110");
  private static final ChannelRef CB = new ChannelRef(ConsoleModule.PLATFORM, "2220");
  private static final Actor ANA =
      new Actor(new dev.sparring.chat.UserRef(ConsoleModule.PLATFORM, "9001"), "ana", true);

  private final Harness h = new Harness(new MemoryStore(), Features.all());
  private final AtomicInteger keys = new AtomicInteger();

  private String say(TeamRef team, ChannelRef channel, String text) {
    Bot.Result r =
        h.bot.handle(
            new Inbound.CommandInvoked(
                "console:" + keys.incrementAndGet(), team, channel, ANA, text));
    return r.ephemerals().isEmpty()
        ? ""
        : r.ephemerals().get(0).message().titleText()
            + "\n"
            + r.ephemerals().get(0).message().bodyText();
  }

  @Test
  void scoresStreaksSeasonsSchedulesCompetitionsAndInterviewsStayInTheirTeam() {
    h.clock.set(Instant.parse("2026-03-02T08:00:00Z"));
    // Team A: a daily question answered and revealed, a competition, an interview, a drill.
    say(A, CA, "daily on 09:00 UTC daily demo beginner");
    say(A, CA, "daily now");
    h.dispatcher.drain();
    String thread = h.drainAndLastThread();
    h.bot.handle(
        new Inbound.MessagePosted(
            "console:m1",
            A,
            CA,
            new dev.sparring.chat.ThreadRef(ConsoleModule.PLATFORM, thread),
            ANA,
            "A queue decouples producers from consumers and absorbs bursts."));
    say(A, CA, "reveal");
    say(A, CA, "compete start Alpha 2d demo");
    say(A, CA, "interview demo-senior");
    say(A, CA, "drill demo");
    say(A, CA, "away until 2026-03-05");
    Bot.Result reset =
        h.bot.handle(
            new Inbound.CommandInvoked(
                "console:" + keys.incrementAndGet(), A, CA, ANA, "season reset"));
    var confirm = reset.ephemerals().get(0).message().buttons().get(0);
    h.bot.handle(
        new Inbound.ButtonPressed(
            "console:" + keys.incrementAndGet(),
            A,
            CA,
            null,
            ANA,
            confirm.action(),
            confirm.value()));
    assertThat(say(A, CA, "season")).contains("**Current:** S2");

    assertThat(say(A, CA, "leaderboard team all-time")).contains("ana");
    assertThat(say(B, CB, "leaderboard team all-time")).contains("No points yet");
    assertThat(say(B, CB, "stats"))
        .contains("**All time:** 0 points")
        .contains("**Streaks:** none yet")
        .doesNotContain("Away");
    assertThat(say(B, CB, "season")).contains("**Current:** S1").doesNotContain("S2");
    assertThat(say(B, CB, "daily status")).contains("No daily question in this channel");
    assertThat(say(B, CB, "compete status")).contains("no running competition");
    assertThat(say(B, CB, "leaderboard competition Alpha"))
        .contains("No competition called `Alpha`");
    assertThat(say(B, CB, "drill stats")).contains("No drills yet");
    // The same person may interview in both servers at once: each has its own.
    assertThat(say(B, CB, "interview demo-senior")).contains("in a new thread");
    assertThat(say(A, CA, "interview demo-basic")).contains("already have an interview");
  }
}
