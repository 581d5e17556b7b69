package dev.sparring.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for Slack's Web API: answers the methods Sparring calls the way Slack does.
 * The benches and the tests share it.
 *
 * <p>{@link #SlackApiStandIn()} is the tests' one: it records every call; {@code U_ADMIN} is a
 * workspace admin; {@link #ratelimitNext} makes the next {@code chat.postMessage} answer 429 with a
 * Retry-After; {@link #fail} queues faults for it; {@link #hold} keeps a method's answers back
 * until {@link #release}; {@link #breakMethod} makes a method fail; {@link #grant} makes an install
 * code valid; posts to {@link #responseUrl} are recorded as calls of "respond". Files go through
 * Slack's external upload: {@link #files} holds what was uploaded, {@link #shares} where it was
 * shared; {@link #refuse}, {@link #failAfterDoing} and {@link #uploadStatus} arrange refusals.
 *
 * <p>{@link #forBench} is the benches' one: it only counts posts (per channel, accepted, refused)
 * and, given a global rate, enforces Slack-like limits on {@code chat.postMessage}: one message per
 * second per channel and the global rate, both as token buckets (a second's burst), answering 429
 * with a whole-second Retry-After as Slack does.
 *
 * <p>This class is the stand-in's API; {@link StandInServer} is its HTTP side, {@link
 * StandInMethods} what each method answers, {@link StandInCalls} the recorded calls, {@link
 * StandInFaults} the arranged faults and {@link StandInLimits} the rate limits.
 */
public final class SlackApiStandIn implements AutoCloseable {

  /** One Web API call: the method, its form parameters, its Authorization header and its ts. */
  public record Call(String method, Map<String, String> params, String authorization, String ts) {
    /** A form parameter, or "" when the call had none of that name. */
    public String get(String name) {
      return params.getOrDefault(name, "");
    }
  }

  /**
   * A file announced with files.getUploadURLExternal: its name, the length announced, its alt text
   * and the bytes uploaded (null until they are).
   */
  public record File(String id, String name, int length, String alt, byte[] data) {
    File withData(byte[] bytes) {
      return new File(id, name, length, alt, bytes);
    }
  }

  /** A files.completeUploadExternal that shared files in a channel (in a thread: threadTs). */
  public record Share(
      String ts,
      String channel,
      String threadTs,
      List<String> fileIds,
      List<String> titles,
      String initialComment) {}

  /** Faults the next chat.postMessage calls answer with instead of posting. */
  public enum Fault {
    ERROR_500,
    RESET,
    CHANNEL_NOT_FOUND,
    /** Posts the message, then answers only after {@link #SLOW_MILLIS}: the client times out. */
    SLOW
  }

  /** How late a {@link Fault#SLOW} post is answered. */
  public static final long SLOW_MILLIS = 1_500;

  private final StandInCalls calls;
  private final StandInFaults faults = new StandInFaults();
  private final StandInLimits limits;
  private final StandInMethods methods;
  private final StandInServer server;

  /** The tests' stand-in: no rate limits, every call recorded, a thread per waiting call. */
  public SlackApiStandIn() throws IOException {
    this(true, "T1", 0, 1000, Executors.newCachedThreadPool(), 0);
  }

  /**
   * The benches' stand-in: calls are counted, not recorded; {@code globalPerSecond} &gt; 0 enforces
   * Slack-like limits on {@code chat.postMessage}, ≤ 0 none at all.
   */
  public static SlackApiStandIn forBench(double globalPerSecond) throws IOException {
    return new SlackApiStandIn(
        false, "TBENCH", globalPerSecond, 1_000_000, Executors.newFixedThreadPool(4), 256);
  }

  private SlackApiStandIn(
      boolean recording,
      String teamId,
      double globalPerSecond,
      long firstTs,
      ExecutorService threads,
      int backlog)
      throws IOException {
    this.calls = new StandInCalls(recording);
    this.limits = new StandInLimits(globalPerSecond);
    this.methods = new StandInMethods(teamId, calls);
    this.server = new StandInServer(threads, backlog, firstTs, calls, faults, limits, methods);
  }

  /** The Web API's base URL, for {@code SlackSettings} or {@code SlackConfig}. */
  public String url() {
    return server.base() + "/api/";
  }

  /** A response_url for a payload: what is posted there is recorded as a call of "respond". */
  public String responseUrl() {
    return server.base() + "/respond/hook";
  }

  /** Where apps.connections.open sends Socket Mode clients. */
  public void socketUrl(String url) {
    methods.socketUrl(url);
  }

  /**
   * Makes {@code code} a valid install code: oauth.v2.access answers with a workspace install
   * ({@code enterprise} null), a Grid workspace's, or an org-wide install ({@code team} null), the
   * way Slack shapes it; auth.test then knows the bot token.
   */
  public void grant(String code, String enterprise, String team, String teamName, String botToken) {
    methods.grant(code, enterprise, team, teamName, botToken);
  }

  /** Calls of {@code method} are recorded on arrival but answered only after {@link #release}. */
  public void hold(String method) {
    faults.hold(method);
  }

  /** Answers the held calls of {@code method}, and the later ones at once. */
  public void release(String method) {
    faults.release(method);
  }

  /** Every call of {@code method} answers with this HTTP status and no result. */
  public void breakMethod(String method, int status) {
    faults.breakMethod(method, status);
  }

  /** {@code method} works again after {@link #breakMethod} or {@link #refuse}. */
  public void mend(String method) {
    faults.mend(method);
  }

  /** Every call of {@code method} answers {@code {"ok":false,"error":error}} (a missing scope). */
  public void refuse(String method, String error) {
    faults.refuse(method, error);
  }

  /** The next {@code times} calls of {@code method} do their work, then answer HTTP 500. */
  public void failAfterDoing(String method, int times) {
    faults.failAfterDoing(method, times);
  }

  /** File uploads (the POSTs to upload URLs) answer with this HTTP status; 200 keeps them. */
  public void uploadStatus(int status) {
    faults.uploadStatus(status);
  }

  /** The files announced so far, by id. */
  public List<File> files() {
    return methods.files();
  }

  /** The files.completeUploadExternal calls that shared files, in order. */
  public List<Share> shares() {
    return methods.shares();
  }

  /** The next chat.postMessage not faulted answers 429 with this Retry-After. */
  public void ratelimitNext(int seconds) {
    faults.ratelimitNext(seconds);
  }

  /** The next call of {@code method} answers 429 with this Retry-After. */
  public void ratelimitNext(String method, int seconds) {
    faults.ratelimitNext(method, seconds);
  }

  /** conversations.open with {@code user} answers {@code error} ({@code cannot_dm_bot}...). */
  public void undeliverable(String user, String error) {
    methods.undeliverable(user, error);
  }

  /** Direct messages posted per person (to the DM channels conversations.open handed out). */
  public Map<String, Integer> directs() {
    return methods.directs();
  }

  /** Direct messages posted so far, to everyone. */
  public long directTotal() {
    return methods.directTotal();
  }

  /** conversations.open calls answered so far. */
  public long opened() {
    return methods.opened();
  }

  /** The next chat.postMessage calls answer with these faults, one each, in order. */
  public void fail(Fault... next) {
    faults.fail(next);
  }

  /** Every recorded call, oldest first (none for a bench's stand-in). */
  public List<Call> calls() {
    return calls.all();
  }

  /** The recorded calls of one method, oldest first. */
  public List<Call> calls(String method) {
    return calls.of(method);
  }

  /** Accepted posts per channel id (live). */
  public Map<String, Integer> posted() {
    return methods.posted();
  }

  /** The ts of the first top-level post in {@code channel}, if any (a thread's parent). */
  public String firstPost(String channel) {
    return methods.firstPost(channel);
  }

  /** Posts accepted so far. */
  public long accepted() {
    return methods.accepted();
  }

  /** Posts refused with a 429 by the limits so far. */
  public long refused() {
    return limits.refused();
  }

  /** The global limit, messages/s; ≤ 0 when there are no limits. */
  public double globalPerSecond() {
    return limits.globalPerSecond();
  }

  @Override
  public void close() {
    faults.releaseAll();
    server.close();
  }
}
