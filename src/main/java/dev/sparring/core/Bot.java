package dev.sparring.core;

import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.Store;
import dev.sparring.store.StoreException;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry point: {@link #handle} applies one inbound event in one transaction. The event's
 * key is recorded first, so a repeat changes nothing; the feature's state change and the messages
 * it causes commit together; a lost compare-and-set retries the whole event.
 */
public final class Bot {

  private static final Logger log = LoggerFactory.getLogger(Bot.class);
  private static final int MAX_ATTEMPTS = 8;

  /** How long inbound keys are remembered; platform retries come within minutes. */
  private static final Duration KEY_RETENTION = Duration.ofDays(7);

  private final Store store;
  private final Clock clock;
  private final List<Feature> features;
  private final Map<String, Feature> byCommand = new LinkedHashMap<>();
  private final Map<String, Feature> byThreadKind = new HashMap<>();
  private final List<Runnable> commitListeners = new ArrayList<>();
  private final Map<Platform, Partitioner> partitioners =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Set<String> admins;

  public Bot(Store store, Clock clock, List<Feature> features) {
    this(store, clock, features, Set.of());
  }

  /**
   * {@code admins}: user keys ({@code slack:U123}) that are admins whatever their platform role.
   */
  public Bot(Store store, Clock clock, List<Feature> features, Set<String> admins) {
    this.store = store;
    this.clock = clock;
    this.admins = Set.copyOf(admins);
    this.features = List.copyOf(features);
    for (Feature f : this.features) {
      for (String name : f.commands()) {
        if (byCommand.putIfAbsent(name, f) != null || name.equals("help")) {
          throw new IllegalArgumentException("command '" + name + "' registered twice");
        }
      }
      for (String kind : f.threadKinds()) {
        if (byThreadKind.putIfAbsent(kind, f) != null) {
          throw new IllegalArgumentException("thread kind '" + kind + "' registered twice");
        }
      }
    }
  }

  /** Called after every commit that queued messages (the outbox dispatcher wakes up). */
  public void onCommit(Runnable listener) {
    commitListeners.add(listener);
  }

  public Store store() {
    return store;
  }

  /**
   * Routes the messages queued for teams of {@code partitioner}'s platform to the processes that
   * hold their partition (Discord shards spread over processes). Without one, any process may
   * deliver them.
   */
  public void partitionBy(Partitioner partitioner) {
    partitioners.put(partitioner.platform(), partitioner);
  }

  /** The partition that can deliver a message for {@code team}; null when any process can. */
  String partitionOf(TeamRef team) {
    if (team == null) {
      return null;
    }
    Partitioner p = partitioners.get(team.platform());
    return p == null ? null : p.partitionOf(team);
  }

  public Clock clock() {
    return clock;
  }

  /** The outcome of handling one event. */
  public record Result(
      boolean duplicate,
      int queued,
      List<Outbound.Ephemeral> ephemerals,
      List<Form> forms,
      List<Runnable> after) {
    public static final Result DUPLICATE = new Result(true, 0, List.of(), List.of(), List.of());

    public Result(boolean duplicate, int queued, List<Outbound.Ephemeral> ephemerals) {
      this(duplicate, queued, ephemerals, List.of(), List.of());
    }
  }

  /**
   * Applies {@code event} at most once per key. Store failures propagate (the platform should
   * retry); a failure inside a feature rolls back and answers the user with a short apology.
   */
  private RateLimiter limiter;

  /** Sees every handled event (metrics); must be quick and must not throw. */
  public interface Observer {
    /** {@code outcome}: handled, duplicate, limited or failed. */
    void handled(Inbound event, String outcome, long nanos);
  }

  private final List<Observer> observers = new java.util.concurrent.CopyOnWriteArrayList<>();

  public Bot observe(Observer observer) {
    observers.add(observer);
    return this;
  }

  private void report(Inbound event, String outcome, long start) {
    long nanos = System.nanoTime() - start;
    for (Observer o : observers) {
      o.handled(event, outcome, nanos);
    }
  }

  /** Limits commands, presses and forms per user (answers in threads are not limited). */
  public Bot withRateLimit(RateLimiter limiter) {
    this.limiter = limiter;
    return this;
  }

  /** The MDC key of the id that ties an inbound event to its log lines and outgoing messages. */
  public static final String CORRELATION = "correlationId";

  public Result handle(Inbound event) {
    String previous = org.slf4j.MDC.get(CORRELATION);
    String correlation = correlationOf(event);
    org.slf4j.MDC.put(CORRELATION, correlation);
    try {
      Result result = handle(event, correlation);
      if (!(event instanceof Inbound.Tick) || result.queued() > 0) {
        log.info(
            "{}{}: {} queued, {} private",
            event.getClass().getSimpleName(),
            result.duplicate() ? " (duplicate)" : "",
            result.queued(),
            result.ephemerals().size());
      }
      return result;
    } finally {
      if (previous == null) {
        org.slf4j.MDC.remove(CORRELATION);
      } else {
        org.slf4j.MDC.put(CORRELATION, previous);
      }
    }
  }

  /** The platform's event id where there is one (so logs match the platform's), else a new id. */
  private static String correlationOf(Inbound event) {
    String key = event.key();
    return key != null
        ? Texts.clip(key, 100)
        : "local-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Result handle(Inbound event, String correlation) {
    long start = System.nanoTime();
    Result limited = rateLimited(event);
    if (limited != null) {
      report(event, "limited", start);
      return limited;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        Result result = store.transact(tx -> apply(tx, event, correlation));
        result.after().forEach(Runnable::run);
        if (result.queued() > 0) {
          commitListeners.forEach(Runnable::run);
        }
        report(event, result.duplicate() ? "duplicate" : "handled", start);
        return result;
      } catch (ConcurrentUpdateException e) {
        if (attempt >= MAX_ATTEMPTS) {
          report(event, "failed", start);
          throw new StoreException("gave up after " + attempt + " conflicting attempts", e);
        }
      } catch (StoreException e) {
        report(event, "failed", start);
        throw e;
      } catch (RuntimeException e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        log.error("failed to handle {} (ref {})", describe(event), ref, e);
        report(event, "failed", start);
        return new Result(false, 0, apology(event, ref));
      }
    }
  }

  private Result rateLimited(Inbound event) {
    if (limiter == null) {
      return null;
    }
    // Answers in threads are not paced; commands, presses and forms are.
    if (!(event instanceof Inbound.FromUser u) || event instanceof Inbound.MessagePosted) {
      return null;
    }
    ChannelRef channel = u.channel();
    UserRef user = u.actor().user();
    java.time.Duration wait = limiter.acquire(user.key());
    if (wait.isZero()) {
      return null;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new Result(
        false,
        0,
        List.of(
            new Outbound.Ephemeral(
                channel,
                user,
                Message.text(
                    "You're going a bit fast: at most "
                        + limiter.perMinute()
                        + " commands a minute. Nothing was done; try again in "
                        + seconds
                        + " s."))));
  }

  private Result apply(Tx tx, Inbound event, String correlation) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (event.key() != null && !tx.inbound().record(event.key(), now)) {
      return Result.DUPLICATE;
    }
    TeamRef team = event instanceof Inbound.FromUser u ? u.team() : null;
    Context ctx = new Context(tx, new Effects(team), now, admins);
    route(ctx, event);
    List<Effects.Queued> durable = ctx.out().queued();
    for (Effects.Queued q : durable) {
      // A message for another platform's channel than its team's is nobody's to route.
      TeamRef to =
          q.team() != null && q.team().platform() == q.message().channel().platform()
              ? q.team()
              : null;
      tx.outbox()
          .enqueue(q.message(), now, correlation, to == null ? null : to.key(), partitionOf(to));
    }
    List<Form> forms = new ArrayList<>();
    if (event instanceof Inbound.FromUser u) {
      for (Form f : ctx.out().forms()) {
        forms.add(FormTickets.issue(tx, u, f, now));
      }
    }
    return new Result(
        false, durable.size(), ctx.out().ephemerals(), forms, ctx.out().afterCommitActions());
  }

  // Java 17 has no pattern matching for switch; this chain is the one place events fan out.
  private void route(Context ctx, Inbound event) {
    if (event instanceof Inbound.CommandInvoked c) {
      command(ctx, Command.parse(c));
    } else if (event instanceof Inbound.MessagePosted m) {
      Optional<ThreadLink> thread =
          ctx.tx().threads().byPlatformId(m.channel().key(), m.thread().id());
      thread
          .map(t -> Map.entry(t, byThreadKind.get(t.kind())))
          .filter(e -> e.getValue() != null)
          .ifPresent(e -> e.getValue().threadMessage(ctx, m, e.getKey()));
    } else if (event instanceof Inbound.ButtonPressed b) {
      featureFor(b.action()).ifPresent(f -> f.button(ctx, b));
    } else if (event instanceof Inbound.ModalSubmitted s) {
      FormTickets.redeem(ctx, s)
          .ifPresent(checked -> featureFor(checked.modal()).ifPresent(f -> f.modal(ctx, checked)));
    } else if (event instanceof Inbound.Tick) {
      ctx.tx().inbound().prune(ctx.now().minus(KEY_RETENTION));
      FormTickets.prune(ctx.tx(), ctx.now());
      Confirmations.prune(ctx);
      features.forEach(f -> f.tick(ctx));
    } else {
      throw new IllegalStateException("unhandled event " + event.getClass());
    }
  }

  private Optional<Feature> featureFor(String action) {
    return features.stream()
        .filter(f -> f.buttonPrefix() != null && action.startsWith(f.buttonPrefix()))
        .findFirst();
  }

  private void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    if (command.name().equals("help")) {
      ctx.out().ephemeral(in.channel(), in.actor().user(), help(command.args()));
      return;
    }
    Feature feature = byCommand.get(command.name());
    if (feature == null) {
      String guess = closest(command.name());
      ctx.out()
          .ephemeral(
              in.channel(),
              in.actor().user(),
              Message.text(
                  "Unknown command "
                      + Inline.code(command.name(), 40)
                      + "."
                      + (guess == null ? "" : " Did you mean `/spar " + guess + "`?")
                      + " Type `/spar help` for the list."));
      return;
    }
    feature.command(ctx, command);
  }

  /**
   * The team removed the bot: every feature stops the team's scheduled work ({@link
   * Feature#teamRemoved}) and the team's messages still waiting in the outbox are cancelled, in one
   * transaction; its history stays. Idempotent. Returns how many queued messages were cancelled.
   */
  public int teamRemoved(TeamRef team, String reason) {
    for (int attempt = 1; ; attempt++) {
      try {
        int cancelled =
            store.transact(
                tx -> {
                  Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                  Context ctx = new Context(tx, new Effects(), now, admins);
                  for (Feature f : features) {
                    f.teamRemoved(ctx, team);
                  }
                  return tx.erase().cancelPending(team.key(), now);
                });
        log.info(
            "team {} removed the bot ({}): its scheduled work is stopped, {} queued message(s)"
                + " cancelled; its history is kept",
            team.key(),
            reason,
            cancelled);
        return cancelled;
      } catch (ConcurrentUpdateException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw new StoreException("gave up after " + attempt + " conflicting attempts", e);
        }
      }
    }
  }

  /** A person's home view: every feature's sections, read in one transaction. */
  public List<Message> home(TeamRef team, Actor actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return store.transact(
        tx -> {
          Context ctx = new Context(tx, new Effects(), now, admins);
          List<Message> sections = new ArrayList<>();
          for (Feature f : features) {
            sections.addAll(f.home(ctx, team, actor));
          }
          return sections;
        });
  }

  /** The help's own lines, listed last. */
  private static final List<Feature.Help> HELP_LINES =
      List.of(
          Feature.Help.of("help", "this list"),
          Feature.Help.of("help COMMAND", "only that command's lines"));

  /**
   * One command {@code /spar help} lists: its name (the first word of its help lines) and those
   * lines, in the help's order.
   */
  public record Topic(String name, List<Feature.Help> lines) {
    public Topic {
      lines = List.copyOf(lines);
    }

    /** True when some form of the command takes words after its name. */
    public boolean takesArguments() {
      return lines.stream().anyMatch(h -> !h.usage().strip().equals(name));
    }
  }

  /**
   * Every command {@code /spar help} lists, in its order, {@code help} last: what adapters offer as
   * the platform's command list (aliases without help lines of their own are not in it).
   */
  public List<Topic> topics() {
    Map<String, List<Feature.Help>> byName = new LinkedHashMap<>();
    List<Feature.Help> lines = new ArrayList<>();
    features.forEach(f -> lines.addAll(f.help()));
    lines.addAll(HELP_LINES);
    for (Feature.Help h : lines) {
      byName.computeIfAbsent(topicOf(h), k -> new ArrayList<>()).add(h);
    }
    return byName.entrySet().stream().map(e -> new Topic(e.getKey(), e.getValue())).toList();
  }

  private static String topicOf(Feature.Help h) {
    return h.usage().split(" ", 2)[0];
  }

  /** The full help text, built from every feature's help lines. */
  public Message help() {
    return help(List.of());
  }

  /**
   * Help for {@code /spar help [command]}: every line, or only the lines of one command (its first
   * word), or a pointer to the closest command when there is none by that name.
   */
  private Message help(List<String> args) {
    String topic = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    StringBuilder body = new StringBuilder();
    Feature owner = byCommand.get(topic);
    boolean alias = owner != null && owner.help().stream().noneMatch(h -> topicOf(h).equals(topic));
    for (Feature f : features) {
      for (Feature.Help h : f.help()) {
        // An alias ("lb") has no lines of its own: show those of the feature it belongs to.
        if (topic.isEmpty() || topicOf(h).equals(topic) || (alias && f == owner)) {
          appendLine(body, h);
        }
      }
    }
    if (topic.isEmpty()) {
      HELP_LINES.forEach(h -> appendLine(body, h));
      return Message.of("Sparring commands", body.toString().stripTrailing());
    }
    if (body.length() == 0) {
      String guess = topic.equals("help") ? null : closest(topic);
      return Message.text(
          "No command "
              + Inline.code(topic, 40)
              + "."
              + (guess == null ? "" : " Did you mean `/spar help " + guess + "`?")
              + " `/spar help` lists them all.");
    }
    return Message.of("/spar " + topic, body.toString().strip());
  }

  private static void appendLine(StringBuilder body, Feature.Help h) {
    body.append("- `/spar ")
        .append(h.usage())
        .append("`: ")
        .append(h.description())
        .append(h.adminOnly() ? " _(admins)_" : "")
        .append('\n');
  }

  private String closest(String name) {
    return Texts.closest(name, byCommand.keySet());
  }

  private static List<Outbound.Ephemeral> apology(Inbound event, String ref) {
    return event instanceof Inbound.FromUser u
        ? List.of(sorry(u.channel(), u.actor().user(), ref))
        : List.of();
  }

  private static Outbound.Ephemeral sorry(ChannelRef channel, UserRef user, String ref) {
    return new Outbound.Ephemeral(
        channel,
        user,
        Message.text(
            "Sorry, something went wrong on our side and nothing was changed. Please try again;"
                + " if it keeps happening, tell your admin (reference "
                + ref
                + ")."));
  }

  private static String describe(Inbound event) {
    return event.getClass().getSimpleName() + (event.key() == null ? "" : " " + event.key());
  }
}
