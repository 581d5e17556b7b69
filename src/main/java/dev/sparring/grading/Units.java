package dev.sparring.grading;

import java.util.ArrayList;
import java.util.List;

/** The sentences and clauses of an answer that are compared in meaning with key points. */
final class Units {

  private Units() {}

  /** Characters of a sentence or clause compared in meaning; the rest of a long one is not. */
  static final int MAX_UNIT_CHARS = 400;

  /** At most this many sentences and clauses of an answer are compared in meaning. */
  static final int MAX_UNITS = 16;

  static final java.util.regex.Pattern SENTENCE_END =
      java.util.regex.Pattern.compile("(?<=[.;!?])\\s+|\\n+");

  static final java.util.regex.Pattern CLAUSE_BREAK =
      java.util.regex.Pattern.compile(",\\s+|\\s+(?:and|but|so|because|which|while|whereas)\\s+");

  /**
   * The answer's sentences, and the clauses of sentences that have several of four words or more,
   * at most {@value #MAX_UNITS}: a claim made in one clause of a long sentence is still found.
   */
  static List<String> units(String answer) {
    List<String> out = new ArrayList<>();
    for (String sentence : SENTENCE_END.split(answer)) {
      String s = sentence.strip();
      if (s.isEmpty()) {
        continue;
      }
      out.add(s.length() > MAX_UNIT_CHARS ? s.substring(0, MAX_UNIT_CHARS) : s);
      String[] clauses = CLAUSE_BREAK.split(s);
      if (clauses.length > 1) {
        for (String c : clauses) {
          if (c.strip().split("\\s+").length >= 4) {
            String clause = c.strip();
            out.add(
                clause.length() > MAX_UNIT_CHARS ? clause.substring(0, MAX_UNIT_CHARS) : clause);
          }
        }
      }
    }
    return out.size() <= MAX_UNITS ? out : out.subList(0, MAX_UNITS);
  }
}
