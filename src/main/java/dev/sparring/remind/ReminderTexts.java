package dev.sparring.remind;

import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.core.Agenda;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What reminders say: the nudge itself, and the answers to the commands. */
final class ReminderTexts {

  static final String NUDGE_TITLE = "Worth doing today";

  static final String ON_USAGE =
      "Usage: `/spar remind on HH:MM [ZONE]`, e.g. `/spar remind on 08:30 Europe/Lisbon` (24-hour"
          + " clock; without a zone, yours from `/spar timezone`).";

  static final String USAGE =
      "Usage: `/spar remind` shows your reminder, `/spar remind on HH:MM [ZONE]` sets it, `/spar"
          + " remind off` stops it.";

  static final String TIMEZONE_USAGE =
      "Usage: `/spar timezone` shows your time zone, `/spar timezone ZONE` sets it, e.g. `/spar"
          + " timezone Europe/Lisbon`.";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private ReminderTexts() {}

  /** The nudge: {@code name} (a display name: data) and the day's items, in their order. */
  static Message nudge(
      String name, LocalDate day, List<Agenda.Item> items, LocalTime time, ZoneId zone) {
    StringBuilder b =
        new StringBuilder("Hi ")
            .append(Inline.data(name))
            .append(", here is what is worth doing today, ")
            .append(DAY.format(day))
            .append(":\n");
    items.stream()
        .sorted(Comparator.comparingInt(Agenda.Item::order))
        .forEach(i -> b.append("- ").append(i.text()).append('\n'));
    b.append("\n_You get this at ")
        .append(time)
        .append(' ')
        .append(zone.getId())
        .append(" on days with something to do. `/spar remind off` stops it._");
    return Message.of(NUDGE_TITLE, b.toString());
  }

  /** "Tue 3 Mar 08:30 Europe/Lisbon (in 23 h)". */
  static String when(Instant at, ZoneId zone, Instant now) {
    return WHEN.format(at.atZone(zone)) + " " + zone.getId() + " (" + Texts.until(now, at) + ")";
  }

  /** Where a reminder's zone comes from, for the person. */
  static String source(Nudges.Zone z) {
    return switch (z.source()) {
      case NAMED -> "";
      case YOURS -> " (your time zone)";
      case CHANNEL ->
          " (the daily question's zone in the channel you set it up in; `/spar timezone ZONE`"
              + " sets yours)";
      case DEFAULT -> " (no time zone set: `/spar timezone ZONE` sets yours)";
    };
  }

  static String badTime(String text) {
    return Inline.code(text, 20)
        + " is not a time of day. Write it as HH:MM on a 24-hour clock, e.g. 08:30 or 18:45.";
  }
}
