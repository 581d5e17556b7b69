package dev.sparring.grading;

import java.util.List;
import java.util.Set;

/**
 * Finding a term in an answer: stems compared with one typo forgiven in long words (never a
 * negating prefix), compounds meeting their split forms, up to {@value #GAP} other words inside a
 * multi-word term unless one of them negates, and a pronoun of a term ("only pay when it runs")
 * standing for up to {@value #SLOT_WORDS} words the answer names there ("when your code runs").
 */
final class TermMatch {

  private TermMatch() {}

  /** Words an answer may put between the words of a multi-word term. */
  static final int GAP = 2;

  /**
   * Glue inside multi-word terms that answers phrase differently ("read and write" ~ "reads from
   * writes").
   */
  static final Set<String> GLUE =
      Set.of(
          "a", "an", "the", "and", "or", "of", "to", "as", "for", "in", "on", "at", "by", "with",
          "from", "per", "is", "are");

  /**
   * Where {@code term} from word {@code j} on, matched against the answer from word {@code p} on,
   * ends (exclusive), or -1 if it does not match there. Compounds meet their split forms both ways:
   * "back off" matches "backoff" and "deadletter" matches "dead letter".
   */
  static int matchesAt(Text text, int p, Text term, int j) {
    if (j == term.size()) {
      return p;
    }
    if (p >= text.size()) {
      return -1;
    }
    if (SLOTS.contains(term.words[j])) {
      return slot(text, p, term, j, j == 0 ? 1 : SLOT_WORDS);
    }
    if (similar(text.stems[p], term.stems[j])) {
      int end = next(text, p + 1, term, j + 1);
      if (end >= 0) {
        return end;
      }
    }
    String word = text.words[p];
    String wanted = term.words[j];
    // A compound split in two ("back off"), but never an article or a short prefix joined to the
    // next word: "a synchronous call" is not "asynchronous".
    if (p + 1 < text.size()
        && word.length() >= 3
        && wanted.length() > word.length()
        && wanted.startsWith(word)
        && Stemmer.stem(word + text.words[p + 1]).equals(term.stems[j])) {
      int end = next(text, p + 2, term, j + 1);
      if (end >= 0) {
        return end;
      }
    }
    if (j + 1 < term.size()
        && word.length() > wanted.length()
        && word.startsWith(wanted)
        && text.stems[p].equals(Stemmer.stem(wanted + term.words[j + 1]))) {
      return next(text, p + 1, term, j + 2);
    }
    return -1;
  }

  /**
   * The rest of a multi-word term, found after at most {@value #GAP} other words of the same
   * sentence: "counts it as a failure" still says "counts as failure".
   */
  static int next(Text text, int p, Text term, int j) {
    if (j == term.size()) {
      return p;
    }
    for (int q = p; q <= p + GAP && q < text.size(); q++) {
      if (text.sentence[q] != text.sentence[p - 1]) {
        return -1;
      }
      if (q > p && Negation.NEGATORS.contains(text.words[q - 1])) {
        return -1; // "X is not Y" does not say "X is Y"
      }
      if (q > p && CONTRASTS.contains(text.words[q - 1])) {
        return -1; // "indexed for filtering traces, whereas metadata" is not "filter on metadata"
      }
      int end = matchesAt(text, q, term, j);
      if (end >= 0) {
        return end;
      }
    }
    return -1;
  }

  /** Words that set what follows against what came before ("indexed, whereas metadata is not"). */
  static final Set<String> CONTRASTS =
      Set.of("but", "whereas", "while", "although", "though", "unlike", "instead", "rather");

  /**
   * Pronouns that stand, in a term, for whatever the answer names there: "only pay when it runs".
   */
  static final Set<String> SLOTS = Set.of("it", "they", "them", "its", "their");

  /** Most words of the answer a pronoun of a term stands for: "when your code runs". */
  static final int SLOT_WORDS = 3;

  /**
   * A pronoun of the term at word {@code j} matched by one to {@code most} words of the answer from
   * {@code p} on, in one sentence, none of them a negator or a word that starts another clause;
   * then the rest of the term.
   */
  private static int slot(Text text, int p, Text term, int j, int most) {
    for (int k = 1; k <= most && p + k - 1 < text.size(); k++) {
      int w = p + k - 1;
      if (w > p && text.sentence[w] != text.sentence[p]
          || Negation.NEGATORS.contains(text.words[w])
          || Negation.CONNECTORS.contains(text.words[w])) {
        return -1;
      }
      int end = next(text, p + k, term, j + 1);
      if (end >= 0) {
        return end;
      }
    }
    return -1;
  }

  static boolean similar(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (negatingPrefix(a, b) || negatingPrefix(b, a)) {
      return false; // "asynchronous" is not a typo of "synchronous"
    }
    int shorter = Math.min(a.length(), b.length());
    if (shorter < 5 || Character.isDigit(a.charAt(0)) || Character.isDigit(b.charAt(0))) {
      return false;
    }
    int allowed = shorter >= 9 ? 2 : 1;
    if (Math.abs(a.length() - b.length()) > allowed) {
      return false;
    }
    return withinDistance(a, b, allowed);
  }

  static final List<String> NEGATING_PREFIXES =
      List.of("a", "an", "un", "in", "im", "ir", "il", "non", "dis", "de", "anti");

  /** Whether {@code longer} is {@code shorter} with a prefix that negates it. */
  static boolean negatingPrefix(String longer, String shorter) {
    if (!longer.endsWith(shorter)) {
      return false;
    }
    String prefix = longer.substring(0, longer.length() - shorter.length());
    return NEGATING_PREFIXES.contains(
        prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix);
  }

  /** Damerau–Levenshtein (adjacent transpositions) distance, stopping early past the limit. */
  static boolean withinDistance(String a, String b, int limit) {
    int n = a.length();
    int m = b.length();
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > limit) {
        return false;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m] <= limit;
  }
}
