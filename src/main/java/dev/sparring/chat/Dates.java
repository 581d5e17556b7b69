package dev.sparring.chat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates typed in commands ({@code daily skip 2026-12-25}, {@code away until 2026-03-20}). A
 * well-formed but impossible date gets its own message: "2026-02-30" is a date someone meant, not a
 * typo of the command.
 */
public final class Dates {

  private static final Pattern SHAPE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

  private Dates() {}

  /** Outcome of reading a date: the date, or a message saying what is wrong with the text. */
  public record Parsed(LocalDate date, String error) {}

  public static Parsed parse(String text) {
    String t = text == null ? "" : text.strip();
    Matcher m = SHAPE.matcher(t);
    if (!m.matches()) {
      return new Parsed(
          null, Inline.code(t, 20) + " is not a date; write it as YYYY-MM-DD, e.g. 2026-12-24.");
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    try {
      return new Parsed(LocalDate.of(year, month, day), null);
    } catch (DateTimeException e) {
      String why =
          month < 1 || month > 12
              ? "there is no month " + month
              : Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                  + " "
                  + year
                  + " has "
                  + YearMonth.of(year, month).lengthOfMonth()
                  + " days";
      return new Parsed(null, Inline.code(t, 20) + " is not a real date (" + why + ").");
    }
  }

  public static Optional<LocalDate> date(String text) {
    return Optional.ofNullable(parse(text).date());
  }
}
