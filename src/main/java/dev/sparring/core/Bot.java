package dev.sparring.core;

import dev.sparring.chat.Actor;
import dev.sparring.chat.Form;
import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry point: {@link #handle} applies one inbound event in one transaction, as a short
 * pipeline of steps (outermost first):
 *
 * <ol>
 *   <li>{@link Correlation}: an id for the event's log lines and messages;
 *   <li>{@link EventLog}: one log line per event;
 *   <li>{@link Observation}: metrics see every outcome, paced and failed ones included;
 *   <li>{@link Pacing}: a person over the rate limit is told so, and nothing else happens: the
 *       event is not recorded as seen (a platform retry of it is handled once the limit allows),
 *       and a repeat of an event counts against the limit like any other;
 *   <li>{@link Apology}: a failure inside a feature rolls back and answers with an apology;
 *   <li>{@link ConflictRetry}: a lost compare-and-set retries the whole event;
 *   <li>{@link EventTransaction}: in one transaction, dedup by inbound key ({@link InboundKeys}),
 *       routing to the feature ({@link Router}) and the messages it queues.
 * </ol>
 */
public final class Bot {

  private static final Logger log = LoggerFactory.getLogger(Bot.class);

  private final Store store;
  private final Clock clock;
  private final Set<String> admins;
  private final FeatureCatalog catalog;
  private final HelpAndHome helpAndHome;
  private final Observation observation = new Observation();
  private final Pacing pacing = new Pacing();
  private final EventTransaction transaction;
  private final Pipeline pipeline;

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
    this.catalog = new FeatureCatalog(features);
    this.helpAndHome = new HelpAndHome(catalog);
    this.transaction =
        new EventTransaction(store, clock, this.admins, new Router(catalog, helpAndHome));
    this.pipeline =
        new Pipeline(
            List.of(
                new Correlation(),
                new EventLog(),
                observation,
                pacing,
                new Apology(),
                new ConflictRetry(ConflictRetry.MAX_ATTEMPTS),
                transaction));
  }

  /** Called after every commit that queued messages (the outbox dispatcher wakes up). */
  public void onCommit(Runnable listener) {
    transaction.onCommit(listener);
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
    transaction.partitionBy(partitioner);
  }

  public Clock clock() {
    return clock;
  }

  /**
   * The outcome of handling one event. {@code again}: a tick left time-driven work due (a feature
   * works in bounded batches), so the scheduler should tick again at once.
   */
  public record Result(
      boolean duplicate,
      int queued,
      List<Outbound.Ephemeral> ephemerals,
      List<Form> forms,
      List<Runnable> after,
      boolean again) {
    public static final Result DUPLICATE = new Result(true, 0, List.of(), List.of(), List.of());

    public Result(
        boolean duplicate,
        int queued,
        List<Outbound.Ephemeral> ephemerals,
        List<Form> forms,
        List<Runnable> after) {
      this(duplicate, queued, ephemerals, forms, after, false);
    }

    public Result(boolean duplicate, int queued, List<Outbound.Ephemeral> ephemerals) {
      this(duplicate, queued, ephemerals, List.of(), List.of());
    }
  }

  /** Sees every handled event (metrics); must be quick and must not throw. */
  public interface Observer {
    /** {@code outcome}: handled, duplicate, limited or failed. */
    void handled(Inbound event, String outcome, long nanos);
  }

  public Bot observe(Observer observer) {
    observation.add(observer);
    return this;
  }

  /**
   * Limits commands, presses and forms per user (answers in threads are not limited); null lifts
   * the limit.
   */
  public Bot withRateLimit(RateLimiter limiter) {
    pacing.limitWith(limiter);
    return this;
  }

  /**
   * Applies {@code event} at most once per key. Store failures propagate (the platform should
   * retry); a failure inside a feature rolls back and answers the user with a short apology.
   */
  public Result handle(Inbound event) {
    return pipeline.handle(new Pipeline.Call(event, null)).result();
  }

  /**
   * The team removed the bot: every feature stops the team's scheduled work ({@link
   * Feature#teamRemoved}) and the team's messages still waiting in the outbox are cancelled, in one
   * transaction; its history stays. Idempotent. Returns how many queued messages were cancelled.
   */
  public int teamRemoved(TeamRef team, String reason) {
    int cancelled =
        ConflictRetry.run(
            ConflictRetry.MAX_ATTEMPTS,
            () ->
                store.transact(
                    tx -> {
                      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                      Context ctx = new Context(tx, new Effects(), now, admins);
                      for (Feature f : catalog.all()) {
                        f.teamRemoved(ctx, team);
                      }
                      return tx.erase().cancelPending(team.key(), now);
                    }));
    log.info(
        "team {} removed the bot ({}): its scheduled work is stopped, {} queued message(s)"
            + " cancelled; its history is kept",
        team.key(),
        reason,
        cancelled);
    return cancelled;
  }

  /**
   * The platform will not deliver direct messages to {@code user} of {@code team}: every feature
   * stops writing to them privately ({@link Feature#unreachable}), in one transaction. The outbox
   * dispatcher calls this when it dead-letters a direct message for that reason. Idempotent.
   */
  public void unreachable(TeamRef team, UserRef user, String reason) {
    ConflictRetry.run(
        ConflictRetry.MAX_ATTEMPTS,
        () ->
            store.transact(
                tx -> {
                  Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                  Context ctx = new Context(tx, new Effects(), now, admins);
                  for (Feature f : catalog.all()) {
                    f.unreachable(ctx, team, user, reason);
                  }
                  return null;
                }));
  }

  /** A person's home view: every feature's sections, read in one transaction. */
  public List<Message> home(TeamRef team, Actor actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return store.transact(
        tx -> helpAndHome.home(new Context(tx, new Effects(), now, admins), team, actor));
  }

  /** The full help text, built from every feature's help lines. */
  public Message help() {
    return helpAndHome.help(List.of());
  }

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
   * the platform's command list.
   */
  public List<Topic> topics() {
    return helpAndHome.topics();
  }
}
