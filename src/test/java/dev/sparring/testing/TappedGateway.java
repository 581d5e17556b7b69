package dev.sparring.testing;

import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.core.Gateway;
import dev.sparring.core.Partitioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real platform gateway with a tap: every message the outbox asks it to deliver is recorded, then
 * handed on unchanged. Tests read what an adapter was asked to send (files included) whatever the
 * adapter then does with it.
 */
public final class TappedGateway implements Gateway {

  private final Gateway inner;
  private final List<Outbound> asked = new ArrayList<>();

  public TappedGateway(Gateway inner) {
    this.inner = inner;
  }

  /** What the adapter was asked to deliver, in order (a retried message once per attempt). */
  public synchronized List<Outbound> asked() {
    return List.copyOf(asked);
  }

  @Override
  public Platform platform() {
    return inner.platform();
  }

  @Override
  public Optional<Partitioner> partitioner() {
    return inner.partitioner();
  }

  @Override
  public Delivery deliver(long outboxId, Outbound message, String parentId) {
    synchronized (this) {
      asked.add(message);
    }
    return inner.deliver(outboxId, message, parentId);
  }

  @Override
  public Delivery deliver(long outboxId, Outbound message, String parentId, boolean resumed) {
    synchronized (this) {
      asked.add(message);
    }
    return inner.deliver(outboxId, message, parentId, resumed);
  }
}
