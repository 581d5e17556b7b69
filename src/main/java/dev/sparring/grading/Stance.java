package dev.sparring.grading;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a clause that names a key point's subject says the opposite of the point: it uses the
 * antonym of one of the point's own words ("replicate synchronously" against "replication is
 * asynchronous", "a mutable table" against "an append-only, immutable log"), or asserts what the
 * point denies ("always needs a central coordinator" against "with no central coordinator").
 *
 * <p>These are general pairs of opposites, not facts about any one question: what is false about a
 * particular point is listed with it as a misconception.
 */
final class Stance {

  private Stance() {}

  /**
   * Opposites: each entry is two groups of words, every word of one group the opposite of every
   * word of the other; each word is compared by its stem.
   */
  private static final List<List<List<String>>> OPPOSITES =
      List.of(
          pair(
              List.of("synchronous", "synchronously", "sync"),
              List.of("asynchronous", "asynchronously", "async")),
          pair(List.of("stateless"), List.of("stateful")),
          pair(List.of("mutable"), List.of("immutable", "append")),
          pair(
              List.of("cheaper", "cheap", "cheapest"), List.of("costlier", "expensive", "pricier")),
          pair(List.of("faster", "quicker", "fastest", "quickest"), List.of("slower", "slowest")),
          pair(List.of("shorter", "shortest"), List.of("longer", "longest")),
          pair(
              List.of("increase", "increases", "raise", "raises"),
              List.of("decrease", "decreases", "lower", "lowers", "reduce", "reduces", "cuts")),
          pair(List.of("higher", "highest"), List.of("lower", "lowest")),
          pair(
              List.of("larger", "bigger", "largest", "biggest"),
              List.of("smaller", "smallest", "shrink", "trim")),
          pair(List.of("fewer"), List.of("more")),
          pair(
              List.of("limited", "finite", "bounded", "capped", "quota", "limit"),
              List.of("unlimited", "infinite", "unbounded", "uncapped", "limitless")),
          pair(List.of("ordered"), List.of("unordered")),
          pair(List.of("strongly"), List.of("eventually")),
          pair(List.of("horizontally"), List.of("vertically")),
          pair(List.of("encrypted"), List.of("unencrypted", "plaintext")),
          pair(List.of("allowed", "permitted"), List.of("forbidden", "denied", "prohibited")),
          pair(List.of("manual", "manually"), List.of("automatic", "automatically")),
          pair(List.of("concurrent", "parallel"), List.of("sequential", "serial")),
          pair(
              List.of("persistent", "durable", "permanent"),
              List.of("ephemeral", "volatile", "temporary", "transient")),
          pair(List.of("loosely", "loose"), List.of("tightly", "tight")),
          pair(List.of("easier", "simpler"), List.of("harder")),
          pair(
              List.of("gradually", "incrementally", "incremental"),
              List.of("wholesale", "cutover")),
          pair(List.of("public"), List.of("private")),
          pair(List.of("inbound"), List.of("outbound")),
          pair(List.of("minimum"), List.of("maximum")),
          pair(
              List.of(
                  "ideal",
                  "fit",
                  "fits",
                  "suits",
                  "suited",
                  "perfect",
                  "perfectly",
                  "recommended",
                  "great"),
              List.of(
                  "poor",
                  "bad",
                  "worse",
                  "worst",
                  "unsuitable",
                  "unsuited",
                  "mismatch",
                  "antipattern",
                  "harmful",
                  "dangerous",
                  "risky")),
          pair(
              List.of("add", "adds", "adding"),
              List.of("remove", "removes", "removing", "eliminate", "eliminates")),
          pair(
              List.of("include", "includes", "included"),
              List.of("exclude", "excludes", "excluded")),
          pair(List.of("enable", "enables", "enabled"), List.of("disable", "disables", "disabled")),
          pair(
              List.of("safe", "safer", "harmless", "benign"),
              List.of("unsafe", "harmful", "dangerous")),
          pair(List.of("secure"), List.of("insecure")),
          pair(List.of("reliable"), List.of("unreliable")),
          pair(List.of("consistent"), List.of("inconsistent")),
          pair(List.of("available"), List.of("unavailable")),
          pair(List.of("isolated"), List.of("shared")),
          pair(List.of("warm"), List.of("cold")),
          pair(List.of("idle"), List.of("busy")),
          pair(List.of("early", "earlier"), List.of("late", "later")),
          pair(List.of("accept", "accepts", "accepted"), List.of("reject", "rejects", "rejected")),
          pair(
              List.of("keep", "keeps", "retain", "retains"),
              List.of("discard", "discards", "drop", "drops", "lose", "loses")),
          pair(List.of("internal"), List.of("external")),
          pair(
              List.of("success", "successful", "successfully", "succeeds", "succeeded"),
              List.of("failure", "failures", "unsuccessful")),
          pair(List.of("explicit", "explicitly"), List.of("implicit", "implicitly")),
          pair(List.of("static"), List.of("dynamic")),
          pair(
              List.of("centralized", "centralised", "central"),
              List.of("decentralized", "decentralised")));

  private static List<List<String>> pair(List<String> one, List<String> other) {
    return List.of(one, other);
  }

  /** Stem to the stems of its opposites. */
  private static final Map<String, Set<String>> OPPOSITE = opposites();

  /** Stem to the stems of its own group, itself included. */
  private static final Map<String, Set<String>> SAME = same();

  private static Map<String, Set<String>> same() {
    Map<String, Set<String>> out = new HashMap<>();
    for (List<List<String>> pair : OPPOSITES) {
      for (List<String> side : pair) {
        for (String a : side) {
          for (String b : side) {
            out.computeIfAbsent(Stemmer.stem(a), k -> new HashSet<>()).add(Stemmer.stem(b));
          }
        }
      }
    }
    out.replaceAll((k, v) -> Set.copyOf(v));
    return Map.copyOf(out);
  }

  private static Map<String, Set<String>> opposites() {
    Map<String, Set<String>> out = new HashMap<>();
    for (List<List<String>> pair : OPPOSITES) {
      for (int side = 0; side < 2; side++) {
        for (String a : pair.get(side)) {
          for (String b : pair.get(1 - side)) {
            out.computeIfAbsent(Stemmer.stem(a), k -> new HashSet<>()).add(Stemmer.stem(b));
          }
        }
      }
    }
    out.replaceAll((k, v) -> Set.copyOf(v));
    return Map.copyOf(out);
  }

  /**
   * The content stems of each clause of a key point (split at punctuation only), for telling what a
   * reversal is about.
   */
  static List<Set<String>> clauses(Text point) {
    Map<Integer, Set<String>> byClause = new java.util.TreeMap<>();
    for (int i = 0; i < point.size(); i++) {
      String w = point.words[i];
      if (OPPOSITE.containsKey(point.stems[i])
          || !Explanation.FUNCTION_WORDS.contains(w) && !TermMatch.GLUE.contains(w)) {
        byClause.computeIfAbsent(point.clause[i], k -> new HashSet<>()).add(point.stems[i]);
      }
    }
    return byClause.values().stream().map(Set::copyOf).toList();
  }

  /**
   * What a reversal is checked against: the content stems of each clause of the key point (split at
   * punctuation only), the stems of its terms, and the clauses of every key point of its step.
   */
  record Point(List<Set<String>> clauses, Set<String> termStems, List<Set<String>> stepClauses) {}

  /**
   * Whether words {@code from..to} of the answer, a clause without a negation of its own, use the
   * opposite of a word of the key point, and share another word (not one of the question's {@code
   * asked} words, which every clause of the step shares) with the point's clause that word is in,
   * while neither that clause nor the point's terms use the answer's word or one of its synonyms
   * and no other clause of the step that uses it shares a word with the answer's (the answer may be
   * making that other point, as contrasts do): the clause says the reverse of the point about the
   * same subject. With {@code whole} the answer's clause must also hold every other content word of
   * the point's clause it reverses: a short clause restated in reverse ("executions are stateful"
   * against "executions are stateless"), which needs no further anchor in the rest of the point.
   */
  static boolean flipped(
      Text text, int from, int to, Point point, boolean whole, Set<String> asked) {
    if (speaksOfDefault(text, from)
        && point.clauses().stream().noneMatch(c -> c.contains(DEFAULT))) {
      return false; // the answer says what happens by default; the point may name an option
    }
    Set<String> clause = new HashSet<>();
    for (int i = from; i <= to; i++) {
      if (Negation.STRONG_NEGATORS.contains(text.words[i])) {
        return false; // a negation and an opposite together: too easy to misread
      }
      clause.add(text.stems[i]);
    }
    for (int i = from; i <= to; i++) {
      String stem = text.stems[i];
      Set<String> opposite = OPPOSITE.get(stem);
      if (opposite == null || SAME.get(stem).stream().anyMatch(point.termStems()::contains)) {
        continue;
      }
      for (Set<String> other : point.stepClauses()) {
        if (SAME.get(stem).stream().anyMatch(other::contains) && shared(clause, other, stem) > 0) {
          return false; // the clause may be making that other point
        }
      }
      for (Set<String> pointClause : point.clauses()) {
        if (SAME.get(stem).stream().anyMatch(pointClause::contains)) {
          continue;
        }
        for (String o : opposite) {
          if (pointClause.contains(o)
              && !clause.contains(o)
              && shared(anchors(clause, asked), pointClause, stem) > 0
              && (!whole || holdsRest(clause, pointClause, stem))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final String DEFAULT = Stemmer.stem("default");

  /** Whether the sentence of word {@code at} says what happens by default. */
  private static boolean speaksOfDefault(Text text, int at) {
    for (int i = 0; i < text.size(); i++) {
      if (text.sentence[i] == text.sentence[at] && DEFAULT.equals(text.stems[i])) {
        return true;
      }
    }
    return false;
  }

  /** Whether the clause holds every content word of the point's clause but the reversed one. */
  private static boolean holdsRest(Set<String> clause, Set<String> pointClause, String reversed) {
    for (String stem : pointClause) {
      if (stem.length() >= 3
          && !clause.contains(stem)
          && !SAME.get(reversed).contains(stem)
          && !OPPOSITE.get(reversed).contains(stem)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The answer clause's words that can tie it to a clause of the point: not the question's own,
   * which every clause of the step shares ("VPC" in a question about putting functions in a VPC).
   */
  private static Set<String> anchors(Set<String> clause, Set<String> asked) {
    if (asked.isEmpty()) {
      return clause;
    }
    Set<String> out = new HashSet<>(clause);
    out.removeAll(asked);
    return out;
  }

  /** How many content words the two share, leaving out the reversed word and its opposites. */
  private static int shared(Set<String> clause, Set<String> pointClause, String reversed) {
    int n = 0;
    for (String stem : clause) {
      if (stem.length() >= 3
          && pointClause.contains(stem)
          && !SAME.get(reversed).contains(stem)
          && !OPPOSITE.get(reversed).contains(stem)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The stems a key point denies: the content words within a few words after one of its negators
   * ("with no central coordinator" denies "central" and "coordinator").
   */
  static Set<String> denied(Text point) {
    return denied(point, Negation.STRONG_NEGATORS);
  }

  /** As {@link #denied(Text)}, with the words that deny given: {@code negators}. */
  static Set<String> denied(Text point, Set<String> negators) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < point.size(); i++) {
      if (!negators.contains(point.words[i])) {
        continue;
      }
      for (int j = i + 1; j < point.size() && j <= i + Negation.NEGATION_WINDOW; j++) {
        if (point.clause[j] != point.clause[i] || Negation.CONNECTORS.contains(point.words[j])) {
          break;
        }
        String w = point.words[j];
        if (w.length() >= 4
            && !Explanation.FUNCTION_WORDS.contains(w)
            && !TermMatch.GLUE.contains(w)
            && !Negation.LINKS.contains(w)) {
          out.add(point.stems[j]);
        }
      }
    }
    return Set.copyOf(out);
  }

  /** A denial of one word is too thin to tell what is denied ("not just us-east-1"). */
  static final int MIN_DENIED = 2;

  /**
   * Whether words {@code from..to} assert, unnegated, something the point denies: every denied stem
   * of the point appears and none of them is negated in the clause.
   */
  static boolean assertsDenied(Text text, int from, int to, Set<String> denied) {
    if (denied.size() < MIN_DENIED) {
      return false;
    }
    Set<String> asserted = new HashSet<>();
    for (int i = from; i <= to; i++) {
      if (denied.contains(text.stems[i])) {
        if (Negation.negated(text, i) || Negation.negatedBefore(text, i, denied)) {
          return false;
        }
        asserted.add(text.stems[i]);
      }
    }
    return asserted.size() == denied.size();
  }
}
