package dev.sparring.testing;

import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * People with hostile names typing hostile text into every command the help lists, on one platform:
 * everything the bot says back (private answers and delivered posts) is collected for a test to
 * render with that platform's renderer and grep.
 */
public final class HostileText {

  /** Display names and competition names that try to ping, link, disguise or break layout. */
  public static final List<String> NAMES =
      List.of(
          "<!channel>",
          "<!here|here>",
          "<https://evil.example|click here>",
          "@everyone <@&123456789012345678> [prize](https://evil.example)",
          "[hint](https://evil.example)",
          "ad\u200Bmin\u202Egnp.exe",
          "R&D <b>",
          "`tick` *star* _under_ ~tilde~ > quote # head");

  /** Answers and arguments with the same intent. */
  public static final List<String> TEXTS =
      List.of(
          "<!channel> a queue decouples producers from consumers",
          "SQS -> Lambda & R&D <b>bold</b>",
          "<@U0ADMIN> <#C0GENERAL> <!subteam^S0TEAM> @here",
          "@everyone [click](https://evil.example) <@&987654321098765432> <#123456789012345678>",
          "\u202Etxt.exe and \u200Bzero\u200Bwidth",
          "``` closes ` code");

  /** Substrings that must never reach a person's screen as they are (checked per platform). */
  public static final List<String> INVISIBLE = List.of("\u202E", "\u200B\u200B", "min\u202E");

  private HostileText() {}

  /** What the bot said, and the ids of the people it may mention. */
  public record Run(List<Message> said, Set<String> people) {}

  /**
   * Runs every command (admins and members, with and without hostile arguments), answers daily,
   * competition, interview and drill threads with hostile text, lets everyone's reminder fall due,
   * and collects all the bot said (direct messages included).
   */
  public static Run run(Platform platform, String team, String channel, List<String> userIds) {
    MemoryStore store = new MemoryStore();
    MutableClock clock = MutableClock.at("2026-03-02T08:00:00Z");
    Bot bot = new Bot(store, clock, Features.all(), Set.of());
    RecordingGateway gateway = new RecordingGateway(platform);
    OutboxDispatcher dispatcher =
        new OutboxDispatcher(
            store,
            clock,
            List.of(gateway),
            new OutboxDispatcher.Settings(
                5, Duration.ofSeconds(30), 64, Duration.ofSeconds(1), Duration.ofSeconds(30)),
            "hostile");
    TeamRef t = new TeamRef(platform, team);
    ChannelRef c = new ChannelRef(platform, channel);
    List<Actor> people = new ArrayList<>();
    for (int i = 0; i < NAMES.size() && i < userIds.size(); i++) {
      people.add(new Actor(new UserRef(platform, userIds.get(i)), NAMES.get(i), true));
    }
    List<Message> said = new ArrayList<>();
    AtomicInteger keys = new AtomicInteger();
    java.util.function.BiConsumer<Actor, String> command =
        (who, text) ->
            collect(
                said,
                bot.handle(
                    new Inbound.CommandInvoked(
                        platform.prefix() + ":h" + keys.incrementAndGet(), t, c, who, text)));
    java.util.function.Consumer<String> answerAll =
        thread -> {
          for (int i = 0; i < people.size(); i++) {
            collect(
                said,
                bot.handle(
                    new Inbound.MessagePosted(
                        platform.prefix() + ":h" + keys.incrementAndGet(),
                        t,
                        c,
                        new ThreadRef(platform, thread),
                        people.get(i),
                        TEXTS.get(i % TEXTS.size()))));
          }
        };
    Actor admin = people.get(0);
    try {
      command.accept(admin, "daily on 09:00 UTC daily demo");
      command.accept(admin, "daily now");
      answerAll.accept(lastThread(dispatcher, gateway, store, clock));
      command.accept(admin, "reveal");
      for (String name : NAMES) {
        command.accept(admin, "compete end");
        command.accept(admin, "compete start \"" + name + "\" 2d demo");
        for (Actor who : people) {
          command.accept(who, "compete join");
        }
        answerAll.accept(lastThread(dispatcher, gateway, store, clock));
        command.accept(admin, "compete status");
        command.accept(admin, "leaderboard competition " + name);
      }
      for (Actor who : people) {
        command.accept(who, "interview demo-senior");
        answerAll.accept(lastThread(dispatcher, gateway, store, clock));
        command.accept(who, "interview stop");
        command.accept(who, "drill demo");
        answerAll.accept(lastThread(dispatcher, gateway, store, clock));
        command.accept(who, "stats");
        command.accept(who, "stats <@" + who.user().id() + ">");
      }
      List<String> commands = new ArrayList<>(HelpExamples.of(Features.all(), false));
      commands.addAll(HelpExamples.of(Features.all(), true));
      for (String line : commands) {
        command.accept(admin, line);
        for (String text : TEXTS) {
          command.accept(people.get(1), line + " " + text);
        }
      }
      for (String text : TEXTS) {
        command.accept(admin, text);
      }
      // Everyone's reminder falls due on the last day, with that day's question open: each gets
      // a direct message naming them and quoting the question.
      command.accept(admin, "daily on 09:00 UTC daily demo");
      for (Actor who : people) {
        command.accept(who, "remind on 00:00 UTC");
      }
      clock.advance(Duration.ofDays(3).plusHours(2));
      collect(said, bot.handle(new Inbound.Tick(clock.instant())));
      drain(dispatcher, store, clock);
      for (RecordingGateway.Sent s : gateway.sent()) {
        said.add(s.message().message());
      }
      long nudged =
          gateway.sent().stream().filter(s -> s.message() instanceof Outbound.Direct).count();
      if (nudged < people.size()) {
        throw new AssertionError("a reminder for each person was expected, got " + nudged);
      }
    } finally {
      dispatcher.close();
      store.close();
    }
    return new Run(
        List.copyOf(said), Set.copyOf(userIds.subList(0, Math.min(userIds.size(), NAMES.size()))));
  }

  private static void collect(List<Message> said, Bot.Result r) {
    r.ephemerals().forEach(e -> said.add(e.message()));
  }

  private static void drain(OutboxDispatcher dispatcher, MemoryStore store, MutableClock clock) {
    for (int i = 0; i < 500; i++) {
      dispatcher.drain();
      if (store.transact(tx -> tx.outbox().pending()) == 0) {
        return;
      }
      clock.advance(Duration.ofSeconds(2));
    }
    throw new AssertionError("the outbox did not drain");
  }

  private static String lastThread(
      OutboxDispatcher dispatcher,
      RecordingGateway gateway,
      MemoryStore store,
      MutableClock clock) {
    drain(dispatcher, store, clock);
    return gateway.sent().stream()
        .filter(s -> s.message() instanceof Outbound.Post p && p.anchor() != null)
        .reduce((a, b) -> b)
        .map(RecordingGateway.Sent::platformId)
        .orElseThrow(() -> new AssertionError("no thread was opened"));
  }
}
