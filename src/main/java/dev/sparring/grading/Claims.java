package dev.sparring.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Reading a misconception's claim in an answer that does not use its listed terms: "the request
 * itself is free" states "requests are free; you only pay for compute time".
 */
final class Claims {

  private Claims() {}

  /** Share of a claim clause's content words an answer's clause must use to state it. */
  static final double CLAIM_SHARE = 0.75;

  /**
   * Words that make a claim sweeping, and often make it false ("only lists the functions",
   * "requests are free", "never conflict"): a clause of a claim that has one is stated only by a
   * clause that has one too.
   */
  static final Set<String> SWEEPING =
      Set.of(
          "only",
          "always",
          "never",
          "every",
          "all",
          "any",
          "no",
          "nothing",
          "none",
          "free",
          "entirely",
          "impossible",
          "unlimited",
          "forever",
          "unnecessary",
          "guaranteed",
          "guarantees",
          "same");

  /** One clause of a claim: its content stems, and whether it is sweeping. */
  record Clause(Set<String> stems, boolean sweeping) {}

  /** A claim's clauses (those that suppose are left out) and its number of negators. */
  record Claim(List<Clause> clauses, int negations) {}

  /**
   * A claim read once: content words per clause, leaving out what only supposes and what it is
   * compared with.
   */
  static Claim read(String claim) {
    Text text = Text.of(claim);
    Map<Integer, Set<String>> stems = new TreeMap<>();
    Set<Integer> sweeping = new HashSet<>();
    Set<Integer> supposing = new HashSet<>();
    for (int i = 0; i < text.size(); i++) {
      String word = text.words[i];
      if (SWEEPING.contains(word)) {
        sweeping.add(text.clause[i]);
      }
      if (Negation.SUPPOSING.contains(word)) {
        supposing.add(text.clause[i]);
      }
      // Nor is what it is compared with ("just like Cloud Run functions"), which is true of that
      // other thing, or what it concedes ("even when authorizer results are cached").
      if (comparing(text, i) || conceding(text, i)) {
        supposing.add(text.clause[i]);
      }
      if (word.length() >= 3
          && !Explanation.FUNCTION_WORDS.contains(word)
          && !TermMatch.GLUE.contains(word)
          && !Negation.NEGATORS.contains(word)
          && !Negation.LINKS.contains(word)) {
        stems.computeIfAbsent(text.clause[i], c -> new HashSet<>()).add(text.stems[i]);
      }
    }
    List<Clause> clauses = new ArrayList<>();
    // A case the claim supposes ("if the function times out") is not what it claims.
    stems.forEach(
        (c, s) -> {
          if (!supposing.contains(c)) {
            clauses.add(new Clause(Set.copyOf(s), sweeping.contains(c)));
          }
        });
    return new Claim(List.copyOf(clauses), negations(text));
  }

  /**
   * The first clause of the answer, as words {@code [from, to]}, that states the claim, or null: it
   * uses at least {@value #CLAIM_SHARE} of the content words of a clause of the claim (which needs
   * three or more, two if sweeping), among them one the key point itself does not use ({@code own}:
   * what makes the claim differ from the point) and that no term of another point matched there
   * ({@code othersTerms}: the answer may be making that point, as in "reads see the latest write in
   * every region" of the strong mode); it negates as often as the claim, modulo two; it is sweeping
   * if the claim's clause is; and it supposes nothing.
   */
  static int[] stated(Text text, Claim claim, Set<String> own, Supplier<boolean[]> othersTerms) {
    for (Clause clause : claim.clauses()) {
      // Two words are too common a pair to state a claim, unless it is a sweeping one.
      if (clause.stems().size() < (clause.sweeping() ? 2 : 3)) {
        continue;
      }
      int needed = Math.max(2, (int) Math.ceil(CLAIM_SHARE * clause.stems().size()));
      for (int from = 0; from < text.size(); ) {
        int to = Negation.spanEnd(text, from);
        Set<String> used = new HashSet<>();
        boolean sweeping = false;
        boolean supposes = false;
        int negations = 0;
        for (int i = from; i <= to; i++) {
          if (clause.stems().contains(text.stems[i])) {
            used.add(text.stems[i]);
          }
          sweeping |= SWEEPING.contains(text.words[i]);
          supposes |= Negation.SUPPOSING.contains(text.words[i]);
          negations += Negation.NEGATORS.contains(text.words[i]) ? 1 : 0;
        }
        if (used.size() >= needed
            && (sweeping || !clause.sweeping())
            && negations % 2 == claim.negations() % 2
            && !supposes
            && !Negation.hypothetical(text, from)
            && differs(text, from, to, clause, own, othersTerms.get())) {
          return new int[] {from, to};
        }
        from = to + 1;
        while (from < text.size() && Negation.CONNECTORS.contains(text.words[from])) {
          from++;
        }
      }
    }
    return null;
  }

  /**
   * Whether words {@code [from, to]} use a word of the clause that the point does not use and that
   * no other point's term matched there.
   */
  private static boolean differs(
      Text text, int from, int to, Clause clause, Set<String> own, boolean[] othersTerms) {
    for (int i = from; i <= to; i++) {
      if (clause.stems().contains(text.stems[i])
          && !own.contains(text.stems[i])
          && !othersTerms[i]) {
        return true;
      }
    }
    return false;
  }

  /** Words that open a comparison with something else ("just like Lambda", "as with S3"). */
  static final Set<String> COMPARING = Set.of("like", "unlike");

  /**
   * Whether word {@code i} opens its clause with a comparison ("just like Cloud Run functions"):
   * what the claim is compared with is true of that other thing, so it is not the claim.
   */
  private static boolean comparing(Text text, int i) {
    boolean first = i == 0 || text.clause[i - 1] != text.clause[i];
    if (!first) {
      return false;
    }
    int j = i;
    if (text.words[j].equals("just") || text.words[j].equals("exactly")) {
      j++;
    }
    if (j >= text.size() || text.clause[j] != text.clause[i]) {
      return false;
    }
    return COMPARING.contains(text.words[j])
        || text.words[j].equals("as")
            && j + 1 < text.size()
            && Set.of("with", "in").contains(text.words[j + 1]);
  }

  /** Words that, after "even", concede a case rather than claim it ("even when", "even if"). */
  static final Set<String> CONCEDING = Set.of("when", "if", "though", "while", "as", "after");

  /** Whether word {@code i} opens its clause with a concession ("even when …"). */
  private static boolean conceding(Text text, int i) {
    return text.words[i].equals("even")
        && (i == 0 || text.clause[i - 1] != text.clause[i])
        && i + 1 < text.size()
        && text.clause[i + 1] == text.clause[i]
        && CONCEDING.contains(text.words[i + 1]);
  }

  private static int negations(Text text) {
    int n = 0;
    for (String word : text.words) {
      n += Negation.NEGATORS.contains(word) ? 1 : 0;
    }
    return n;
  }
}
