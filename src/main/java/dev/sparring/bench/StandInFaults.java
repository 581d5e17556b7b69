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
 * methods that always fail with an HTTP status.
 */
final class StandInFaults {

  /** What an arriving call met: a queued fault, a queued Retry-After (seconds), or neither. */
  record Arrival(Fault fault, Integer retryAfter) {}

  private final Deque<Integer> retryAfter = new ArrayDeque<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
  private final Map<String, Integer> broken = new ConcurrentHashMap<>();

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

  /** The HTTP status every call of {@code method} fails with, or null when it works. */
  Integer brokenStatus(String method) {
    return broken.get(method);
  }
}
