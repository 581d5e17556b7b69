package dev.sparring.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.core.Gateway.Delivery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message's files through Slack's external upload flow: {@code files.getUploadURLExternal}, the
 * bytes POSTed to the URL it returns (the file exists then, private to the app), then {@code
 * files.completeUploadExternal} shares it in the channel or thread.
 *
 * <p>Each file is uploaded under a name that carries its outbox entry ({@code board-42.png}), so a
 * resumed delivery can see in the channel's history that a share already happened; a file uploaded
 * but not yet shared is remembered by id and shared on the next attempt rather than uploaded again.
 * A workspace that refuses files (no {@code files:write} scope, uploads disabled, a file too large)
 * is logged once and asked again only after {@link #REFUSAL_MEMORY}; the message then goes out with
 * the files' alt texts instead.
 */
final class SlackFiles {

  private static final Logger log = LoggerFactory.getLogger(SlackFiles.class);

  /** Errors that mean this workspace takes no files from the app until someone changes it. */
  static final Set<String> REFUSED =
      Set.of(
          "missing_scope",
          "not_allowed_token_type",
          "no_permission",
          "restricted_action",
          "file_uploads_disabled",
          "file_uploads_except_images_disabled",
          "file_too_large",
          "file_size_exceeded",
          "invalid_arguments");

  /** How long a refusal is believed before the app tries files again (a scope may be added). */
  static final Duration REFUSAL_MEMORY = Duration.ofHours(1);

  private static final int MAX_ALT = 1000;
  private static final int MAX_REMEMBERED = 1000;
  private static final int MAX_TITLE = 250;

  private final Clock clock;

  /** Files uploaded but not yet shared, by outbox entry and index: shared, not re-uploaded. */
  private final Map<String, String> uploaded = new ConcurrentHashMap<>();

  /** Tokens (workspaces) that refused files, until when the refusal is believed. */
  private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();

  SlackFiles(Clock clock) {
    this.clock = clock;
  }

  /** What one step of a file's upload came to. */
  sealed interface Step {
    /** Done; {@code fileId} names the file. */
    record Done(String fileId) implements Step {}

    /** Slack will not take this file: the message says its alt text instead. */
    record Refused(String reason) implements Step {}

    /** Try the delivery again later. */
    record Later(Delivery delivery) implements Step {}
  }

  /**
   * The name file {@code index} of outbox entry {@code outboxId} is uploaded under: its own name
   * with the entry's id before the extension, unique per entry and file.
   */
  static String uploadName(Message.Attachment a, long outboxId, int index) {
    String name = a.name();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    return stem + "-" + outboxId + (index == 0 ? "" : "-" + index) + ext;
  }

  private static String key(long outboxId, int index) {
    return outboxId + "#" + index;
  }

  /** Whether files sent with {@code token} are believed refused right now. */
  boolean refused(String token) {
    Instant until = refusedUntil.get(token);
    return until != null && until.isAfter(clock.instant());
  }

  private Step refuse(String token, String reason) {
    Instant until = clock.instant().plus(REFUSAL_MEMORY);
    if (refusedUntil.put(token, until) == null) {
      log.warn(
          "Slack refused a file upload ({}): pictures go out as their text instead. If the app"
              + " lacks the files:write scope, add it and reinstall the app.",
          reason);
    }
    return new Step.Refused(reason);
  }

  /** Uploads file {@code index} of entry {@code outboxId}, unless an earlier attempt did. */
  Step upload(MethodsClient api, String token, long outboxId, int index, Message.Attachment a)
      throws IOException, SlackApiException {
    String known = uploaded.get(key(outboxId, index));
    if (known != null) {
      return new Step.Done(known);
    }
    if (refused(token)) {
      return new Step.Refused("refused earlier");
    }
    String name = uploadName(a, outboxId, index);
    var r =
        api.filesGetUploadURLExternal(
            q ->
                q.filename(name)
                    .length(a.data().length)
                    .altTxt(a.alt().isBlank() ? null : Texts.clip(a.alt(), MAX_ALT)));
    if (!r.isOk()) {
      String error = Objects.requireNonNullElse(r.getError(), "unknown_error");
      if (REFUSED.contains(error)) {
        return refuse(token, error + (r.getNeeded() == null ? "" : ", needs " + r.getNeeded()));
      }
      return new Step.Later(
          new Delivery.RetryLater(
              "ratelimited".equals(error) ? Duration.ofSeconds(5) : null,
              "files.getUploadURLExternal: " + error));
    }
    okhttp3.Request post =
        new okhttp3.Request.Builder()
            .url(r.getUploadUrl())
            .post(okhttp3.RequestBody.create(a.data()))
            .build();
    try (okhttp3.Response response =
        api.getSlackHttpClient().getOkHttpClient().newCall(post).execute()) {
      int code = response.code();
      if (code == 413) {
        return refuse(token, "HTTP 413, file too large");
      }
      if (code == 429) {
        return new Step.Later(
            new Delivery.Throttled(SlackGateway.retryAfter(response.header("Retry-After"))));
      }
      if (code / 100 != 2) {
        return new Step.Later(new Delivery.RetryLater(null, "file upload: HTTP " + code));
      }
    }
    if (uploaded.size() >= MAX_REMEMBERED) {
      uploaded.clear(); // entries that never came back: at worst a file is uploaded again
    }
    uploaded.put(key(outboxId, index), r.getFileId());
    return new Step.Done(r.getFileId());
  }

  /**
   * Shares the uploaded file in {@code channel}, in the thread {@code threadTs} when not null. A
   * refusal ends the file's journey (logged once); anything else is tried again later with the same
   * file.
   */
  Step share(
      MethodsClient api,
      String token,
      long outboxId,
      int index,
      String fileId,
      String title,
      String channel,
      String threadTs)
      throws IOException, SlackApiException {
    var r =
        api.filesCompleteUploadExternal(
            q ->
                q.files(List.of(new FileDetails(fileId, Texts.clip(title, MAX_TITLE))))
                    .channelId(channel)
                    .threadTs(threadTs));
    if (r.isOk()) {
      uploaded.remove(key(outboxId, index));
      return new Step.Done(fileId);
    }
    String error = Objects.requireNonNullElse(r.getError(), "unknown_error");
    if (REFUSED.contains(error) || SlackGateway.permanent(error)) {
      uploaded.remove(key(outboxId, index));
      return refuse(token, error);
    }
    return new Step.Later(
        new Delivery.RetryLater(
            "ratelimited".equals(error) ? Duration.ofSeconds(5) : null,
            "files.completeUploadExternal: " + error));
  }

  /**
   * Whether a file uploaded as {@code name} already shows in the channel (or in the thread {@code
   * threadTs}): an earlier attempt shared it and lost the answer. A failed look-up says no.
   */
  boolean shared(MethodsClient api, String channel, String threadTs, String name) {
    try {
      List<com.slack.api.model.Message> recent;
      if (threadTs != null) {
        var r = api.conversationsReplies(q -> q.channel(channel).ts(threadTs).limit(200));
        recent = r.isOk() ? r.getMessages() : null;
      } else {
        var r = api.conversationsHistory(q -> q.channel(channel).limit(100));
        recent = r.isOk() ? r.getMessages() : null;
      }
      return recent != null
          && recent.stream()
              .map(com.slack.api.model.Message::getFiles)
              .filter(Objects::nonNull)
              .flatMap(List::stream)
              .anyMatch(f -> name.equals(f.getName()));
    } catch (IOException | SlackApiException | RuntimeException e) {
      return false;
    }
  }

  /** The title Slack shows above a file: the message's title, else the file's name. */
  static String title(Message m, Message.Attachment a) {
    String t = BlockKit.plain(m.title()).strip();
    return t.isEmpty() ? a.name() : t;
  }
}
