package dev.sparring.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small executor for work done after Slack has its acknowledgement (ephemerals, the App Home, a
 * request finished once a slow look-up answers). A failure there is logged; nobody waits on it.
 */
final class AfterAck implements Executor {

  private static final Logger log = LoggerFactory.getLogger(AfterAck.class);

  private final ExecutorService pool = daemonPool(4, "slack-after-ack");

  /** A fixed pool of daemon threads, so pending Slack work never keeps the process alive. */
  static ExecutorService daemonPool(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  @Override
  public void execute(Runnable work) {
    pool.execute(
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            log.warn("after-ack work failed", e);
          }
        });
  }

  /** Stops taking work and waits for what was queued (tests and shutdown). */
  void awaitIdle(long seconds) throws InterruptedException {
    pool.shutdown();
    pool.awaitTermination(seconds, TimeUnit.SECONDS);
  }

  /** Stops taking work and gives what was queued a few seconds to finish. */
  void close() {
    try {
      awaitIdle(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
