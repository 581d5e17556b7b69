package dev.sparring.bench;

import dev.sparring.bench.SlackApiStandIn.Call;
import dev.sparring.bench.SlackApiStandIn.Fault;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The faults a test arranges on a {@link SlackApiStandIn}: queued {@link Fault}s and Retry-After
 * answers for the next {@code chat.postMessage} calls, methods held back until released, and
 * methods that always fail with an HTTP status; methods refused with a Slack error, calls done but
 * answered with a 500, and file uploads refused with an HTTP status.
 */
final class StandInFaults {

  /** What an arriving call met: a queued fault, a queued Retry-After (seconds), or neither. */
  record Arrival(Fault fault, Integer retryAfter) {}

  private final Deque<Integer> retryAfter = new ArrayDeque<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
  private final Map<String, Integer> broken = new ConcurrentHashMap<>();
  private final Map<String, String> refusals = new ConcurrentHashMap<>();
  private final Map<String, Integer> failAfterDoing = new ConcurrentHashMap<>();
  private volatile int uploadStatus = 200;

  synchronized void ratelimitNext(int seconds) {
    retryAfter.add(seconds);
  }

  /** Retry-After answers queued for the next calls of other methods than chat.postMessage. */
  private final Map<String, Deque<Integer>> retryAfterOf = new java.util.HashMap<>();

  synchronized void ratelimitNext(String method, int seconds) {
    if (method.equals("chat.postMessage")) {
      ratelimitNext(seconds);
    } else {
      retryAfterOf.computeIfAbsent(method, m -> new ArrayDeque<>()).add(seconds);
    }
  }

  synchronized void fail(Fault... next) {
    faults.addAll(List.of(next));
  }

  void hold(String method) {
    held.put(method, new CountDownLatch(1));
  }

  void release(String method) {
    CountDownLatch gate = held.remove(method);
    if (gate != null) {
      gate.countDown();
    }
  }

  /** Answers every held call (the stand-in closes). */
  void releaseAll() {
    held.values().forEach(CountDownLatch::countDown);
  }

  void breakMethod(String method, int status) {
    broken.put(method, status);
  }

  /**
   * Takes the fault or Retry-After queued for an arriving post (a fault first), and records the
   * call in {@code calls} unless it is refused; both at once, so calls are recorded in the order
   * they took their faults.
   */
  synchronized Arrival arrive(Call call, StandInCalls calls) {
    boolean post = call.method().equals("chat.postMessage");
    Fault fault = null;
    Integer limited = null;
    if (post && !faults.isEmpty()) {
      fault = faults.poll();
    } else if (post && !retryAfter.isEmpty()) {
      limited = retryAfter.poll();
    } else if (!post && retryAfterOf.containsKey(call.method())) {
      limited = retryAfterOf.get(call.method()).poll();
      if (retryAfterOf.get(call.method()).isEmpty()) {
        retryAfterOf.remove(call.method());
      }
    }
    if ((fault == null || fault == Fault.SLOW) && limited == null) {
      calls.add(call);
    }
    return new Arrival(fault, limited);
  }

  /** Waits while calls of {@code method} are held. */
  void awaitRelease(String method) {
    CountDownLatch gate = held.get(method);
    if (gate != null) {
      try {
        gate.await(); // the fault itself: Slack answering only when the test says so
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** {@code method} works again: neither broken nor refused. */
  void mend(String method) {
    broken.remove(method);
    refusals.remove(method);
  }

  void refuse(String method, String error) {
    refusals.put(method, error);
  }

  /** The Slack error every call of {@code method} answers with, or null when it works. */
  String refusal(String method) {
    return refusals.get(method);
  }

  synchronized void failAfterDoing(String method, int times) {
    failAfterDoing.merge(method, times, Integer::sum);
  }

  /**
   * Whether this call of {@code method}, done, must be answered with a 500 (one of those queued).
   */
  synchronized boolean takeFailAfterDoing(String method) {
    Integer left = failAfterDoing.get(method);
    if (left == null || left <= 0) {
      return false;
    }
    failAfterDoing.put(method, left - 1);
    return true;
  }

  void uploadStatus(int status) {
    uploadStatus = status;
  }

  /** The HTTP status file uploads answer with (200: they are kept). */
  int uploadStatus() {
    return uploadStatus;
  }

  /** The HTTP status every call of {@code method} fails with, or null when it works. */
  Integer brokenStatus(String method) {
    return broken.get(method);
  }
}
