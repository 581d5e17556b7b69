package dev.sparring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.Platform;
import dev.sparring.core.Gateway;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers outbox messages through the Bot Connector. A post that opens a thread starts a new
 * conversation in the channel ({@code POST /v3/conversations} with the channel's id); its activity
 * id is the thread, and replies go to {@code <channel>;messageid=<id>}. Updates replace the card
 * ({@code PUT}); private answers go to a 1:1 chat with the person. Daily posts reach channels
 * through their stored conversation reference (proactive messages).
 *
 * <p>429 pauses the whole platform for the connector's {@code Retry-After}; 5xx and network faults
 * retry; a reply into a thread that is gone ends the conversation.
 *
 * <p>Exactly once: the connector takes no idempotency key and cannot list a channel's messages, so
 * a gateway cannot find out whether an earlier attempt reached Teams. A {@code resumed} delivery
 * (the process died mid-send, or the call timed out) is therefore sent again: a rare duplicate card
 * is better than a lost question. Everything else is once: the outbox marks a message sent in the
 * same step that records its activity id, and inbound activities are deduplicated by id.
 */
final class TeamsGateway implements Gateway {

  /** Teams allows about seven messages a second per conversation; stay well below. */
  static final Duration PACE = Duration.ofMillis(250);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TeamsConnector connector;
  private final TeamsReferences references;
  private final TeamsSettings settings;
  private final Clock clock;
  private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

  TeamsGateway(
      TeamsConnector connector, TeamsReferences references, TeamsSettings settings, Clock clock) {
    this.connector = connector;
    this.references = references;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Platform platform() {
    return TeamsModule.PLATFORM;
  }

  @Override
  public Delivery deliver(long outboxId, Outbound message, String parentId) {
    return deliver(outboxId, message, parentId, false);
  }

  @Override
  public Delivery deliver(long outboxId, Outbound message, String parentId, boolean resumed) {
    String channel = message.channel().id();
    Instant now = clock.instant();
    Instant last = lastSent.get(channel);
    if (last != null && last.plus(PACE).isAfter(now)) {
      return new Delivery.Throttled(Duration.between(now, last.plus(PACE)));
    }
    if (message instanceof Outbound.Direct dm) {
      return directMessage(dm);
    }
    Optional<TeamsReferences.Ref> ref = references.find(channel);
    if (ref.isEmpty()) {
      return new Delivery.Failed(
          "no conversation reference for "
              + message.channel().key()
              + ": the bot has not been installed there or mentioned there yet");
    }
    List<ObjectNode> parts = TeamsCards.render(message.message());
    try {
      Delivery d;
      if (message instanceof Outbound.Post) {
        d = post(ref.get(), channel, parts);
      } else if (message instanceof Outbound.ReplyInThread) {
        d = reply(ref.get(), thread(ref.get(), channel, parentId), parts);
      } else if (message instanceof Outbound.Update) {
        d = update(ref.get(), channel, parentId, parts.get(0));
      } else {
        d = direct(ref.get(), ((Outbound.Ephemeral) message).user().id(), parts);
      }
      if (d instanceof Delivery.Sent) {
        lastSent.put(channel, clock.instant());
      }
      return d;
    } catch (TeamsTokens.TokenRefused e) {
      return new Delivery.RetryLater(Duration.ofMinutes(1), e.getMessage());
    } catch (IOException e) {
      return new Delivery.RetryLater(Duration.ofSeconds(5), "connector unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery.RetryLater(Duration.ofSeconds(5), "interrupted");
    }
  }

  /** A reminder: into the person's 1:1 chat, opened from where the bot last heard the team. */
  private Delivery directMessage(Outbound.Direct dm) {
    Optional<TeamsReferences.Ref> ref = references.find(TeamsReferences.teamKey(dm.team().id()));
    if (ref.isEmpty()) {
      return new Delivery.Failed("no conversation reference for team " + dm.team().key());
    }
    try {
      return direct(ref.get(), dm.user().id(), TeamsCards.render(dm.message()));
    } catch (TeamsTokens.TokenRefused e) {
      return new Delivery.RetryLater(Duration.ofMinutes(1), e.getMessage());
    } catch (IOException e) {
      return new Delivery.RetryLater(Duration.ofSeconds(5), "connector unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Delivery.RetryLater(Duration.ofSeconds(5), "interrupted");
    }
  }

  private static String thread(TeamsReferences.Ref ref, String channel, String parentId) {
    return ref.channel() ? channel + ";messageid=" + parentId : channel;
  }

  private Delivery post(TeamsReferences.Ref ref, String channel, List<ObjectNode> parts)
      throws IOException, InterruptedException {
    String id;
    if (ref.channel()) {
      ObjectNode params = JSON.createObjectNode();
      params.put("isGroup", true);
      params.putObject("channelData").putObject("channel").put("id", channel);
      if (ref.tenantId() != null) {
        params.put("tenantId", ref.tenantId());
      }
      params.set("activity", parts.get(0));
      TeamsConnector.Answer a = connector.createConversation(ref.serviceUrl(), params);
      if (!a.ok()) {
        return failure(a, false);
      }
      id = a.body().path("activityId").asText("");
      if (id.isEmpty()) {
        id = afterMessageId(a.body().path("id").asText(""));
      }
      if (id.isEmpty()) {
        return new Delivery.RetryLater(Duration.ofSeconds(5), "the connector named no activity");
      }
    } else {
      TeamsConnector.Answer a = connector.send(ref.serviceUrl(), channel, parts.get(0));
      if (!a.ok()) {
        return failure(a, false);
      }
      id = a.body().path("id").asText("m" + clock.millis());
    }
    if (parts.size() > 1) {
      Delivery rest = reply(ref, thread(ref, channel, id), parts.subList(1, parts.size()));
      if (!(rest instanceof Delivery.Sent)) {
        return rest;
      }
    }
    return new Delivery.Sent(id);
  }

  private static String afterMessageId(String conversation) {
    int at = conversation.indexOf(";messageid=");
    return at < 0 ? "" : conversation.substring(at + ";messageid=".length());
  }

  private Delivery reply(TeamsReferences.Ref ref, String conversation, List<ObjectNode> parts)
      throws IOException, InterruptedException {
    String first = null;
    for (ObjectNode part : parts) {
      TeamsConnector.Answer a = connector.send(ref.serviceUrl(), conversation, part);
      if (!a.ok()) {
        return failure(a, true);
      }
      String id = a.body().path("id").asText("");
      first = first == null ? id : first;
    }
    return new Delivery.Sent(first == null || first.isEmpty() ? conversation : first);
  }

  private Delivery update(TeamsReferences.Ref ref, String channel, String parentId, ObjectNode card)
      throws IOException, InterruptedException {
    card.put("id", parentId);
    TeamsConnector.Answer a =
        connector.update(ref.serviceUrl(), thread(ref, channel, parentId), parentId, card);
    return a.ok() ? new Delivery.Sent(parentId) : failure(a, false);
  }

  /** A private answer: into the 1:1 chat with {@code user}, created (or found) by the connector. */
  private Delivery direct(TeamsReferences.Ref ref, String user, List<ObjectNode> parts)
      throws IOException, InterruptedException {
    ObjectNode params = JSON.createObjectNode();
    params.put("isGroup", false);
    params.putObject("bot").put("id", "28:" + settings.appId());
    params.putArray("members").addObject().put("id", user);
    if (ref.tenantId() != null) {
      params.put("tenantId", ref.tenantId());
      params.putObject("channelData").putObject("tenant").put("id", ref.tenantId());
    }
    TeamsConnector.Answer a = connector.createConversation(ref.serviceUrl(), params);
    if (!a.ok()) {
      return failure(a, false);
    }
    String chat = a.body().path("id").asText("");
    if (chat.isEmpty()) {
      return new Delivery.RetryLater(Duration.ofSeconds(5), "the connector named no chat");
    }
    references.remember(
        chat, new TeamsReferences.Ref(ref.serviceUrl(), ref.tenantId(), ref.teamId(), "personal"));
    return reply(references.find(chat).orElseThrow(), chat, parts);
  }

  private static Delivery failure(TeamsConnector.Answer a, boolean inThread) {
    String why = a.status() + " " + errorCode(a.body());
    if (a.status() == 429) {
      return new Delivery.Throttled(
          a.retryAfter() == null ? Duration.ofSeconds(1) : a.retryAfter(), true);
    }
    if (a.status() >= 500 || a.status() == 401 || a.status() == 408) {
      return new Delivery.RetryLater(a.retryAfter(), "connector answered " + why);
    }
    if (a.status() == 404 && inThread) {
      return new Delivery.ThreadGone("the thread is gone (" + why + ")");
    }
    return new Delivery.Failed("connector refused: " + why);
  }

  private static String errorCode(JsonNode body) {
    return body.path("error").path("code").asText("");
  }
}
