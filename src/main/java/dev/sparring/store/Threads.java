package dev.sparring.store;

import java.time.Instant;
import java.util.Optional;

/** Maps the core's thread anchors to platform message ids and back. */
public interface Threads {

  /** Registers a thread the bot is about to open. */
  void open(String anchor, String channelKey, String kind, Instant at);

  /** Records the platform id of the anchor's parent message, once delivered. */
  void link(String anchor, String platformId);

  Optional<ThreadLink> get(String anchor);

  /** The thread whose parent has this platform id in this channel. */
  Optional<ThreadLink> byPlatformId(String channelKey, String platformId);
}
