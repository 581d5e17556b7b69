package dev.sparring.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console's clock: the system clock plus an offset that {@code /clock} moves, so a week of
 * daily questions can be tried (or scripted) in a minute. Time never goes backwards.
 */
public final class ConsoleClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public ConsoleClock(Clock base) {
    this.base = base;
  }

  /** Moves forward by {@code d}; negative durations are refused. */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward");
    }
    offset.updateAndGet(o -> o.plus(d));
  }

  /** Jumps to {@code at} if it is ahead. */
  public void set(Instant at) {
    Duration d = Duration.between(instant(), at);
    advance(d);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return base.withZone(zone);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
