package dev.sparring.chat;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time zones as people type them: IANA names in any case ("utc", "europe/berlin"), and a few common
 * abbreviations mapped to the region that observes them, so daylight saving time is kept ("PST"
 * means Pacific time, summer and winter, not a fixed UTC-8). A zone that is none of these gets the
 * closest IANA names as suggestions, by the whole name or by its city ("Lisbon").
 */
public final class Zones {

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("utc", "UTC"),
          Map.entry("gmt", "UTC"),
          Map.entry("z", "UTC"),
          Map.entry("zulu", "UTC"),
          Map.entry("pst", "America/Los_Angeles"),
          Map.entry("pdt", "America/Los_Angeles"),
          Map.entry("pt", "America/Los_Angeles"),
          Map.entry("mst", "America/Denver"),
          Map.entry("mdt", "America/Denver"),
          Map.entry("cst", "America/Chicago"),
          Map.entry("cdt", "America/Chicago"),
          Map.entry("est", "America/New_York"),
          Map.entry("edt", "America/New_York"),
          Map.entry("et", "America/New_York"),
          Map.entry("bst", "Europe/London"),
          Map.entry("cet", "Europe/Berlin"),
          Map.entry("cest", "Europe/Berlin"),
          Map.entry("eet", "Europe/Athens"),
          Map.entry("eest", "Europe/Athens"),
          Map.entry("jst", "Asia/Tokyo"),
          Map.entry("aest", "Australia/Sydney"),
          Map.entry("aedt", "Australia/Sydney"));

  /** The most suggestions an unknown zone gets. */
  static final int SUGGESTIONS = 3;

  private static final Map<String, String> BY_LOWER = new HashMap<>();

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      // Region names only: the legacy three-letter ids (EST, MST) are fixed offsets that skip DST.
      if ((id.contains("/") || id.equals("UTC")) && !id.startsWith("Etc/")) {
        BY_LOWER.put(id.toLowerCase(Locale.ROOT), id);
      }
    }
  }

  private Zones() {}

  /** The outcome of reading a zone: the zone, or a message that names the text and a fix. */
  public record Parsed(ZoneId zone, String error) {}

  public static Parsed parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    String id = ALIASES.getOrDefault(t, BY_LOWER.get(t));
    if (id != null) {
      return new Parsed(ZoneId.of(id), null);
    }
    List<String> guesses = closest(t);
    String did =
        guesses.isEmpty()
            ? ""
            : " Did you mean "
                + (guesses.size() == 1
                    ? "`" + guesses.get(0) + "`"
                    : String.join(
                            ", ",
                            guesses.subList(0, guesses.size() - 1).stream()
                                .map(g -> "`" + g + "`")
                                .toList())
                        + " or `"
                        + guesses.get(guesses.size() - 1)
                        + "`")
                + "?";
    return new Parsed(
        null,
        Inline.code(text, 40)
            + " is not an IANA time zone."
            + did
            + " Use names like Europe/Berlin, America/New_York or UTC.");
  }

  /**
   * Up to {@link #SUGGESTIONS} zone ids close to {@code lower}: by the whole id when it has a
   * slash, else by the id's last part (its city, spaces for underscores), nearest first.
   */
  static List<String> closest(String lower) {
    boolean whole = lower.contains("/");
    String word = lower.replace(' ', '_');
    if (word.length() < 3) {
      return List.of();
    }
    record Guess(String id, int distance) {}
    return BY_LOWER.entrySet().stream()
        .map(
            e -> {
              String key =
                  whole ? e.getKey() : e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
              int d = key.startsWith(word) ? 0 : Texts.distance(word, key);
              return new Guess(e.getValue(), d);
            })
        .filter(g -> g.distance() <= (word.length() > 5 ? 2 : 1))
        .sorted(Comparator.comparingInt(Guess::distance).thenComparing(Guess::id))
        .limit(SUGGESTIONS)
        .map(Guess::id)
        .toList();
  }
}
