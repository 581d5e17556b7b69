package dev.sparring.bench;

import dev.sparring.slack.SlackAdapter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each Web API method of a {@link SlackApiStandIn} answers, shaped as Slack shapes it: {@code
 * chat.postMessage} (counted per channel), {@code chat.update}, {@code chat.postEphemeral}, {@code
 * users.info}, {@code views.*}, {@code conversations.history}/{@code .replies} (from the recorded
 * posts and the shared files), {@code conversations.open} (one {@code D…} channel per person, the
 * same every time; {@code cannot_dm_bot} for a person marked {@link #undeliverable}), {@code
 * apps.connections.open}, {@code auth.test}, {@code oauth.v2.access} (from the granted install
 * codes) and the external file upload ({@code files.getUploadURLExternal}, then the bytes, then
 * {@code files.completeUploadExternal}); any other method is {@code unknown_method}. Posts to a DM
 * channel are also counted per person.
 */
final class StandInMethods {

  private final String teamId;
  private final StandInCalls calls;
  private volatile String socketUrl = "ws://127.0.0.1:1/";

  /** What oauth.v2.access answers for each install code (a code works once, as on Slack). */
  private final Map<String, Map<String, Object>> grants = new ConcurrentHashMap<>();

  /** auth.test's answer for the bot tokens that installs handed out. */
  private final Map<String, Map<String, Object>> tokenOwners = new ConcurrentHashMap<>();

  private final Map<String, Integer> posted = new ConcurrentHashMap<>();

  /** Where files.getUploadURLExternal sends the bytes: this stand-in's /upload/. */
  private volatile String uploadBase = "http://127.0.0.1:1/upload/";

  private final AtomicLong fileIds = new AtomicLong();

  /** Files by id: announced by files.getUploadURLExternal, bytes from the upload, shares. */
  private final Map<String, SlackApiStandIn.File> files = new ConcurrentHashMap<>();

  /** Shared files as the messages they make, in order. */
  private final java.util.List<SlackApiStandIn.Share> shares =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private final Map<String, String> firstPost = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();

  /** The person of each DM channel conversations.open handed out, and DMs posted per person. */
  private final Map<String, String> dmOwners = new ConcurrentHashMap<>();

  private final Map<String, Integer> directs = new ConcurrentHashMap<>();
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong directTotal = new AtomicLong();

  /** People conversations.open refuses, with the error it answers. */
  private final Map<String, String> undeliverable = new ConcurrentHashMap<>();

  StandInMethods(String teamId, StandInCalls calls) {
    this.teamId = teamId;
    this.calls = calls;
  }

  void socketUrl(String url) {
    this.socketUrl = url;
  }

  /** See {@link SlackApiStandIn#grant}. */
  void grant(String code, String enterprise, String team, String teamName, String botToken) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("ok", true);
    a.put("app_id", "A0SPARRING");
    a.put(
        "authed_user",
        Map.of("id", "U_ADMIN", "scope", "", "access_token", "xoxp-user-" + botToken));
    a.put("scope", SlackAdapter.SCOPES);
    a.put("token_type", "bot");
    a.put("access_token", botToken);
    a.put("bot_user_id", "UBOT");
    a.put("team", team == null ? null : Map.of("id", team, "name", teamName));
    a.put(
        "enterprise",
        enterprise == null ? null : Map.of("id", enterprise, "name", "Org " + enterprise));
    a.put("is_enterprise_install", team == null);
    grants.put(code, a);
    Map<String, Object> who = new LinkedHashMap<>();
    who.put("user_id", "UBOT");
    who.put("team_id", team == null ? enterprise : team);
    who.put("bot_id", "B-" + (team == null ? enterprise : team));
    who.put("url", "https://" + (team == null ? enterprise : team).toLowerCase() + ".slack.com/");
    tokenOwners.put("Bearer " + botToken, who);
  }

  void uploadBase(String url) {
    this.uploadBase = url;
  }

  /** Keeps the bytes of an announced file; false when no such file was announced. */
  boolean uploaded(String fileId, byte[] bytes) {
    SlackApiStandIn.File f = files.get(fileId);
    if (f == null) {
      return false;
    }
    files.put(fileId, f.withData(bytes));
    return true;
  }

  java.util.List<SlackApiStandIn.File> files() {
    return files.values().stream()
        .sorted(java.util.Comparator.comparing(SlackApiStandIn.File::id))
        .toList();
  }

  java.util.List<SlackApiStandIn.Share> shares() {
    return java.util.List.copyOf(shares);
  }

  Map<String, Integer> posted() {
    return posted;
  }

  Map<String, Integer> directs() {
    return directs;
  }

  long opened() {
    return opened.get();
  }

  long directTotal() {
    return directTotal.get();
  }

  void undeliverable(String user, String error) {
    undeliverable.put(user, error);
  }

  /** The DM channel of {@code user}: the same id every time, as Slack keeps one per person. */
  static String dmChannel(String user) {
    return "D" + user;
  }

  String firstPost(String channel) {
    return firstPost.get(channel);
  }

  long accepted() {
    return accepted.get();
  }

  /** The JSON answer (HTTP 200) to a call of {@code method} that got through, given its ts. */
  Map<String, Object> answer(
      String method, Map<String, String> params, String authorization, String ts) {
    if (method.equals("oauth.v2.access")) {
      Map<String, Object> grant = grants.remove(params.getOrDefault("code", ""));
      return grant == null ? Map.of("ok", false, "error", "invalid_code") : grant;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("ok", true);
    if (method.equals("auth.test")
        && authorization != null
        && tokenOwners.containsKey(authorization)) {
      answer.putAll(tokenOwners.get(authorization));
      return answer;
    }
    switch (method) {
      case "auth.test" -> {
        answer.put("user_id", "UBOT");
        answer.put("team_id", teamId);
        answer.put("bot_id", "BBOT");
        answer.put("url", "https://example.slack.com/");
      }
      case "chat.postMessage" -> post(params, ts, answer);
      case "chat.update" -> {
        answer.put("channel", params.get("channel"));
        answer.put("ts", params.get("ts"));
      }
      case "chat.postEphemeral" -> answer.put("message_ts", ts);
      case "users.info" -> answer.put("user", user(params.getOrDefault("user", "")));
      case "views.publish", "views.open" -> answer.put("view", Map.of("id", "V1"));
      case "conversations.history", "conversations.replies" -> {
        java.util.List<Map<String, Object>> messages =
            new java.util.ArrayList<>(calls.history(params.get("channel"), params.get("ts")));
        messages.addAll(fileMessages(params.get("channel"), params.get("ts")));
        answer.put("messages", messages);
      }
      case "files.getUploadURLExternal" -> announce(params, answer);
      case "files.completeUploadExternal" -> share(params, ts, answer);
      case "apps.connections.open" -> answer.put("url", socketUrl);
      case "conversations.open" -> open(params.getOrDefault("users", ""), answer);
      default -> {
        answer.put("ok", false);
        answer.put("error", "unknown_method");
      }
    }
    return answer;
  }

  /** As Slack answers a 1:1 open: {@code {"ok":true,"channel":{"id":"D…"}}}. */
  private void open(String users, Map<String, Object> answer) {
    opened.incrementAndGet();
    if (users.isEmpty() || users.contains(",")) {
      answer.put("ok", false);
      answer.put("error", users.isEmpty() ? "users_list_not_supplied" : "not_enough_users");
      return;
    }
    String refused = undeliverable.get(users);
    if (refused != null) {
      answer.put("ok", false);
      answer.put("error", refused);
      return;
    }
    String channel = dmChannel(users);
    dmOwners.put(channel, users);
    answer.put("channel", Map.of("id", channel));
  }

  private void post(Map<String, String> params, String ts, Map<String, Object> answer) {
    String channel = params.getOrDefault("channel", "");
    accepted.incrementAndGet();
    posted.merge(channel, 1, Integer::sum);
    String person = dmOwners.get(channel);
    if (person != null) {
      directs.merge(person, 1, Integer::sum);
      directTotal.incrementAndGet();
    }
    if (!params.containsKey("thread_ts")) {
      firstPost.putIfAbsent(channel, ts);
    }
    answer.put("channel", params.get("channel"));
    answer.put("ts", ts);
    answer.put(
        "message", Map.of("type", "message", "text", params.getOrDefault("text", ""), "ts", ts));
  }

  /** files.getUploadURLExternal: a new file id and the URL its bytes go to. */
  private void announce(Map<String, String> params, Map<String, Object> answer) {
    String name = params.getOrDefault("filename", "");
    int length;
    try {
      length = Integer.parseInt(params.getOrDefault("length", ""));
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (name.isEmpty() || length <= 0) {
      answer.put("ok", false);
      answer.put("error", "invalid_arguments");
      return;
    }
    String id = "F" + String.format("%08d", fileIds.incrementAndGet());
    files.put(
        id, new SlackApiStandIn.File(id, name, length, params.getOrDefault("alt_txt", ""), null));
    answer.put("upload_url", uploadBase + id);
    answer.put("file_id", id);
  }

  /**
   * files.completeUploadExternal: shares the uploaded files in channel_id (thread_ts), as Slack
   * does with a message of its own carrying them; a file never uploaded is file_not_found.
   */
  private void share(Map<String, String> params, String ts, Map<String, Object> answer) {
    java.util.List<Map<String, Object>> details;
    try {
      details =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readValue(
                  params.getOrDefault("files", "[]"),
                  new com.fasterxml.jackson.core.type.TypeReference<>() {});
    } catch (java.io.IOException e) {
      details = java.util.List.of();
    }
    java.util.List<Map<String, Object>> shown = new java.util.ArrayList<>();
    java.util.List<String> ids = new java.util.ArrayList<>();
    java.util.List<String> titles = new java.util.ArrayList<>();
    for (Map<String, Object> d : details) {
      String id = String.valueOf(d.get("id"));
      SlackApiStandIn.File f = files.get(id);
      if (f == null || f.data() == null) {
        answer.put("ok", false);
        answer.put("error", "file_not_found");
        return;
      }
      ids.add(id);
      titles.add(d.get("title") == null ? f.name() : String.valueOf(d.get("title")));
      shown.add(Map.of("id", id, "name", f.name(), "title", titles.get(titles.size() - 1)));
    }
    if (ids.isEmpty()) {
      answer.put("ok", false);
      answer.put("error", "invalid_arguments");
      return;
    }
    String channel = params.get("channel_id");
    if (channel != null) {
      shares.add(
          new SlackApiStandIn.Share(
              ts, channel, params.get("thread_ts"), ids, titles, params.get("initial_comment")));
    }
    answer.put("files", shown);
  }

  /** The messages shared files made in a channel (or in one thread), as history shows them. */
  private java.util.List<Map<String, Object>> fileMessages(String channel, String thread) {
    java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (SlackApiStandIn.Share s : shares) {
      boolean inThread = thread != null && thread.equals(s.threadTs());
      if (!s.channel().equals(channel) || (thread != null && !inThread)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "message");
      m.put("subtype", "file_share");
      m.put("ts", s.ts());
      if (s.threadTs() != null) {
        m.put("thread_ts", s.threadTs());
      }
      m.put(
          "files",
          s.fileIds().stream().map(id -> Map.of("id", id, "name", files.get(id).name())).toList());
      out.add(m);
    }
    return out;
  }

  /** A user: {@code U_ADMIN} is a workspace admin, everyone else a member. */
  private static Map<String, Object> user(String user) {
    return Map.of(
        "id", user,
        "name", user.toLowerCase(),
        "real_name", "Real " + user,
        "is_admin", user.equals("U_ADMIN"),
        "profile", Map.of("display_name", user.equals("U_ADMIN") ? "admin" : user.toLowerCase()));
  }
}
