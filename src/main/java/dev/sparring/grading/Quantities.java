package dev.sparring.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers with a unit of time or size, normalised to milliseconds or kilobytes. */
final class Quantities {
  private Quantities() {}

  /** A quantity found at {@code at} in the text: its value in the base unit of its dimension. */
  record Quantity(double value, char dimension, int at) {

    /** Equal within the rounding of 1,000 against 1,024 and of "about". */
    boolean agrees(Quantity other) {
      return dimension == other.dimension
          && Math.abs(value - other.value) <= 0.05 * Math.max(value, other.value);
    }
  }

  private static final Pattern QUANTITY =
      Pattern.compile(
          "(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*-?\\s*"
              + "(milliseconds?|millis|ms|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?"
              + "|kilobytes?|kib|kb|megabytes?|mib|mb|gigabytes?|gib|gb|terabytes?|tib|tb)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether a word is a unit of time or size ("minutes", "GB"): it says nothing of what is
   * measured.
   */
  static boolean unit(String word) {
    return QUANTITY.matcher("1 " + word).matches();
  }

  static List<Quantity> in(String raw) {
    List<Quantity> out = new ArrayList<>();
    Matcher m = QUANTITY.matcher(raw);
    while (m.find()) {
      double n = Double.parseDouble(m.group(1).replace(",", ""));
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      Quantity q = quantity(n, unit, m.start());
      if (q != null) {
        out.add(q);
      }
    }
    return out;
  }

  private static Quantity quantity(double n, String unit, int at) {
    if (unit.startsWith("ms") || unit.startsWith("milli")) {
      return new Quantity(n, 't', at);
    }
    if (unit.startsWith("s")) {
      return new Quantity(n * 1_000, 't', at);
    }
    if (unit.startsWith("min")) {
      return new Quantity(n * 60_000, 't', at);
    }
    if (unit.startsWith("h")) {
      return new Quantity(n * 3_600_000, 't', at);
    }
    if (unit.startsWith("d")) {
      return new Quantity(n * 86_400_000, 't', at);
    }
    if (unit.startsWith("k")) {
      return new Quantity(n, 'b', at);
    }
    if (unit.startsWith("m")) {
      return new Quantity(n * 1_024, 'b', at);
    }
    if (unit.startsWith("g")) {
      return new Quantity(n * 1_024 * 1_024, 'b', at);
    }
    if (unit.startsWith("t")) {
      return new Quantity(n * 1_024 * 1_024 * 1_024, 'b', at);
    }
    return null;
  }

  /**
   * Whether the text states a figure with the dimension of one of the {@code claimed} figures but
   * the value of none: "60 minutes" against 15 minutes, "3 GB" against 10,240 MB. Any figure that
   * agrees with a claimed one settles it: no conflict.
   */
  static boolean conflict(String text, List<Quantity> claimed) {
    if (claimed.isEmpty()) {
      return false;
    }
    boolean conflict = false;
    for (Quantity said : in(text)) {
      boolean sameDimension = false;
      for (Quantity c : claimed) {
        if (c.agrees(said)) {
          return false;
        }
        sameDimension |= c.dimension() == said.dimension();
      }
      conflict |= sameDimension;
    }
    return conflict;
  }
}
