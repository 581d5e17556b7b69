package dev.sparring.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.sparring.chat.Fallback;
import dev.sparring.chat.Message;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Delivers outbox messages with the Web API: {@code chat.postMessage} (threaded with {@code
 * thread_ts}), {@code chat.update}, {@code chat.postEphemeral}, and direct messages ({@code
 * conversations.open} with the person, then {@code chat.postMessage} to the {@code D…} channel it
 * returns, kept per person: {@link SlackDmChannels}). Paces itself to about one message per second
 * per channel, honours 429 Retry-After, and dead-letters errors that will never pass; a person
 * Slack will not let the bot write to is {@link Delivery.Unreachable}.
 */
final class SlackGateway implements Gateway {

  static final Duration PACE = Duration.ofSeconds(1);
  private static final Set<String> PERMANENT =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "msg_too_long",
          "no_text",
          "invalid_blocks",
          "invalid_blocks_format",
          "message_not_found",
          "cant_update_message",
          "account_inactive",
          "invalid_auth",
          "not_authed",
          "token_revoked",
          "user_not_in_channel",
          "restricted_action",
          "cannot_dm_bot",
          "user_not_found",
          "user_disabled",
          "user_not_visible",
          "messages_tab_disabled");

  /** Errors that say this person cannot get the bot's direct messages, whatever is retried. */
  static final Set<String> UNREACHABLE =
      Set.of("cannot_dm_bot", "user_not_found", "user_disabled", "user_not_visible");

  private final Slack slack;
  private final Function<String, Optional<String>> tokenForChannel;
  private final Function<String, Optional<String>> tokenForTeam;
  private final Clock clock;

  /** The {@code D…} channel of each person, as conversations.open gave it. */
  private final SlackDmChannels dmChannels;

  private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

  /** Until when Slack asked this token (an app in one workspace) to stop sending (429). */
  private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

  private final SlackFiles files;

  SlackGateway(
      Slack slack,
      Function<String, Optional<String>> tokenForChannel,
      Function<String, Optional<String>> tokenForTeam,
      SlackDmChannels dmChannels,
      Clock clock) {
    this.slack = slack;
    this.tokenForChannel = tokenForChannel;
    this.tokenForTeam = tokenForTeam;
    this.dmChannels = dmChannels;
    this.clock = clock;
    this.files = new SlackFiles(clock);
  }

  /** Whether a Slack error will never pass on a retry. */
  static boolean permanent(String error) {
    return PERMANENT.contains(error);
  }

  @Override
  public Platform platform() {
    return SlackModule.PLATFORM;
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
    Optional<String> token =
        message instanceof Outbound.Direct dm
            ? tokenForTeam.apply(dm.team().id())
            : tokenForChannel.apply(message.channel().key());
    if (token.isEmpty()) {
      return new Delivery.Failed(
          "no installation of the app covers "
              + (message instanceof Outbound.Direct dm
                  ? dm.team().key()
                  : message.channel().key()));
    }
    Instant paused = pausedUntil.get(token.get());
    if (paused != null && paused.isAfter(now)) {
      return new Delivery.Throttled(Duration.between(now, paused), true);
    }
    MethodsClient api = slack.methods(token.get());
    List<BlockKit.Rendered> parts = BlockKit.render(message.message());
    boolean withFiles =
        !message.message().attachments().isEmpty()
            && (message instanceof Outbound.Post || message instanceof Outbound.ReplyInThread);
    try {
      if (message instanceof Outbound.Direct dm) {
        return direct(api, token.get(), outboxId, dm, parts, resumed);
      }
      String id = null;
      if (resumed
          && !(message instanceof Outbound.Update || message instanceof Outbound.Ephemeral)) {
        Optional<String> posted = alreadyPosted(api, outboxId, channel, message, parentId);
        if (posted.isPresent() && !withFiles) {
          lastSent.put(channel, clock.instant());
          return new Delivery.Sent(posted.get());
        }
        id = posted.orElse(null);
      }
      if (withFiles) {
        Delivery d = withFiles(api, token.get(), outboxId, message, parentId, id, resumed);
        if (d instanceof Delivery.Sent) {
          lastSent.put(channel, clock.instant());
        }
        return d;
      }
      if (message instanceof Outbound.Update) {
        SlackApiTextResponse r =
            api.chatUpdate(
                q ->
                    q.channel(channel)
                        .ts(parentId)
                        .text(parts.get(0).text())
                        .blocksAsString(json(parts.get(0).blocks())));
        Delivery failed = failure(r);
        if (failed != null) {
          return failed;
        }
        id = parentId;
      } else if (message instanceof Outbound.Ephemeral e) {
        SlackApiTextResponse r =
            api.chatPostEphemeral(
                q ->
                    q.channel(channel)
                        .user(e.user().id())
                        .text(parts.get(0).text())
                        .blocksAsString(json(parts.get(0).blocks())));
        Delivery failed = failure(r);
        if (failed != null) {
          return failed;
        }
        id = "ephemeral-" + outboxId;
      } else {
        Posted r = postText(api, token.get(), outboxId, message, parentId, parts);
        if (r.failed() != null) {
          return r.failed();
        }
        id = r.ts();
      }
      lastSent.put(channel, clock.instant());
      return new Delivery.Sent(id == null ? "unknown" : id);
    } catch (SlackApiException e) {
      if (e.getResponse() != null && e.getResponse().code() == 429) {
        // Slack's limits are per app and workspace: every send with this token waits, and the
        // wait is not a failed attempt.
        Duration wait = retryAfter(e.getResponse().header("Retry-After"));
        pausedUntil.put(token.get(), clock.instant().plus(wait));
        return new Delivery.Throttled(wait, true);
      }
      String error = e.getError() != null ? e.getError().getError() : null;
      if (error != null && PERMANENT.contains(error)) {
        return new Delivery.Failed(error);
      }
      return new Delivery.RetryLater(
          null, "HTTP " + (e.getResponse() == null ? "?" : e.getResponse().code()));
    } catch (IOException e) {
      return new Delivery.RetryLater(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * The message's parts with chat.postMessage, threaded under {@code parentId} for a reply; a
   * top-level post that needs several messages continues in its own thread. Gives the first ts.
   */
  private Posted postText(
      MethodsClient api,
      String token,
      long outboxId,
      Outbound message,
      String parentId,
      List<BlockKit.Rendered> parts)
      throws IOException {
    String thread = message instanceof Outbound.ReplyInThread ? parentId : null;
    String id = null;
    for (BlockKit.Rendered part : parts) {
      String replyTo = thread != null ? thread : id;
      Posted r = postMessage(api, token, message.channel().id(), replyTo, part, outboxId);
      if (r.failed() != null) {
        return r;
      }
      if (id == null) {
        id = r.ts();
      }
    }
    return new Posted(id, null);
  }

  /**
   * A post or reply with files. The files are uploaded first (private to the app until shared), so
   * one Slack refuses is said as its alt text in the message; then the text is posted (unless an
   * earlier attempt did: {@code postedTs}); then each file is shared after it, in the channel or in
   * the thread. A retry after any failure finds what went out already: the text by its metadata
   * marker, a shared file by its name in the history, an uploaded one by its id.
   */
  private Delivery withFiles(
      MethodsClient api,
      String token,
      long outboxId,
      Outbound message,
      String parentId,
      String postedTs,
      boolean resumed)
      throws IOException, SlackApiException {
    String channel = message.channel().id();
    String thread = message instanceof Outbound.ReplyInThread ? parentId : null;
    Message m = message.message();
    List<Message.Attachment> attachments = m.attachments();
    List<Message.Attachment> refused = new java.util.ArrayList<>();
    Map<Integer, String> toShare = new java.util.TreeMap<>();
    for (int i = 0; i < attachments.size(); i++) {
      Message.Attachment a = attachments.get(i);
      if (resumed && files.shared(api, channel, thread, SlackFiles.uploadName(a, outboxId, i))) {
        continue;
      }
      SlackFiles.Step step = files.upload(api, token, outboxId, i, a);
      if (step instanceof SlackFiles.Step.Later later) {
        return later.delivery();
      }
      if (step instanceof SlackFiles.Step.Done done) {
        toShare.put(i, done.fileId());
      } else {
        refused.add(a);
      }
    }
    String id = postedTs;
    if (id == null) {
      List<BlockKit.Rendered> parts = BlockKit.render(Fallback.without(m, refused));
      Posted r = postText(api, token, outboxId, message, parentId, parts);
      if (r.failed() != null) {
        return r.failed();
      }
      id = r.ts();
    }
    for (Map.Entry<Integer, String> e : toShare.entrySet()) {
      Message.Attachment a = attachments.get(e.getKey());
      SlackFiles.Step step =
          files.share(
              api,
              token,
              outboxId,
              e.getKey(),
              e.getValue(),
              SlackFiles.title(m, a),
              channel,
              thread);
      if (step instanceof SlackFiles.Step.Later later) {
        return later.delivery();
      }
    }
    return new Delivery.Sent(id == null ? "unknown" : id);
  }

  /**
   * A direct message: the person's DM channel (kept, else opened with {@code conversations.open}),
   * then each part posted there as a top-level post would be. A DM channel Slack no longer knows is
   * forgotten and opened again on the next attempt.
   */
  private Delivery direct(
      MethodsClient api,
      String token,
      long outboxId,
      Outbound.Direct dm,
      List<BlockKit.Rendered> parts,
      boolean resumed)
      throws IOException {
    String channel = dmChannels.get(dm.team(), dm.user()).orElse(null);
    if (channel == null) {
      Opened opened = open(api, token, dm.user().id());
      if (opened.failed() != null) {
        return opened.failed();
      }
      channel = opened.channel();
      dmChannels.put(dm.team(), dm.user(), channel);
    }
    if (resumed) {
      Optional<String> posted = alreadyPosted(api, outboxId, channel, dm, null);
      if (posted.isPresent()) {
        lastSent.put(dm.channel().id(), clock.instant());
        return new Delivery.Sent(posted.get());
      }
    }
    String id = null;
    for (BlockKit.Rendered part : parts) {
      Posted r = postMessage(api, token, channel, id, part, outboxId);
      if (r.failed() != null) {
        if (r.failed() instanceof Delivery.Failed f && "channel_not_found".equals(f.reason())) {
          dmChannels.forget(dm.team(), dm.user());
          return new Delivery.RetryLater(null, "DM channel " + channel + " is gone");
        }
        return unreachable(r.failed());
      }
      id = id == null ? r.ts() : id;
    }
    lastSent.put(dm.channel().id(), clock.instant());
    return new Delivery.Sent(id == null ? "unknown" : id);
  }

  /** What conversations.open gave: the DM channel id, or why there is none. */
  private record Opened(String channel, Delivery failed) {}

  /** {@code conversations.open} with {@code user}, on the raw client (see {@link #postMessage}). */
  private Opened open(MethodsClient api, String token, String user) throws IOException {
    okhttp3.FormBody.Builder form = new okhttp3.FormBody.Builder().add("users", user);
    try (okhttp3.Response response = api.runPostFormWithToken(form, "conversations.open", token)) {
      if (response.code() == 429) {
        Duration wait = retryAfter(response.header("Retry-After"));
        pausedUntil.put(token, clock.instant().plus(wait));
        return new Opened(null, new Delivery.Throttled(wait, true));
      }
      if (response.code() / 100 != 2 || response.body() == null) {
        return new Opened(null, new Delivery.RetryLater(null, "HTTP " + response.code()));
      }
      com.fasterxml.jackson.databind.JsonNode body = JSON.readTree(response.body().byteStream());
      String channel = body.path("channel").path("id").asText("");
      if (body.path("ok").asBoolean(false) && !channel.isEmpty()) {
        return new Opened(channel, null);
      }
      String error = body.path("error").asText("unknown_error");
      return new Opened(null, unreachable(failure(false, error)));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return new Opened(null, new Delivery.RetryLater(null, "unreadable answer from Slack"));
    }
  }

  /** {@code failed} as a direct message's outcome: the person-specific errors are Unreachable. */
  private static Delivery unreachable(Delivery failed) {
    if (failed instanceof Delivery.Failed f && UNREACHABLE.contains(f.reason())) {
      return new Delivery.Unreachable(f.reason());
    }
    return failed;
  }

  /**
   * Blocks as JSON with one shared Gson: given block objects, the client builds a new Gson (and its
   * reflective adapters) for every request, which cost more CPU than the rest of a send.
   */
  private static final com.google.gson.Gson BLOCKS =
      com.slack.api.util.json.GsonFactory.createSnakeCase();

  private static String json(List<com.slack.api.model.block.LayoutBlock> blocks) {
    return blocks == null || blocks.isEmpty() ? null : BLOCKS.toJson(blocks);
  }

  static final String MARKER_TYPE = "sparring_outbox";

  /** Message metadata naming the outbox entry, so a resumed send can find what it posted. */
  static String marker(long outboxId) {
    return "{\"event_type\":\""
        + MARKER_TYPE
        + "\",\"event_payload\":{\"id\":\""
        + outboxId
        + "\"}}";
  }

  /**
   * After a timeout or a replica's death mid-send, Slack may hold the message already: look for
   * this entry's marker in the thread (replies) or the channel's recent history (posts). A failed
   * look-up (a missing scope, an error) returns empty and the message is sent: at least once.
   */
  private Optional<String> alreadyPosted(
      MethodsClient api, long outboxId, String channel, Outbound message, String parentId) {
    try {
      List<com.slack.api.model.Message> recent;
      if (message instanceof Outbound.ReplyInThread) {
        var r =
            api.conversationsReplies(
                q -> q.channel(channel).ts(parentId).includeAllMetadata(true).limit(200));
        recent = r.isOk() ? r.getMessages() : null;
      } else {
        var r =
            api.conversationsHistory(q -> q.channel(channel).includeAllMetadata(true).limit(100));
        recent = r.isOk() ? r.getMessages() : null;
      }
      if (recent == null) {
        return Optional.empty();
      }
      String id = Long.toString(outboxId);
      return recent.stream()
          .filter(
              m -> m.getMetadata() != null && MARKER_TYPE.equals(m.getMetadata().getEventType()))
          .filter(
              m ->
                  m.getMetadata().getEventPayload() != null
                      && id.equals(String.valueOf(m.getMetadata().getEventPayload().get("id"))))
          .map(com.slack.api.model.Message::getTs)
          .findFirst();
    } catch (IOException | SlackApiException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** What one chat.postMessage call gave: the message's ts, or why it was not posted. */
  private record Posted(String ts, Delivery failed) {}

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * {@code chat.postMessage} on the raw client. The typed call parses every answer with a Gson it
   * builds anew, reflective adapters for the whole message model included, which cost more CPU than
   * the rest of a delivery; only {@code ok}, {@code error} and {@code ts} are needed here.
   */
  private Posted postMessage(
      MethodsClient api,
      String token,
      String channel,
      String threadTs,
      BlockKit.Rendered part,
      long outboxId)
      throws IOException {
    okhttp3.FormBody.Builder form =
        new okhttp3.FormBody.Builder()
            .add("channel", channel)
            .add("text", part.text())
            .add("metadata", marker(outboxId));
    if (threadTs != null) {
      form.add("thread_ts", threadTs);
    }
    String blocks = json(part.blocks());
    if (blocks != null) {
      form.add("blocks", blocks);
    }
    try (okhttp3.Response response = api.runPostFormWithToken(form, "chat.postMessage", token)) {
      if (response.code() == 429) {
        Duration wait = retryAfter(response.header("Retry-After"));
        pausedUntil.put(token, clock.instant().plus(wait));
        return new Posted(null, new Delivery.Throttled(wait, true));
      }
      if (response.code() / 100 != 2 || response.body() == null) {
        return new Posted(null, new Delivery.RetryLater(null, "HTTP " + response.code()));
      }
      com.fasterxml.jackson.databind.JsonNode body = JSON.readTree(response.body().byteStream());
      if (body.path("ok").asBoolean(false)) {
        return new Posted(body.path("ts").asText(null), null);
      }
      return new Posted(null, failure(false, body.path("error").asText(null)));
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return new Posted(null, new Delivery.RetryLater(null, "unreadable answer from Slack"));
    }
  }

  private static Delivery failure(SlackApiTextResponse r) {
    return failure(r.isOk(), r.getError());
  }

  private static Delivery failure(boolean ok, String slackError) {
    if (ok) {
      return null;
    }
    String error = slackError == null ? "unknown_error" : slackError;
    if ("ratelimited".equals(error)) {
      return new Delivery.RetryLater(Duration.ofSeconds(1), error);
    }
    return PERMANENT.contains(error)
        ? new Delivery.Failed(error)
        : new Delivery.RetryLater(null, error);
  }

  static Duration retryAfter(String header) {
    try {
      long s = Long.parseLong(header == null ? "" : header.strip());
      return Duration.ofSeconds(Math.max(1, Math.min(s, 3600)));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(30);
    }
  }
}
