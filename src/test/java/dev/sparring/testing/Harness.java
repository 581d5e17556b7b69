package dev.sparring.testing;

import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Bot;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.grading.RubricGrader;
import dev.sparring.interview.InterviewSettings;
import dev.sparring.interview.Interviews;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The core wired as in production (bot, interviews, outbox dispatcher) over a given store, with a
 * recording gateway and a hand-moved clock. Events go through {@link Bot#handle}.
 */
public final class Harness implements AutoCloseable {

  public static final TeamRef TEAM = new TeamRef(ConsoleModule.PLATFORM, "T1");
  public static final ChannelRef CHANNEL = new ChannelRef(ConsoleModule.PLATFORM, "C1");

  public final Store store;
  public final MutableClock clock = MutableClock.at("2026-03-01T09:00:00Z");
  public final RecordingGateway gateway = new RecordingGateway(ConsoleModule.PLATFORM);
  public final Bot bot;
  public final OutboxDispatcher dispatcher;
  private final AtomicLong keys = new AtomicLong();
  // Keys differ between harnesses, like platform event ids after a restart.
  private final String run = Long.toString(System.nanoTime(), 36);

  public Harness(Store store) {
    this(store, TestPacks.demo(), InterviewSettings.defaults());
  }

  public Harness(Store store, QuestionBank bank, InterviewSettings settings) {
    this(store, List.of(new Interviews(bank, new RubricGrader(), settings)));
  }

  public Harness(Store store, List<Feature> features) {
    this(store, features, java.util.Set.of());
  }

  public Harness(Store store, List<Feature> features, java.util.Set<String> admins) {
    this.store = store;
    this.bot = new Bot(store, clock, features, admins);
    this.dispatcher =
        new OutboxDispatcher(
            store,
            clock,
            List.of(gateway),
            new OutboxDispatcher.Settings(
                5, Duration.ofSeconds(30), 64, Duration.ofSeconds(1), Duration.ofSeconds(30)),
            // One lease owner per harness, as replicas have: two harnesses may share a store.
            "test-" + run);
  }

  public static UserRef user(String id) {
    return new UserRef(ConsoleModule.PLATFORM, id);
  }

  public static Actor actor(String id) {
    return new Actor(user(id), id, false);
  }

  public String nextKey() {
    return "console:" + run + "-" + keys.incrementAndGet();
  }

  public Bot.Result command(String user, String text) {
    return bot.handle(new Inbound.CommandInvoked(nextKey(), TEAM, CHANNEL, actor(user), text));
  }

  /** A command from someone the platform says is an admin. */
  public Bot.Result admin(String user, String text) {
    return bot.handle(
        new Inbound.CommandInvoked(
            nextKey(), TEAM, CHANNEL, new Actor(user(user), user, true), text));
  }

  /** The body of the only ephemeral answer. */
  public static String said(Bot.Result r) {
    if (r.ephemerals().size() != 1) {
      throw new AssertionError("expected one ephemeral, got " + r.ephemerals());
    }
    return r.ephemerals().get(0).message().bodyText();
  }

  public Bot.Result reply(String user, String threadId, String text) {
    return reply(nextKey(), user, threadId, text);
  }

  public Bot.Result reply(String key, String user, String threadId, String text) {
    return bot.handle(
        new Inbound.MessagePosted(
            key,
            TEAM,
            CHANNEL,
            new ThreadRef(ConsoleModule.PLATFORM, threadId),
            actor(user),
            text));
  }

  public Bot.Result press(String user, String threadId, String action, String value) {
    return bot.handle(
        new Inbound.ButtonPressed(
            nextKey(),
            TEAM,
            CHANNEL,
            new ThreadRef(ConsoleModule.PLATFORM, threadId),
            actor(user),
            action,
            value));
  }

  /**
   * Presses the button labelled {@code label} ("Confirm", "Cancel") on the only private answer of
   * {@code asked}, as {@code user} with the admin flag given, from the harness's team and channel.
   */
  public Bot.Result pressPrivate(Bot.Result asked, String label, String user, boolean admin) {
    dev.sparring.chat.Message.Button b =
        asked.ephemerals().stream()
            .flatMap(e -> e.message().buttons().stream())
            .filter(x -> x.label().equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button " + label + " in " + asked));
    return bot.handle(
        new Inbound.ButtonPressed(
            nextKey(),
            TEAM,
            CHANNEL,
            null,
            new Actor(user(user), user, admin),
            b.action(),
            b.value()));
  }

  public Bot.Result tick() {
    return bot.handle(new Inbound.Tick(clock.instant()));
  }

  /** Delivers everything due and returns the platform id of the newest thread parent. */
  public String drainAndLastThread() {
    dispatcher.drain();
    return gateway.sent().stream()
        .filter(s -> s.message() instanceof Outbound.Post p && p.anchor() != null)
        .reduce((a, b) -> b)
        .map(RecordingGateway.Sent::platformId)
        .orElseThrow(() -> new AssertionError("no thread was opened"));
  }

  /** Titles (or first body line) of messages delivered under this thread parent, in order. */
  public List<String> threadTitles(String parentId) {
    return gateway.sent().stream()
        .filter(s -> parentId.equals(s.parentId()))
        .map(s -> title(s.message()))
        .toList();
  }

  public static String title(Outbound o) {
    String t = o.message().titleText();
    return t == null || t.isEmpty() ? o.message().bodyText() : t;
  }

  @Override
  public void close() {
    dispatcher.close();
    store.close();
  }
}
