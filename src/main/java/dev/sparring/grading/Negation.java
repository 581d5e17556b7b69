package dev.sparring.grading;

import java.util.Set;

/**
 * How the grader reads negation around a term: which words negate ("not", "never", "rather than"),
 * which dismiss after a term ("a DLQ is unnecessary"), where a clause starts and ends, and which
 * clauses only suppose ("if the timeout is shorter...").
 */
final class Negation {

  private Negation() {}

  static final Set<String> NEGATORS =
      Set.of(
          "not",
          "no",
          "never",
          "without",
          "dont",
          "doesnt",
          "didnt",
          "wont",
          "wouldnt",
          "shouldnt",
          "cannot",
          "cant",
          "isnt",
          "arent",
          "avoid",
          "nor",
          "neither",
          "nobody",
          "nothing",
          "none",
          "rather",
          "instead");

  static final Set<String> NEGATION_BREAKERS = Set.of("only", "but", "just", "also", "however");

  static final int NEGATION_WINDOW = 3;

  /**
   * Negators that, before a term, say the opposite of it rather than an alternative to it: all of
   * {@link #NEGATORS} but "without", "avoid", "instead", "rather", "nothing" and "none", plus
   * "neednt".
   */
  static final Set<String> STRONG_NEGATORS = strongNegators();

  static Set<String> strongNegators() {
    Set<String> strong = new java.util.HashSet<>(NEGATORS);
    strong.removeAll(Set.of("without", "avoid", "instead", "rather", "nothing", "none"));
    strong.add("neednt");
    return Set.copyOf(strong);
  }

  /**
   * Dismissals that are bare negators: they dismiss only when what follows is need or the point.
   */
  static final Set<String> NEGATOR_DISMISSALS =
      Set.of(
          "never",
          "not",
          "no",
          "isnt",
          "arent",
          "doesnt",
          "dont",
          "didnt",
          "wont",
          "cannot",
          "cant",
          "neednt",
          "wasnt",
          "werent",
          "shouldnt",
          "wouldnt");

  /** Words after a term that dismiss it: "a DLQ is unnecessary", "retries are optional". */
  static final Set<String> DISMISSALS = dismissals();

  static Set<String> dismissals() {
    Set<String> all =
        new java.util.HashSet<>(
            Set.of(
                "unnecessary",
                "unneeded",
                "needless",
                "optional",
                "discouraged",
                "pointless",
                "useless",
                "irrelevant",
                "redundant",
                "superfluous",
                "overkill",
                "obsolete",
                "deprecated",
                "impossible",
                "nonexistent"));
    all.addAll(NEGATOR_DISMISSALS);
    return Set.copyOf(all);
  }

  /**
   * Verbs by which a key point keeps something from happening ("local state, which serverless
   * restricts"): a point with one is partly negative, so an answer's negation ("no persistent local
   * storage") may agree with it.
   */
  static final Set<String> RESTRICTIONS =
      Set.of(
          "restrict",
          "restricts",
          "restricted",
          "restricting",
          "prevent",
          "prevents",
          "prevented",
          "forbid",
          "forbids",
          "forbidden",
          "disallow",
          "disallows",
          "prohibit",
          "prohibits");

  /**
   * Words that may stand between a term and what dismisses it: "a DLQ is really not needed".
   * Anything else ends the search, so a negation about another subject does not count.
   */
  static final Set<String> LINKS =
      Set.of(
          "is",
          "are",
          "was",
          "were",
          "be",
          "been",
          "being",
          "do",
          "does",
          "did",
          "has",
          "have",
          "had",
          "will",
          "would",
          "should",
          "must",
          "can",
          "could",
          "may",
          "might",
          "really",
          "actually",
          "simply",
          "always",
          "usually",
          "generally",
          "strictly",
          "totally",
          "completely",
          "even",
          "still",
          "ever",
          "basically",
          "entirely",
          "it",
          "they",
          "them",
          "here",
          "there",
          "then",
          "honestly",
          "fully",
          "largely",
          "mostly",
          "just");

  /** After "not", these turn a negation into an addition: "not only X but also Y". */
  static final Set<String> NOT_NEGATING = Set.of("only", "just", "merely", "simply");

  /** Words that start another clause, so a number or negation past them is about something else. */
  static final Set<String> CONNECTORS =
      Set.of(
          "and",
          "but",
          "so",
          "because",
          "which",
          "while",
          "whereas",
          "although",
          "though",
          "if",
          "when",
          "since",
          "unless",
          "or",
          "however",
          "than",
          "unlike",
          "instead",
          "otherwise",
          "until",
          "where",
          "whether");

  /** Words that open a clause which supposes rather than asserts: "if the timeout is shorter". */
  static final Set<String> SUPPOSING =
      Set.of("if", "unless", "whether", "suppose", "supposing", "assuming", "imagine");

  /**
   * Whether word {@code i} sits in a clause opened by "if", "unless", "whether" and the like, which
   * describes a case (often the very mistake to avoid) instead of claiming it.
   */
  static boolean hypothetical(Text text, int i) {
    int from = spanStart(text, i);
    if (from > 0
        && text.sentence[from - 1] == text.sentence[i]
        && SUPPOSING.contains(text.words[from - 1])) {
      return true;
    }
    for (int p = from; p < i; p++) {
      if (SUPPOSING.contains(text.words[p])) {
        return true;
      }
    }
    return false;
  }

  /** The first word of the clause around word {@code i}: stops at punctuation and connectors. */
  static int spanStart(Text text, int i) {
    int p = i;
    while (p > 0
        && text.clause[p - 1] == text.clause[i]
        && !CONNECTORS.contains(text.words[p - 1])) {
      p--;
    }
    return p;
  }

  /** The last word of the clause around word {@code i}. */
  static int spanEnd(Text text, int i) {
    int p = i;
    while (p + 1 < text.size()
        && text.clause[p + 1] == text.clause[i]
        && !CONNECTORS.contains(text.words[p + 1])) {
      p++;
    }
    return p;
  }

  /**
   * "never reuse", "not a DLQ": a strong negator just before the term, in its clause, with nothing
   * between them but glue and the key point's own words ("cannot hold the join" negates holding,
   * not the join).
   */
  static boolean negatedBefore(Text text, int start, Set<String> own) {
    int from = Math.max(0, start - NEGATION_WINDOW);
    for (int i = start - 1; i >= from; i--) {
      if (text.clause[i] != text.clause[start] || CONNECTORS.contains(text.words[i])) {
        return false;
      }
      String w = text.words[i];
      if (NEGATION_BREAKERS.contains(w) || NOT_NEGATING.contains(w)) {
        return false;
      }
      if (STRONG_NEGATORS.contains(w)) {
        return i + 1 >= text.size() || !NOT_NEGATING.contains(text.words[i + 1]);
      }
      if (!TermMatch.GLUE.contains(w)
          && !LINKS.contains(w)
          && !NEEDS.contains(w)
          && !NEED_VERBS.contains(w)
          && !own.contains(text.stems[i])) {
        return false;
      }
    }
    return false;
  }

  /** Verbs of need that may stand between a negator and the term: "never need a DLQ". */
  static final Set<String> NEED_VERBS = Set.of("need", "needs", "require", "requires", "want");

  /**
   * "a DLQ is unnecessary", "is not needed", "do not reuse an instance": after the term, linked
   * only by verbs, a dismissal, or a negator followed by a word of need or of the key point itself
   * ("pinned connections cannot be multiplexed" says something else about them).
   */
  static boolean dismissedAfter(Text text, int end, int to, Set<String> own) {
    for (int i = end; i <= to; i++) {
      String w = text.words[i];
      if (DISMISSALS.contains(w)) {
        if (i + 1 <= to && NOT_NEGATING.contains(text.words[i + 1])) {
          return false;
        }
        return !NEGATOR_DISMISSALS.contains(w) || negatesThePoint(text, i + 1, to, own);
      }
      if (!LINKS.contains(w) && !TermMatch.GLUE.contains(w) && !own.contains(text.stems[i])) {
        return false;
      }
    }
    return false;
  }

  /** Words a list of subjects may run on for before what it shares: "X and Y are unnecessary". */
  static final int LISTED_SUBJECT_WORDS = 4;

  /**
   * "home regions and append-only modelling are unnecessary": the term, then "and" or "or" and a
   * few more words in its clause, then only verbs and a dismissal that is not a bare negator (those
   * say too little about what they negate this far from the term).
   */
  static boolean dismissedWithOthers(Text text, int end) {
    if (end >= text.size()
        || !(text.words[end].equals("and") || text.words[end].equals("or"))
        || text.clause[end] != text.clause[end - 1]) {
      return false;
    }
    int words = 0;
    for (int i = end + 1; i < text.size() && text.clause[i] == text.clause[end]; i++) {
      String w = text.words[i];
      if (LINKS.contains(w)) {
        for (int j = i; j < text.size() && text.clause[j] == text.clause[end]; j++) {
          String v = text.words[j];
          if (DISMISSALS.contains(v) && !NEGATOR_DISMISSALS.contains(v)) {
            return true;
          }
          if (!LINKS.contains(v)) {
            return false;
          }
        }
        return false;
      }
      if (CONNECTORS.contains(w) && !w.equals("and") || ++words > LISTED_SUBJECT_WORDS) {
        return false;
      }
    }
    return false;
  }

  /** How far back in its clause a strong negator still keeps a term from counting. */
  static final int CLAUSE_NEGATION_WINDOW = 5;

  /**
   * Whether the term at word {@code start} is negated closely ({@link #negated}) or by a strong
   * negator earlier in its clause: "events can never go to a DLQ" does not mention a DLQ as a fact.
   */
  static boolean negatedInClause(Text text, int start) {
    if (negated(text, start)) {
      return true;
    }
    int from = Math.max(spanStart(text, start), start - CLAUSE_NEGATION_WINDOW);
    for (int i = start - 1; i >= from; i--) {
      String w = text.words[i];
      if (NEGATION_BREAKERS.contains(w) || NOT_NEGATING.contains(w)) {
        return false;
      }
      if (STRONG_NEGATORS.contains(w)) {
        return i + 1 >= text.size() || !NOT_NEGATING.contains(text.words[i + 1]);
      }
    }
    return false;
  }

  /**
   * The words that follow a strong negator in their clause ("can never go to a dead-letter queue"),
   * up to a word that breaks the negation ("but", "only"): they are not claimed, so they are no
   * evidence for a point made in other words.
   */
  static boolean[] deniedWords(Text text) {
    boolean[] out = new boolean[text.size()];
    boolean denying = false;
    for (int i = 0; i < text.size(); i++) {
      if (i > 0 && (text.clause[i] != text.clause[i - 1] || CONNECTORS.contains(text.words[i]))) {
        denying = false;
      }
      String w = text.words[i];
      if (NEGATION_BREAKERS.contains(w) || NOT_NEGATING.contains(w)) {
        denying = false;
      } else if (STRONG_NEGATORS.contains(w)) {
        denying = true;
      }
      out[i] = denying;
    }
    return out;
  }

  /** Whether a negation ending at word {@code from} goes on to a word of need or of the point. */
  static boolean negatesThePoint(Text text, int from, int to, Set<String> own) {
    if (from > to) {
      return true; // "a DLQ? Not really." ends the clause: nothing else it could be about
    }
    for (int i = from; i <= to && i < from + NEGATION_WINDOW; i++) {
      if (NEEDS.contains(text.words[i]) || own.contains(text.stems[i])) {
        return true;
      }
      if (!TermMatch.GLUE.contains(text.words[i]) && !LINKS.contains(text.words[i])) {
        return false;
      }
    }
    return false;
  }

  /** Words that, negated after a term, deny that it is needed, useful or real. */
  static final Set<String> NEEDS =
      Set.of(
          "needed",
          "necessary",
          "required",
          "important",
          "useful",
          "helpful",
          "worth",
          "relevant",
          "exist",
          "exists",
          "matter",
          "matters",
          "work",
          "works",
          "help",
          "helps",
          "used",
          "supported",
          "possible",
          "recommended",
          "advised",
          "necessarily",
          "essential",
          "mandatory",
          "real",
          "true",
          "apply",
          "applies",
          "happen",
          "happens",
          "effect",
          "difference",
          "impact");

  static boolean negated(Text text, int start) {
    int from = Math.max(0, start - NEGATION_WINDOW);
    for (int i = start - 1; i >= from; i--) {
      if (text.sentence[i] != text.sentence[start]) {
        return false;
      }
      String w = text.words[i];
      if (NEGATION_BREAKERS.contains(w)) {
        return false;
      }
      if (NEGATORS.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
