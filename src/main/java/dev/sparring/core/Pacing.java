package dev.sparring.core;

import dev.sparring.chat.Message;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.UserRef;
import java.time.Duration;
import java.util.List;

/**
 * Pipeline step: paces commands, button presses and forms per person ({@link RateLimiter}); answers
 * in threads and the clock's ticks are never paced. An event over the limit is answered privately
 * and goes no further: it is not recorded as seen, so the platform's retry of it, once the minute
 * has passed, is handled. A repeat of an event counts against the limit like any other.
 */
final class Pacing implements Pipeline.Step {

  private volatile RateLimiter limiter;

  /** Sets the limiter; null: nothing is paced. */
  void limitWith(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public Pipeline.Handled handle(Pipeline.Call call, Pipeline.Next next) {
    Bot.Result limited = limited(call.event());
    return limited == null
        ? next.handle(call)
        : new Pipeline.Handled(limited, Pipeline.Outcome.LIMITED);
  }

  /** The private answer when {@code event} is over its person's limit; null when it may go on. */
  private Bot.Result limited(Inbound event) {
    RateLimiter limiter = this.limiter;
    if (limiter == null
        || !(event instanceof Inbound.FromUser u)
        || event instanceof Inbound.MessagePosted) {
      return null;
    }
    UserRef user = u.actor().user();
    Duration wait = limiter.acquire(user.key());
    if (wait.isZero()) {
      return null;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new Bot.Result(
        false,
        0,
        List.of(
            new Outbound.Ephemeral(
                u.channel(),
                user,
                Message.text(
                    "You're going a bit fast: at most "
                        + limiter.perMinute()
                        + " commands a minute. Nothing was done; try again in "
                        + seconds
                        + " s."))));
  }
}
