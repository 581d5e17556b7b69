package dev.sparring.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which questions a daily schedule, drill or competition draws from: any of pack, level, topic. */
public record Filter(String pack, Level level, String topic) {

  public static final Filter ALL = new Filter(null, null, null);

  /** The outcome of reading filter words: a filter, or an error naming the word at fault. */
  public record Parsed(Filter filter, String error) {}

  /** The words that name what the next word is: {@code pack team}, {@code level senior}. */
  public static final List<String> KEYWORDS = List.of("pack", "level", "topic");

  /**
   * Reads words such as {@code serverless senior cold-starts}, in any order; a word may be preceded
   * by what it is ({@code pack team}, {@code topic queues}).
   */
  public static Parsed parse(QuestionBank bank, List<String> words) {
    String pack = null;
    Level level = null;
    String topic = null;
    for (int i = 0; i < words.size(); i++) {
      String raw = words.get(i);
      String w = raw.toLowerCase(Locale.ROOT);
      String kind = null;
      if (KEYWORDS.contains(w) && i + 1 < words.size()) {
        kind = w;
        raw = words.get(++i);
        w = raw.toLowerCase(Locale.ROOT);
      }
      if (pack == null && (kind == null || kind.equals("pack")) && bank.hasPack(w)) {
        pack = w;
      } else if (level == null
          && (kind == null || kind.equals("level"))
          && Level.parse(w).isPresent()) {
        level = Level.parse(w).get();
      } else if (topic == null && (kind == null || kind.equals("topic")) && bank.hasTopic(w)) {
        topic = w;
      } else {
        return new Parsed(
            null,
            dev.sparring.chat.Inline.code(raw, 41)
                + " is not a "
                + (kind == null ? "pack, level or topic" : kind)
                + ". "
                + catalog(bank));
      }
    }
    return new Parsed(new Filter(pack, level, topic), null);
  }

  /** What is said when the team pack is asked for and the team has no question of its own. */
  public static final String TEAM_EMPTY =
      "This team has no questions of its own yet. Anyone can propose one with `/spar suggest`;"
          + " once an admin approves it in `/spar suggestions`, it is asked here.";

  /**
   * What to say when nothing in {@code bank} matches this filter: {@link #TEAM_EMPTY} when it asks
   * for the team pack and the team has none, else {@code otherwise}.
   */
  public String nothingMatches(QuestionBank bank, String otherwise) {
    return QuestionBank.TEAM_PACK.equals(pack)
            && bank.select(QuestionBank.TEAM_PACK, null, null).isEmpty()
        ? TEAM_EMPTY
        : otherwise;
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
