package dev.sparring.testing;

import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.console.ConsoleModule;
import dev.sparring.core.Gateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway that records what it delivers and can be told to fail the next attempts. Posts get
 * platform ids {@code m<n>}, unique across instances.
 */
public final class RecordingGateway implements Gateway {

  /** One delivered message with the parent it was threaded under. */
  public record Sent(long outboxId, Outbound message, String parentId, String platformId) {}

  private final Platform platform;
  private final List<Sent> sent = new ArrayList<>();
  private final Deque<Delivery> scripted = new ArrayDeque<>();
  // Shared by every instance: like a real platform, ids never repeat, even across a "restart".
  private static final AtomicLong ids = new AtomicLong();
  private int attempts;

  public RecordingGateway(Platform platform) {
    this.platform = platform;
  }

  public RecordingGateway() {
    this(ConsoleModule.PLATFORM);
  }

  /** The next deliveries answer with these outcomes, in order, instead of succeeding. */
  public synchronized void script(Delivery... outcomes) {
    scripted.addAll(List.of(outcomes));
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public synchronized Delivery deliver(long outboxId, Outbound message, String parentId) {
    attempts++;
    Delivery next = scripted.poll();
    if (next != null) {
      return next;
    }
    String id = "m" + ids.incrementAndGet();
    sent.add(new Sent(outboxId, message, parentId, id));
    return new Delivery.Sent(id);
  }

  /**
   * Like the real gateways (Slack's message metadata, Discord's nonce), a resumed send finds what
   * an earlier attempt posted instead of posting again: the outbox records a delivery only after
   * the platform answered, so a store that failed in between must not double the message.
   */
  @Override
  public synchronized Delivery deliver(
      long outboxId, Outbound message, String parentId, boolean resumed) {
    if (resumed) {
      for (Sent s : sent) {
        if (s.outboxId() == outboxId) {
          attempts++;
          return new Delivery.Sent(s.platformId());
        }
      }
    }
    return deliver(outboxId, message, parentId);
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  public synchronized int attempts() {
    return attempts;
  }
}
