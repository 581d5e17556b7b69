package dev.sparring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Bot;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import dev.sparring.testing.HelpExamples;
import dev.sparring.testing.TeamQuestions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command in the help, derived from the help itself so a new command is covered the day it is
 * added: admin commands refuse non-admins and change nothing, and no command run in team B shows
 * anything of team A.
 */
class EveryCommandTest {

  private static final TeamRef A = new TeamRef(ConsoleModule.PLATFORM, "TA");
  private static final TeamRef B = new TeamRef(ConsoleModule.PLATFORM, "TB");
  private static final ChannelRef CA = new ChannelRef(ConsoleModule.PLATFORM, "CHAN-A-42");
  private static final ChannelRef CB = new ChannelRef(ConsoleModule.PLATFORM, "CB");
  private static final Actor ZED =
      new Actor(new UserRef(ConsoleModule.PLATFORM, "UZED"), "zed-from-team-a", true);
  private static final Actor BOB =
      new Actor(new UserRef(ConsoleModule.PLATFORM, "UBOB"), "bob-in-team-b", false);
  private static final Actor BOSS =
      new Actor(new UserRef(ConsoleModule.PLATFORM, "UBOSS"), "boss-in-team-b", true);

  private final Harness h = new Harness(new MemoryStore(), Features.all());
  private final AtomicInteger keys = new AtomicInteger();

  private Bot.Result run(TeamRef team, ChannelRef channel, Actor who, String text) {
    return h.bot.handle(
        new Inbound.CommandInvoked("console:e" + keys.incrementAndGet(), team, channel, who, text));
  }

  private static String text(Bot.Result r) {
    StringBuilder b = new StringBuilder();
    for (Outbound.Ephemeral e : r.ephemerals()) {
      b.append(render(e.message()));
    }
    return b.toString();
  }

  private static String render(Message m) {
    StringBuilder b = new StringBuilder(m.title()).append('\n').append(m.body());
    m.fields().forEach(f -> b.append('\n').append(f.name()).append(' ').append(f.value()));
    m.buttons().forEach(x -> b.append('\n').append(x.label()).append(' ').append(x.value()));
    // A picture's text says what it shows: it must not show another team either.
    m.attachments().forEach(a -> b.append('\n').append(a.name()).append(' ').append(a.alt()));
    return b.toString();
  }

  static List<String> examples(List<Feature> features, boolean adminOnly) {
    return HelpExamples.of(features, adminOnly);
  }

  @BeforeEach
  void teamAIsBusy() {
    h.clock.set(Instant.parse("2026-03-02T08:00:00Z"));
    run(A, CA, ZED, "daily on 09:00 UTC daily demo");
    run(A, CA, ZED, "daily now");
    String thread = h.drainAndLastThread();
    h.bot.handle(
        new Inbound.MessagePosted(
            "console:m1",
            A,
            CA,
            new ThreadRef(ConsoleModule.PLATFORM, thread),
            ZED,
            "A queue decouples producers from consumers and absorbs bursts."));
    run(A, CA, ZED, "reveal");
    run(A, CA, ZED, "compete start AlphaCup 2d demo");
    run(A, CA, ZED, "compete join crimson-squad");
    run(A, CA, ZED, "interview demo-senior");
    run(A, CA, ZED, "drill demo");
    run(A, CA, ZED, "timezone Asia/Kathmandu");
    run(A, CA, ZED, "remind on 07:45");
    // Team A's own question (suggested and approved there), asked there.
    String own = TeamQuestions.approve(h.bot, A, CA, "zed-from-team-a", "UZED");
    run(
        A,
        CA,
        new Actor(new UserRef(ConsoleModule.PLATFORM, "UZED2"), "zed-two", false),
        "interview " + own);
    h.dispatcher.drain();
    // A dead letter in team A's channel.
    h.store.transact(
        tx ->
            tx.outbox()
                .enqueue(
                    new Outbound.Post(CA, Message.text("lost-in-team-a"), null),
                    h.clock.instant()));
    h.gateway.script(new dev.sparring.core.Gateway.Delivery.Failed("channel_not_found"));
    h.dispatcher.drain();
  }

  /** What the admin commands could change, as the bot itself shows it. */
  private String state() {
    Actor viewer = new Actor(new UserRef(ConsoleModule.PLATFORM, "UVIEW"), "viewer", true);
    List<String> views = new ArrayList<>();
    for (String v :
        List.of(
            "daily status",
            "compete status",
            "season",
            "deadletters",
            "remind",
            "timezone",
            "questions team")) {
      views.add(text(run(A, CA, viewer, v)));
    }
    long pending = h.store.transact(tx -> tx.outbox().pending());
    long dead = h.store.transact(tx -> tx.outbox().deadCount());
    return String.join("\n", views) + "\npending=" + pending + " dead=" + dead;
  }

  @Test
  void everyAdminCommandRefusesNonAdminsAndChangesNothing() {
    List<String> commands = examples(Features.all(), true);
    assertThat(commands)
        .contains(
            "daily on 09:00 UTC",
            "daily off",
            "reveal",
            "season reset",
            "deadletters",
            "export",
            "export competition AlphaCup",
            "compete start AlphaCup 2d pack every 1d balanced 3");
    assertThat(examples(Features.all(), false)).contains("leaderboard hide", "leaderboard show");
    Actor nobody = new Actor(new UserRef(ConsoleModule.PLATFORM, "UNOBODY"), "nobody", false);
    for (String command : commands) {
      String before = state();
      Bot.Result r = run(A, CA, nobody, command);
      assertThat(text(r).toLowerCase(Locale.ROOT)).as(command).contains("admin");
      assertThat(r.queued()).as(command).isZero();
      assertThat(r.forms()).as(command).isEmpty();
      assertThat(state()).as(command).isEqualTo(before);
    }
  }

  @Test
  void noCommandInTeamBShowsAnythingOfTeamA() {
    List<String> commands = new ArrayList<>(examples(Features.all(), false));
    commands.addAll(examples(Features.all(), true));
    commands.addAll(
        List.of(
            "leaderboard team all-time",
            "leaderboard season",
            "leaderboard competition AlphaCup",
            "stats <@UZED>",
            "questions demo"));
    Set<String> teamA =
        Set.of(
            "zed-from-team-a",
            "AlphaCup",
            "crimson-squad",
            "lost-in-team-a",
            "CHAN-A-42",
            "07:45",
            "Kathmandu",
            "zebra",
            TeamQuestions.TOPIC);
    for (Actor who : List.of(BOB, BOSS)) {
      for (String command : commands) {
        if (command.startsWith("help")) {
          continue;
        }
        Bot.Result r = run(B, CB, who, command);
        String shown = text(r);
        List<OutboxEntry> queued =
            h.store.transact(
                tx ->
                    tx.outbox()
                        .claim("peek", h.clock.instant(), java.time.Duration.ofMillis(1), 100));
        for (OutboxEntry e : queued) {
          shown += "\n" + render(e.message().message()) + " @" + e.message().channel().key();
        }
        h.clock.advance(java.time.Duration.ofMillis(2)); // the peek's lease passes
        for (String secret : teamA) {
          if (command.contains(secret)) {
            continue; // an echo of what team B itself typed is no leak
          }
          assertThat(shown).as("%s by %s", command, who.displayName()).doesNotContain(secret);
        }
      }
    }
  }
}
