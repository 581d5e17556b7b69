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
            dev.sparring.chat.Inline.code(raw, 41)
                + " is not a pack, level or topic. "
                + catalog(bank));
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

  /**
   * "Packs: demo, serverless; levels: beginner, ...; topics: cold-starts, queues." — the one way
   * every message lists what can be asked for.
   */
  public static String catalog(QuestionBank bank) {
    return "Packs: "
        + String.join(", ", bank.packs())
        + "; levels: "
        + String.join(", ", Level.labels())
        + "; topics: "
        + (bank.topics().isEmpty() ? "none" : String.join(", ", bank.topics()))
        + ".";
  }

  /**
   * The questions in words: "a senior question on cold-starts from the serverless pack", "a
   * question from any pack".
   */
  public String phrase() {
    if (isAll()) {
      return "a question from any pack";
    }
    String noun =
        level == null
            ? "a question"
            : ("aeiou".indexOf(level.label().charAt(0)) >= 0 ? "an " : "a ")
                + level.label()
                + " question";
    return noun
        + (topic == null ? "" : " on " + topic)
        + (pack == null ? "" : " from the " + pack + " pack");
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
