package dev.sparring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.store.Store;
import dev.sparring.store.Tx;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversation references: for each channel (and personal chat) the bot has heard from, the {@code
 * serviceUrl} to reach it at, its tenant and team. Captured when the bot is installed and on every
 * activity (so a moved service URL is followed), kept in the store so that daily posts and the
 * replies of an interview still find their channel after a restart.
 */
final class TeamsReferences {

  static final String SCOPE = "teams.ref";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Where a conversation lives; {@code type} is the Bot Framework's conversation type ({@code
   * channel}, {@code groupChat}, {@code personal}): only channels have threads.
   */
  record Ref(String serviceUrl, String tenantId, String teamId, String type) {
    boolean channel() {
      return "channel".equals(type);
    }
  }

  private final Store store;
  private final Map<String, Ref> known = new ConcurrentHashMap<>();

  TeamsReferences(Store store) {
    this.store = store;
  }

  /** The key of a team's latest reference: where its people's 1:1 chats are opened from. */
  static String teamKey(String team) {
    return "team:" + team;
  }

  /**
   * Remembers {@code ref} for {@code conversation}, writing only what changed, and as the latest
   * reference of its team (by team id, else tenant: the id of the team's {@code TeamRef}).
   */
  void remember(String conversation, Ref ref) {
    String team = ref.teamId() != null ? ref.teamId() : ref.tenantId();
    if (team != null && !conversation.startsWith("team:")) {
      remember(teamKey(team), ref);
    }
    if (ref.equals(known.get(conversation))) {
      return;
    }
    ObjectNode json = JSON.createObjectNode();
    json.put("serviceUrl", ref.serviceUrl());
    json.put("tenantId", ref.tenantId());
    json.put("teamId", ref.teamId());
    json.put("type", ref.type());
    store.transact(
        tx -> {
          tx.kv().put(SCOPE, conversation, json.toString());
          return null;
        });
    known.put(conversation, ref);
  }

  /** Where {@code conversation} lives, if the bot has heard from it. */
  Optional<Ref> find(String conversation) {
    Ref cached = known.get(conversation);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Ref> stored =
        store.transact(tx -> tx.kv().get(SCOPE, conversation)).map(TeamsReferences::parse);
    stored.ifPresent(r -> known.put(conversation, r));
    return stored;
  }

  private static Ref parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      return new Ref(
          n.path("serviceUrl").asText(),
          n.path("tenantId").isNull() ? null : n.path("tenantId").asText(null),
          n.path("teamId").isNull() ? null : n.path("teamId").asText(null),
          n.path("type").asText("channel"));
    } catch (IOException e) {
      throw new IllegalStateException("unreadable Teams conversation reference", e);
    }
  }

  /** Forgets the references of team {@code teamId}; how many went. */
  static int forgetTeam(Tx tx, String teamId) {
    int removed = 0;
    for (Map.Entry<String, String> e : tx.kv().all(SCOPE).entrySet()) {
      if (teamId.equals(parse(e.getValue()).teamId()) && tx.kv().delete(SCOPE, e.getKey())) {
        removed++;
      }
    }
    return removed;
  }
}
