package dev.sparring.outbox;

import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Correlation;
import dev.sparring.core.Gateway;
import dev.sparring.core.Partitioner;
import dev.sparring.store.OutboxEntry;
import dev.sparring.store.Store;
import dev.sparring.store.ThreadLink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: claims the head message of each channel under a lease, hands it to the
 * platform's gateway, and records the outcome. Failures back off exponentially (or as long as the
 * platform's Retry-After says); after {@code maxAttempts} a message is dead-lettered, never
 * silently dropped.
 *
 * <p>Where a platform's connections are split over processes (Discord shards), the dispatcher
 * claims only messages of the partitions its gateways hold, and those with none; a message with
 * none whose team belongs to another process's partition is handed to that partition, not sent from
 * here (it would fail: this process cannot see the team's channels).
 */
public final class OutboxDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

  /** Tuning; the defaults suit every platform Sparring speaks to. */
  public record Settings(
      int maxAttempts, Duration lease, int batch, Duration baseBackoff, Duration maxBackoff) {
    public static Settings defaults() {
      return new Settings(
          8, Duration.ofSeconds(60), 32, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }
  }

  private final Store store;
  private final Clock clock;
  private final Map<Platform, Gateway> gateways = new java.util.concurrent.ConcurrentHashMap<>();
  private final Settings settings;
  private final String owner;
  private volatile Unreachable unreachable = (team, user, reason) -> {};
  private final AtomicBoolean wake = new AtomicBoolean();
  private final Object recovery = new Object();
  private volatile boolean recovered;
  private ScheduledExecutorService loop;

  public OutboxDispatcher(
      Store store, Clock clock, List<Gateway> gateways, Settings settings, String owner) {
    this.store = store;
    this.clock = clock;
    gateways.forEach(g -> this.gateways.put(g.platform(), g));
    this.settings = settings;
    this.owner = owner;
  }

  /**
   * Who hears of a person the platform will not deliver direct messages to (the bot, which tells
   * its features); called after the message was dead-lettered, outside its transaction.
   */
  @FunctionalInterface
  public interface Unreachable {
    void unreachable(TeamRef team, UserRef user, String reason);
  }

  /** Tells {@code listener} of each person a direct message could never reach. */
  public void onUnreachable(Unreachable listener) {
    this.unreachable = listener;
  }

  /** Adds a platform's gateway (adapters are built after the bot they feed). */
  public void addGateway(Gateway gateway) {
    gateways.put(gateway.platform(), gateway);
  }

  /** The partitions this process's gateways hold (empty: only messages for any process). */
  Set<String> served() {
    Set<String> served = new java.util.HashSet<>();
    synchronized (gateways) {
      for (Gateway g : gateways.values()) {
        g.partitioner().ifPresent(p -> served.addAll(p.served()));
      }
    }
    return served;
  }

  /**
   * The partition {@code entry} belongs to if that is not one this process holds (it came with
   * none: queued by a process that does not know the platform's partitions, or before partitions
   * existed), else null.
   */
  private String elsewhere(OutboxEntry entry, Set<String> served) {
    if (entry.partition() != null || entry.team() == null) {
      return null;
    }
    TeamRef team;
    try {
      team = TeamRef.parse(entry.team());
    } catch (IllegalArgumentException e) {
      return null;
    }
    Gateway g = gateways.get(team.platform());
    Partitioner p = g == null ? null : g.partitioner().orElse(null);
    String partition = p == null ? null : p.partitionOf(team);
    return partition == null || served.contains(partition) ? null : partition;
  }

  /** Delivers until nothing is due; returns how many messages were delivered. */
  public int drain() {
    int total = 0;
    for (int n; (n = runOnce()) > 0; ) {
      total += n;
    }
    return total;
  }

  /**
   * One claim-and-deliver round; returns how many entries it handled (any outcome), or 0 when a
   * platform asked every send to pause (the loop wakes itself when the pause ends).
   */
  public int runOnce() {
    Instant now = now();
    takeBackOnce(now);
    Set<String> served = served();
    List<OutboxEntry> claimed =
        store.transact(
            tx -> tx.outbox().claim(owner, now, settings.lease(), settings.batch(), served));
    Map<Platform, Instant> paused = new java.util.HashMap<>();
    List<OutboxEntry> held = new java.util.ArrayList<>();
    for (OutboxEntry entry : claimed) {
      Platform platform = entry.message().channel().platform();
      String partition = elsewhere(entry, served);
      if (partition != null) {
        log.info(
            "outbox entry {} is for {}: left to the process that holds it", entry.id(), partition);
        store.transact(
            tx -> {
              tx.outbox().reroute(entry.id(), partition);
              return null;
            });
        continue;
      }
      if (paused.containsKey(platform)) {
        held.add(entry);
        continue;
      }
      Duration pause;
      org.slf4j.MDC.put(
          Correlation.MDC_KEY, entry.correlation() == null ? "outbox" : entry.correlation());
      try {
        pause = deliver(entry);
      } finally {
        org.slf4j.MDC.remove(Correlation.MDC_KEY);
      }
      if (pause != null) {
        paused.put(platform, now().plus(pause));
      }
    }
    if (paused.isEmpty()) {
      return claimed.size();
    }
    // Entries claimed behind the 429 wait for the pause without a call each.
    store.transact(
        tx -> {
          for (OutboxEntry e : held) {
            tx.outbox().postpone(e.id(), paused.get(e.message().channel().platform()));
          }
          return null;
        });
    paused.values().stream().min(Instant::compareTo).ifPresent(this::wakeAt);
    return 0;
  }

  /**
   * Before this dispatcher's first claim: ends the leases its owner still holds from a previous run
   * (a crash, kill -9), so their messages go out now rather than when the leases run out. The owner
   * is the same across restarts only where nothing else can be using it (see {@code InstanceId}).
   */
  private void takeBackOnce(Instant now) {
    if (recovered) {
      return;
    }
    synchronized (recovery) {
      if (recovered) {
        return;
      }
      int n = store.transact(tx -> tx.outbox().takeBack(owner, now));
      recovered = true;
      if (n > 0) {
        log.info("took back {} outbox message(s) {} was sending when it stopped", n, owner);
      }
    }
  }

  /** Schedules a round at {@code at} (pauses and pacing end between the regular polls). */
  private void wakeAt(Instant at) {
    ScheduledExecutorService l = loop;
    if (l == null) {
      return;
    }
    long delay = Math.max(0, Duration.between(now(), at).toMillis());
    try {
      l.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Delivers one entry; returns how long the whole platform must pause, or null. */
  private Duration deliver(OutboxEntry entry) {
    Outbound message = entry.message();
    Gateway gateway = gateways.get(message.channel().platform());
    if (gateway == null) {
      fail(entry, "no gateway for " + message.channel().platform().prefix());
      return null;
    }
    String parent = null;
    String anchor = anchorOf(message);
    if (anchor != null && !(message instanceof Outbound.Post)) {
      Optional<ThreadLink> link = store.transact(tx -> tx.threads().get(anchor));
      if (link.isEmpty()) {
        fail(entry, "thread " + anchor + " is unknown");
        return null;
      }
      parent = link.get().platformId();
      if (parent == null) {
        retry(entry, settings.baseBackoff(), "thread parent not delivered yet");
        return null;
      }
    }
    Gateway.Delivery outcome;
    try {
      outcome = gateway.deliver(entry.id(), message, parent, entry.resumed());
    } catch (RuntimeException e) {
      log.warn("delivery of outbox entry {} failed", entry.id(), e);
      outcome = new Gateway.Delivery.RetryLater(null, e.toString());
    }
    if (outcome instanceof Gateway.Delivery.Sent sent) {
      log.info(
          "delivered outbox {} ({}) to {} as {}",
          entry.id(),
          message.getClass().getSimpleName(),
          message.channel().key(),
          sent.platformId());
      store.transact(
          tx -> {
            tx.outbox().delivered(entry.id(), sent.platformId(), now());
            if (message instanceof Outbound.Post post && post.anchor() != null) {
              tx.threads().link(post.anchor(), sent.platformId());
            }
            return null;
          });
    } else if (outcome instanceof Gateway.Delivery.RetryLater later) {
      retry(entry, later.after(), later.reason());
    } else if (outcome instanceof Gateway.Delivery.Throttled throttled) {
      Instant until = now().plus(throttled.after());
      store.transact(
          tx -> {
            tx.outbox().postpone(entry.id(), until);
            return null;
          });
      if (throttled.everyone()) {
        return throttled.after();
      }
      wakeAt(until);
    } else if (outcome instanceof Gateway.Delivery.Failed failed) {
      fail(entry, failed.reason());
    } else if (outcome instanceof Gateway.Delivery.Unreachable gone) {
      fail(entry, "recipient unreachable: " + gone.reason());
      if (message instanceof Outbound.Direct dm) {
        try {
          unreachable.unreachable(dm.team(), dm.user(), gone.reason());
        } catch (RuntimeException e) {
          log.warn("could not record that {} is unreachable", dm.user().key(), e);
        }
      }
    } else if (outcome instanceof Gateway.Delivery.ThreadGone gone && anchor == null) {
      fail(entry, gone.reason());
    } else if (outcome instanceof Gateway.Delivery.ThreadGone gone) {
      log.info("outbox entry {} not delivered: {}", entry.id(), gone.reason());
      store.transact(
          tx -> {
            LostThreads.record(tx, entry, anchor, gone.reason(), now());
            return null;
          });
    }
    return null;
  }

  private static String anchorOf(Outbound message) {
    if (message instanceof Outbound.ReplyInThread r) {
      return r.anchor();
    } else if (message instanceof Outbound.Update u) {
      return u.anchor();
    } else if (message instanceof Outbound.Post p) {
      return p.anchor();
    }
    return null;
  }

  private void retry(OutboxEntry entry, Duration after, String reason) {
    int attempt = entry.attempts() + 1;
    if (attempt >= settings.maxAttempts()) {
      fail(entry, "gave up after " + attempt + " attempts: " + reason);
      return;
    }
    Duration wait = after != null ? after : backoff(attempt);
    store.transact(
        tx -> {
          tx.outbox().retry(entry.id(), now().plus(wait), reason);
          return null;
        });
  }

  /** base × 2^(attempt-1), capped. */
  Duration backoff(int attempt) {
    long factor = 1L << Math.min(attempt - 1, 20);
    Duration d = settings.baseBackoff().multipliedBy(factor);
    return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
  }

  private void fail(OutboxEntry entry, String reason) {
    log.warn("outbox entry {} dead-lettered: {}", entry.id(), reason);
    Outbound notice = DeadLetters.notice(entry, reason);
    store.transact(
        tx -> {
          tx.outbox().dead(entry.id(), reason, now());
          if (notice != null) {
            // Same team and partition: the notice is for the channel the message was for.
            tx.outbox()
                .enqueue(notice, now(), entry.correlation(), entry.team(), entry.partition());
          }
          return null;
        });
  }

  /** Runs in the background: polls every {@code interval}, and at once after {@link #wake()}. */
  public synchronized void start(Duration interval) {
    if (loop != null) {
      return;
    }
    loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sparring-outbox");
              t.setDaemon(true);
              return t;
            });
    loop.scheduleWithFixedDelay(this::safeDrain, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks the background loop to deliver now (called after commits that queued messages). */
  public void wake() {
    ScheduledExecutorService l = loop;
    if (l != null && wake.compareAndSet(false, true)) {
      l.execute(
          () -> {
            wake.set(false);
            safeDrain();
          });
    }
  }

  private void safeDrain() {
    try {
      drain();
    } catch (dev.sparring.store.StoreException e) {
      // The store is away (an outage, a restart): one line, not a stack trace every poll.
      log.warn("outbox round failed ({}); will retry", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("outbox round failed; will retry", e);
    }
  }

  @Override
  public synchronized void close() {
    if (loop != null) {
      loop.shutdown();
      try {
        loop.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      loop = null;
    }
  }
}
