package dev.sparring.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which questions a daily schedule, drill or competition draws from: any of pack, level, topic. */
public record Filter(String pack, Level level, String topic) {

  public static final Filter ALL = new Filter(null, null, null);

  /** The outcome of reading filter words: a filter, or an error naming the word at fault. */
  public record Parsed(Filter filter, String error) {}

  /** Reads words such as {@code serverless senior cold-starts}, in any order. */
  public static Parsed parse(QuestionBank bank, List<String> words) {
    String pack = null;
    Level level = null;
    String topic = null;
    for (String raw : words) {
      String w = raw.toLowerCase(Locale.ROOT);
      if (pack == null && bank.hasPack(w)) {
        pack = w;
      } else if (level == null && Level.parse(w).isPresent()) {
        level = Level.parse(w).get();
      } else if (topic == null && bank.hasTopic(w)) {
        topic = w;
      } else {
        return new Parsed(
            null,
            dev.sparring.core.Inline.code(raw, 41)
                + " is not a pack, level or topic. Packs: "
                + String.join(", ", bank.packs())
                + "; levels: beginner, intermediate, advanced, senior; topics: "
                + String.join(", ", bank.topics())
                + ".");
      }
    }
    return new Parsed(new Filter(pack, level, topic), null);
  }

  public List<Question> select(QuestionBank bank) {
    return bank.select(pack, level, topic);
  }

  public boolean isAll() {
    return pack == null && level == null && topic == null;
  }

  /** "serverless · senior" or "all questions". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (pack != null) {
      parts.add(pack);
    }
    if (level != null) {
      parts.add(level.label());
    }
    if (topic != null) {
      parts.add(topic);
    }
    return parts.isEmpty() ? "all questions" : String.join(" \u00b7 ", parts);
  }
}
