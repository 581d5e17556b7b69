package dev.sparring.remind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One person's reminder setting, stored as {@code remind.setting/TEAM#USER} and due (in the store's
 * due index) at its next nudge. {@code zone} is the zone named in {@code remind on}, or null to
 * follow the person's {@code /spar timezone}, else the channel's daily question zone, else UTC.
 * {@code channel} is where it was set up. {@code lastDay} and {@code lastAt} are the local date and
 * instant of the last nudge sent. When off, {@code offReason} says why if the bot turned it off
 * itself (the platform would not deliver a direct message), with {@code offAt}.
 */
record Reminder(
    String user,
    LocalTime time,
    String zone,
    String channel,
    boolean on,
    LocalDate lastDay,
    Instant lastAt,
    String offReason,
    Instant offAt) {

  static Reminder on(String user, LocalTime time, String zone, String channel, Reminder before) {
    return new Reminder(
        user,
        time,
        zone,
        channel,
        true,
        before == null ? null : before.lastDay,
        before == null ? null : before.lastAt,
        null,
        null);
  }

  Reminder off(String reason, Instant at) {
    return new Reminder(user, time, zone, channel, false, lastDay, lastAt, reason, at);
  }

  Reminder nudged(LocalDate day, Instant at) {
    return new Reminder(user, time, zone, channel, on, day, at, offReason, offAt);
  }
}
