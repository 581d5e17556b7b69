package dev.sparring.suggest;

import dev.sparring.bank.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A suggestion form's fields read into a question in the pack format: key points one per line as
 * {@code point | term, term}, follow-ups as blocks separated by a blank line (the follow-up's
 * question on its first line, its key points below). What cannot be read is said plainly; the pack
 * checks ({@code PackLoader.check}) then judge the rest exactly as for a pack file.
 */
final class Drafts {

  static final String PROMPT = "prompt";
  static final String LEVEL = "level";
  static final String TOPICS = "topics";
  static final String POINTS = "points";
  static final String FOLLOW_UPS = "followups";

  private Drafts() {}

  /** The question as pack-format maps, or the reasons it cannot be read. */
  record Read(Map<String, Object> question, List<String> errors) {}

  static Read read(String id, Map<String, String> fields) {
    List<String> errors = new ArrayList<>();
    String prompt = fields.getOrDefault(PROMPT, "").strip();
    if (prompt.length() < 15) {
      errors.add("The question needs at least a full sentence (15 characters or more).");
    }
    String levelText = fields.getOrDefault(LEVEL, "").strip().toLowerCase(Locale.ROOT);
    Level level = Level.parse(levelText).orElse(null);
    if (level == null) {
      errors.add("Level must be one of " + String.join(", ", Level.labels()) + ".");
    }
    List<String> topics =
        Arrays.stream(fields.getOrDefault(TOPICS, "").split("[,\\s]+"))
            .map(t -> t.strip().toLowerCase(Locale.ROOT))
            .filter(t -> !t.isEmpty())
            .toList();
    if (topics.isEmpty() || topics.stream().anyMatch(t -> !t.matches("[a-z0-9][a-z0-9-]{0,29}"))) {
      errors.add("Topics: one to three words such as `queues, retries` (letters, digits, dashes).");
    }
    List<Map<String, Object>> points = points(fields.getOrDefault(POINTS, ""), "", errors);
    List<Map<String, Object>> followUps = new ArrayList<>();
    String[] blocks = fields.getOrDefault(FOLLOW_UPS, "").strip().split("\\R\\s*\\R");
    for (int i = 0; i < blocks.length; i++) {
      List<String> lines = blocks[i].strip().lines().map(String::strip).toList();
      if (lines.isEmpty() || lines.get(0).isEmpty()) {
        continue;
      }
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("prompt", lines.get(0));
      f.put(
          "keyPoints",
          points(
              String.join("\n", lines.subList(1, lines.size())), "follow-up " + (i + 1), errors));
      followUps.add(f);
    }
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("id", id);
    q.put("level", level == null ? "beginner" : level.label());
    q.put("topics", topics.subList(0, Math.min(3, topics.size())));
    q.put("prompt", prompt);
    q.put("keyPoints", points);
    q.put("followUps", followUps);
    return new Read(q, errors);
  }

  /** Key points, one per line: {@code point | term, term}. */
  private static List<Map<String, Object>> points(String text, String where, List<String> errors) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String line : text.strip().lines().map(String::strip).toList()) {
      if (line.isEmpty()) {
        continue;
      }
      int bar = line.lastIndexOf('|');
      String point = (bar < 0 ? line : line.substring(0, bar)).strip();
      List<String> terms =
          bar < 0
              ? List.of()
              : Arrays.stream(line.substring(bar + 1).split(","))
                  .map(String::strip)
                  .filter(t -> !t.isEmpty())
                  .toList();
      if (terms.isEmpty()) {
        errors.add(
            "Key point \u201c"
                + dev.sparring.chat.Inline.data(dev.sparring.chat.Texts.clip(point, 60))
                + "\u201d"
                + (where.isEmpty() ? "" : " (" + where + ")")
                + " needs match terms after a bar: `point | term, other term`.");
      }
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("point", point);
      k.put("terms", terms);
      out.add(k);
    }
    return out;
  }
}
