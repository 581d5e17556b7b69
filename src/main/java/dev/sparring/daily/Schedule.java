package dev.sparring.daily;

import dev.sparring.bank.Filter;
import dev.sparring.bank.Level;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A channel's daily-question schedule: a local time in an IANA zone on some weekdays, minus skipped
 * dates. All arithmetic is on local dates, so 09:30 Europe/Berlin stays 09:30 across DST; a local
 * time that does not exist that day (spring forward) moves forward by the gap.
 */
public record Schedule(
    String team,
    String channel,
    LocalTime time,
    String zone,
    Set<DayOfWeek> days,
    String pack,
    String level,
    String topic,
    SortedSet<LocalDate> skips) {

  public Schedule {
    days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    skips = new TreeSet<>(skips == null ? Set.of() : skips);
  }

  public ZoneId zoneId() {
    return ZoneId.of(zone);
  }

  public Filter filter() {
    return new Filter(pack, level == null ? null : Level.parse(level).orElse(null), topic);
  }

  /** Whether a question is due on {@code date}. */
  public boolean postsOn(LocalDate date) {
    return days.contains(date.getDayOfWeek()) && !skips.contains(date);
  }

  /** The instant of the slot on {@code date} (gaps move forward, overlaps take the earlier). */
  public Instant slot(LocalDate date) {
    return ZonedDateTime.of(LocalDateTime.of(date, time), zoneId()).toInstant();
  }

  public LocalDate localDate(Instant at) {
    return at.atZone(zoneId()).toLocalDate();
  }

  /** The first slot strictly after {@code after}, or null if none within a year (no days). */
  public Instant nextSlot(Instant after) {
    LocalDate d = localDate(after);
    for (int i = 0; i <= 370; i++, d = d.plusDays(1)) {
      if (postsOn(d)) {
        Instant s = slot(d);
        if (s.isAfter(after)) {
          return s;
        }
      }
    }
    return null;
  }

  public Schedule withSkip(LocalDate date) {
    SortedSet<LocalDate> more = new TreeSet<>(skips);
    more.add(date);
    // Forget skips that are long past so the record stays small.
    more.removeIf(x -> x.isBefore(date.minusDays(400)));
    return new Schedule(team, channel, time, zone, days, pack, level, topic, more);
  }

  /** "mon-fri", "every day", "mon, wed, fri". */
  public String describeDays() {
    if (days.size() == 7) {
      return "every day";
    }
    if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
      return "mon-fri";
    }
    if (days.equals(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))) {
      return "weekends";
    }
    return String.join(
        ", ", days.stream().map(d -> d.name().substring(0, 3).toLowerCase()).toList());
  }

  /** Reads "mon-fri", "mon,wed,fri", "weekdays", "weekends", "daily"; null if it is not days. */
  static Set<DayOfWeek> parseDays(String text) {
    String t = text.toLowerCase().strip();
    switch (t) {
      case "daily", "everyday", "every-day", "all" -> {
        return EnumSet.allOf(DayOfWeek.class);
      }
      case "weekdays" -> {
        return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
      }
      case "weekends" -> {
        return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      }
      default -> {
        // fall through to lists and ranges
      }
    }
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (String part : t.split(",")) {
      String[] range = part.strip().split("-");
      if (range.length == 1) {
        DayOfWeek d = day(range[0]);
        if (d == null) {
          return null;
        }
        out.add(d);
      } else if (range.length == 2) {
        DayOfWeek from = day(range[0]);
        DayOfWeek to = day(range[1]);
        if (from == null || to == null) {
          return null;
        }
        for (DayOfWeek d = from; ; d = d.plus(1)) {
          out.add(d);
          if (d == to) {
            break;
          }
        }
      } else {
        return null;
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static final List<String> DAY_NAMES =
      List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  /**
   * What is wrong with {@code text} when it looks like days but is not ("mon-fry": unknown day
   * `fry`, did you mean `fri`?); null when it reads as days or does not look like days at all (it
   * may be a pack, level or topic).
   */
  static String dayError(String text) {
    if (parseDays(text) != null) {
      return null;
    }
    String[] parts = text.toLowerCase().strip().split("[,-]", -1);
    boolean daysMeant = false;
    String bad = null;
    for (String part : parts) {
      String p = part.strip();
      if (day(p) != null) {
        daysMeant = true;
      } else {
        if (p.length() >= 3 && dev.sparring.chat.Texts.closest(p, DAY_NAMES) != null) {
          daysMeant = true;
        }
        bad = bad == null ? p : bad;
      }
    }
    if (!daysMeant || bad == null) {
      return null;
    }
    if (bad.isEmpty()) {
      return dev.sparring.chat.Inline.code(text, 30)
          + " is not a list of days. Days look like "
          + String.join(", ", EXAMPLES)
          + ".";
    }
    String guess = bad.length() >= 2 ? dev.sparring.chat.Texts.closest(bad, DAY_NAMES) : null;
    return "Unknown day "
        + dev.sparring.chat.Inline.code(bad, 20)
        + (guess == null ? "" : "; did you mean `" + guess + "`?")
        + (guess == null ? "." : "")
        + " Days look like "
        + String.join(", ", EXAMPLES)
        + ".";
  }

  private static DayOfWeek day(String s) {
    String p = s.strip();
    if (p.length() < 2) {
      return null;
    }
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase().startsWith(p)) {
        return d;
      }
    }
    return null;
  }

  static final List<String> EXAMPLES = List.of("mon-fri", "mon,wed,fri", "daily", "weekends");
}
