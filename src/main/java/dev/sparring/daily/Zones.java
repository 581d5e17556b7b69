package dev.sparring.daily;

import dev.sparring.chat.Texts;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time zones as people type them: IANA names in any case ("utc", "europe/berlin"), and a few common
 * abbreviations mapped to the region that observes them, so daylight saving time is kept ("PST"
 * means Pacific time, summer and winter, not a fixed UTC-8).
 */
final class Zones {

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

  private static final Map<String, String> BY_LOWER = new HashMap<>();

  static {
    for (String id : ZoneId.getAvailableZoneIds()) {
      // Region names only: the legacy three-letter ids (EST, MST) are fixed offsets that skip DST.
      if (id.contains("/") || id.equals("UTC")) {
        BY_LOWER.put(id.toLowerCase(Locale.ROOT), id);
      }
    }
  }

  private Zones() {}

  /** The outcome of reading a zone: the zone, or a message that names the text and a fix. */
  record Parsed(ZoneId zone, String error) {}

  static Parsed parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    String id = ALIASES.getOrDefault(t, BY_LOWER.get(t));
    if (id != null) {
      return new Parsed(ZoneId.of(id), null);
    }
    String guess = t.contains("/") ? Texts.closest(t, BY_LOWER.keySet()) : null;
    return new Parsed(
        null,
        dev.sparring.chat.Inline.code(text, 40)
            + " is not an IANA time zone."
            + (guess == null ? "" : " Did you mean `" + BY_LOWER.get(guess) + "`?")
            + " Use names like Europe/Berlin, America/New_York or UTC.");
  }
}
