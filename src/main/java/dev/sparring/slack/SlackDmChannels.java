package dev.sparring.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Json;
import dev.sparring.core.Tickers;
import dev.sparring.store.Document;
import dev.sparring.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code D…} channel of each person the bot writes to directly, as {@code conversations.open}
 * returned it. Slack keeps one per person for good, and {@code conversations.open} is one of its
 * slower-limited methods (Tier 3), so the id is opened once and kept: in memory (Caffeine, on the
 * injected clock) in front of the store ({@code slack.dm/TEAM#USER}, named after the person so
 * erasing them erases it), which every replica and every restart share.
 */
final class SlackDmChannels {

  static final String KIND = "slack.dm";

  /** How long an unused id stays in memory (the store keeps it regardless). */
  static final Duration KEPT_IN_MEMORY = Duration.ofDays(7);

  private final Store store;
  private final Cache<String, String> memory;

  SlackDmChannels(Store store, Clock clock) {
    this.store = store;
    this.memory =
        Caffeine.newBuilder()
            .ticker(Tickers.of(clock))
            .expireAfterAccess(KEPT_IN_MEMORY)
            .maximumSize(200_000)
            .build();
  }

  record Stored(String channel) {}

  private static String id(TeamRef team, UserRef user) {
    return team.key() + "#" + user.key();
  }

  /** The person's DM channel, if it was opened before (by this process or another). */
  Optional<String> get(TeamRef team, UserRef user) {
    String id = id(team, user);
    String known = memory.getIfPresent(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> stored =
        store.transact(
            tx ->
                tx.documents().get(KIND, id).map(d -> Json.read(d.body(), Stored.class).channel()));
    stored.ifPresent(c -> memory.put(id, c));
    return stored;
  }

  /** Keeps the channel conversations.open gave for the person. */
  void put(TeamRef team, UserRef user, String channel) {
    String id = id(team, user);
    memory.put(id, channel);
    String body = Json.write(new Stored(channel));
    store.transact(
        tx -> {
          Optional<Document> doc = tx.documents().get(KIND, id);
          tx.documents().put(Document.saved(doc, KIND, id, team.key(), body, null));
          return null;
        });
  }

  /** Forgets the person's channel (Slack no longer knows it): it is opened again next time. */
  void forget(TeamRef team, UserRef user) {
    String id = id(team, user);
    memory.invalidate(id);
    store.transact(tx -> tx.documents().delete(KIND, id));
  }
}
