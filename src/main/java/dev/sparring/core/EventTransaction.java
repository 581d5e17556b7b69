package dev.sparring.core;

import dev.sparring.chat.Form;
import dev.sparring.chat.Platform;
import dev.sparring.chat.TeamRef;
import dev.sparring.store.Store;
import dev.sparring.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The last pipeline step: applies one event in one transaction. Its key is recorded first ({@link
 * InboundKeys}), so a repeat changes nothing; the feature's state change, the messages it queues
 * (each routed to the partition that can deliver it) and the forms it opens commit together. After
 * the commit it runs the features' after-commit actions and wakes the commit listeners (the outbox
 * dispatcher) when something was queued.
 */
final class EventTransaction implements Pipeline.Step {

  private final Store store;
  private final Clock clock;
  private final Set<String> admins;
  private final Router router;
  private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();
  private final Map<Platform, Partitioner> partitioners = new ConcurrentHashMap<>();

  EventTransaction(Store store, Clock clock, Set<String> admins, Router router) {
    this.store = store;
    this.clock = clock;
    this.admins = Set.copyOf(admins);
    this.router = router;
  }

  void onCommit(Runnable listener) {
    commitListeners.add(listener);
  }

  void partitionBy(Partitioner partitioner) {
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

  @Override
  public Pipeline.Handled handle(Pipeline.Call call, Pipeline.Next next) {
    Bot.Result result = store.transact(tx -> apply(tx, call.event(), call.correlation()));
    result.after().forEach(Runnable::run);
    if (result.queued() > 0) {
      commitListeners.forEach(Runnable::run);
    }
    return Pipeline.Handled.of(result);
  }

  private Bot.Result apply(Tx tx, Inbound event, String correlation) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (!InboundKeys.firstTime(tx, event, now)) {
      return Bot.Result.DUPLICATE;
    }
    TeamRef team = event instanceof Inbound.FromUser u ? u.team() : null;
    Context ctx = new Context(tx, new Effects(team), now, admins);
    router.route(ctx, event);
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
    return new Bot.Result(
        false,
        durable.size(),
        ctx.out().ephemerals(),
        forms,
        ctx.out().afterCommitActions(),
        ctx.out().wantsAgain());
  }
}
