package dev.sparring.remind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * When a reminder at a local time falls on a local date. A time the clock skips that day (spring
 * forward: 02:30 in a 02:00 to 03:00 gap) is the first valid time after it, when the clock jumps
 * (03:00); a time the clock repeats (fall back: 01:30 twice) is the first of the two.
 */
final class ReminderTimes {

  private ReminderTimes() {}

  /** The instant of {@code time} on {@code date} in {@code zone}. */
  static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
    LocalDateTime local = LocalDateTime.of(date, time);
    ZoneRules rules = zone.getRules();
    if (rules.getValidOffsets(local).isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return gap.getInstant();
    }
    // One valid offset, or two in an overlap: the earlier one comes first.
    return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
  }

  /** The first reminder instant strictly after {@code after}. */
  static Instant next(LocalTime time, ZoneId zone, Instant after) {
    LocalDate d = after.atZone(zone).toLocalDate();
    for (int i = 0; i < 3; i++, d = d.plusDays(1)) {
      Instant at = at(d, time, zone);
      if (at.isAfter(after)) {
        return at;
      }
    }
    throw new IllegalStateException("no reminder time after " + after + " in " + zone);
  }

  /** Where {@code date} begins in {@code zone}. */
  static Instant startOf(LocalDate date, ZoneId zone) {
    return date.atStartOfDay(zone).toInstant();
  }
}
