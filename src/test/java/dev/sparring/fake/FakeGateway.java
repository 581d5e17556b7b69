package dev.sparring.fake;

import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.core.Gateway;
import java.util.ArrayList;
import java.util.List;

/** Keeps every message the bot delivers to the fake platform; each gets the next numeric id. */
public final class FakeGateway implements Gateway {

  /** One delivered message, with the id the platform gave it and its thread's parent id. */
  public record Delivered(String id, Outbound message, String parentId) {}

  private final List<Delivered> delivered = new ArrayList<>();

  @Override
  public Platform platform() {
    return FakeModule.PLATFORM;
  }

  @Override
  public synchronized Delivery deliver(long outboxId, Outbound message, String parentId) {
    String id = "m" + (delivered.size() + 1);
    delivered.add(new Delivered(id, message, parentId));
    return new Delivery.Sent(id);
  }

  public synchronized List<Delivered> delivered() {
    return List.copyOf(delivered);
  }

  /** The titles of the replies delivered into the thread under {@code parentId}, in order. */
  public synchronized List<String> threadTitles(String parentId) {
    List<String> out = new ArrayList<>();
    for (Delivered d : delivered) {
      if (d.message() instanceof Outbound.ReplyInThread && parentId.equals(d.parentId())) {
        out.add(d.message().message().titleText());
      }
    }
    return out;
  }
}
