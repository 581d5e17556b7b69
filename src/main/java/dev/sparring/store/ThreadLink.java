package dev.sparring.store;

import java.util.Objects;

/**
 * A thread the bot opened: the core's {@code anchor}, and the platform's id of the parent message
 * once the outbox has delivered it ({@code null} until then).
 */
public record ThreadLink(String anchor, String channelKey, String kind, String platformId) {
  public ThreadLink {
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(channelKey, "channelKey");
    Objects.requireNonNull(kind, "kind");
  }
}
