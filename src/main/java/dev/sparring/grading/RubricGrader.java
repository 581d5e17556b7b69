package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores coverage of key points, scaled by how much the answer explains rather than lists.
 *
 * <p>A key point is covered when one of its terms appears as a phrase (stems compared, one typo
 * forgiven in words of five letters or more, two from nine) and is not negated by a "not", "no",
 * "never" or "without" just before it. A key point is contradicted, and never covered, when in the
 * clause of its term the answer negates the term ("never reuse", "not idempotent"), dismisses it
 * after it ("a DLQ is unnecessary", "is not needed", "is optional") or states a time or size that
 * none of the point's own numbers match once units are normalised ("60 minutes" against 15
 * minutes); negations are skipped for points that are negative themselves. The score is the covered
 * share of key points, less {@value #CONTRADICTION_COST} of a point per contradiction, times an
 * explanation factor between 0.5 (a bare list of terms) and 1 (prose with connecting words).
 */
public final class RubricGrader implements Grader {

  private static final Set<String> NEGATORS =
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
  private static final Set<String> NEGATION_BREAKERS =
      Set.of("only", "but", "just", "also", "however");
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "the", "a", "an", "is", "are", "was", "be", "been", "to", "of", "and", "or", "but",
          "because", "so", "which", "that", "this", "these", "it", "its", "when", "if", "then",
          "you", "we", "i", "they", "with", "for", "by", "in", "on", "at", "as", "can", "will",
          "would", "should", "could", "do", "does", "not", "than", "each", "every", "per", "since",
          "while", "until", "how", "why", "what", "where", "into", "from", "there", "their", "them",
          "our", "your", "my", "one", "more", "less", "also", "only", "all", "use", "using", "used",
          "make", "makes", "let", "lets", "avoid", "keep", "need", "needs", "have", "has", "get",
          "gets", "means", "way", "after", "before", "through");
  private static final int NEGATION_WINDOW = 3;

  /**
   * Negators that, before a term, say the opposite of it rather than an alternative to it: all of
   * {@link #NEGATORS} but "without", "avoid", "instead", "rather", "nothing" and "none", plus
   * "neednt".
   */
  private static final Set<String> STRONG_NEGATORS = strongNegators();

  private static Set<String> strongNegators() {
    Set<String> strong = new java.util.HashSet<>(NEGATORS);
    strong.removeAll(Set.of("without", "avoid", "instead", "rather", "nothing", "none"));
    strong.add("neednt");
    return Set.copyOf(strong);
  }

  /**
   * Dismissals that are bare negators: they dismiss only when what follows is need or the point.
   */
  private static final Set<String> NEGATOR_DISMISSALS =
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
  private static final Set<String> DISMISSALS = dismissals();

  private static Set<String> dismissals() {
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
                "deprecated"));
    all.addAll(NEGATOR_DISMISSALS);
    return Set.copyOf(all);
  }

  /**
   * Words that may stand between a term and what dismisses it: "a DLQ is really not needed".
   * Anything else ends the search, so a negation about another subject does not count.
   */
  private static final Set<String> LINKS =
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
  private static final Set<String> NOT_NEGATING = Set.of("only", "just", "merely", "simply");

  /** Words that start another clause, so a number or negation past them is about something else. */
  private static final Set<String> CONNECTORS =
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

  /** A contradicted key point costs this share of a point's credit on top of missing it. */
  static final double CONTRADICTION_COST = 1.5;

  /** Credit for a bare list of terms, as a share of the credit for explaining them. */
  static final double FLOOR = 0.3;

  /** How fast connecting words (because, so, which, the) earn back full credit. */
  static final double SLOPE = 2.2;

  /** Share of the score that comes from using the step's vocabulary rather than covering points. */
  static final double RELEVANCE_WEIGHT = 0.1;

  /** Vocabulary words in use that earn the full relevance share. */
  static final int RELEVANCE_SATURATION = 12;

  /** A paraphrase needs this many distinctive words in the claim, and this share of them. */
  static final int PARAPHRASE_MIN_WORDS = 3;

  static final double PARAPHRASE_SHARE = 0.67;

  /** Words an answer may put between the words of a multi-word term. */
  static final int GAP = 2;

  /**
   * Glue inside multi-word terms that answers phrase differently ("read and write" ~ "reads from
   * writes").
   */
  private static final Set<String> GLUE =
      Set.of(
          "a", "an", "the", "and", "or", "of", "to", "as", "for", "in", "on", "at", "by", "with",
          "from", "per", "is", "are");

  /**
   * Similarity in meaning (cosine of sentence embeddings) at which a clause of the answer makes a
   * key point in other words. Chosen on half of the evaluation set and checked on the other half
   * (recall 0.86 and 0.83 there at unchanged precision).
   */
  static final double MEANING_THRESHOLD = 0.55;

  /** Words a unit must share with what only its key point says to count by meaning. */
  static final int MIN_ANCHORS = 1;

  /** Characters of a sentence or clause compared in meaning; the rest of a long one is not. */
  static final int MAX_UNIT_CHARS = 400;

  /** At most this many sentences and clauses of an answer are compared in meaning. */
  static final int MAX_UNITS = 16;

  private final Map<KeyPoint, Text[]> compiled = new ConcurrentHashMap<>();
  private final Meaning meaning;

  /** A grader by terms alone. */
  public RubricGrader() {
    this(Meaning.NONE);
  }

  /** A grader by terms that also credits key points made in other words, once meaning is ready. */
  public RubricGrader(Meaning meaning) {
    this.meaning = meaning;
  }

  @Override
  public Grade grade(String answer, List<KeyPoint> keyPoints) {
    Text text = Text.of(answer == null ? "" : answer);
    List<KeyPoint> covered = new ArrayList<>();
    List<KeyPoint> missed = new ArrayList<>();
    java.util.Set<String> answerStems =
        new java.util.HashSet<>(java.util.Arrays.asList(text.stems));
    StepIndex step = index(keyPoints);
    List<Contradiction> contradicted = new ArrayList<>();
    for (KeyPoint kp : keyPoints) {
      Found found = find(text, kp);
      if (found.contradiction() != null) {
        missed.add(kp);
        contradicted.add(new Contradiction(kp, found.contradiction(), found.correction()));
      } else if (found.covered() || paraphrased(answerStems, step.evidence().get(kp))) {
        covered.add(kp);
      } else {
        missed.add(kp);
      }
    }
    if (meaning.ready() && !missed.isEmpty() && text.size() > 0) {
      creditByMeaning(answer, step, missed, covered, contradicted);
      covered.sort(java.util.Comparator.comparingInt(keyPoints::indexOf));
    }
    return scored(text, answerStems, step, covered, missed, contradicted);
  }

  /**
   * Moves the missed, uncontradicted key points that a sentence or clause of the answer states in
   * other words (by {@link Meaning}) to the covered ones. Similarity is not agreement: when the
   * most similar unit states a figure that conflicts with the point's, it contradicts the point.
   */
  private void creditByMeaning(
      String answer,
      StepIndex step,
      List<KeyPoint> missed,
      List<KeyPoint> covered,
      List<Contradiction> against) {
    List<KeyPoint> open = new ArrayList<>();
    for (KeyPoint kp : missed) {
      if (against.stream().noneMatch(c -> c.point().equals(kp))) {
        open.add(kp);
      }
    }
    if (open.isEmpty()) {
      return;
    }
    // Only units anchored to some open point are embedded, and each is compared with the points
    // it is anchored to: the same outcome as comparing all, at a fraction of the model's work.
    List<String> all = units(answer);
    List<String> units = new ArrayList<>();
    for (String unit : all) {
      if (open.stream().anyMatch(kp -> anchored(unit, step.anchors().get(kp)))) {
        units.add(unit);
      }
    }
    if (units.isEmpty()) {
      return;
    }
    double[][] similar = meaning.similarity(units, open.stream().map(KeyPoint::point).toList());
    for (int i = 0; i < open.size(); i++) {
      KeyPoint kp = open.get(i);
      Integer[] order = new Integer[units.size()];
      for (int u = 0; u < order.length; u++) {
        order[u] = u;
      }
      double[] row = similar[i];
      java.util.Arrays.sort(order, (a, b) -> Double.compare(row[b], row[a]));
      for (int u : order) {
        if (row[u] < MEANING_THRESHOLD) {
          break;
        }
        String unit = units.get(u);
        if (!anchored(unit, step.anchors().get(kp))) {
          continue;
        }
        if (conflictingFigure(unit, quantities(kp))) {
          missed.remove(kp);
          against.add(new Contradiction(kp, unit));
          break;
        }
        missed.remove(kp);
        covered.add(kp);
        break;
      }
    }
    missed.removeIf(kp -> against.stream().anyMatch(c -> c.point().equals(kp)));
    for (Contradiction c : against) {
      if (!missed.contains(c.point())) {
        missed.add(c.point());
      }
    }
  }

  /**
   * Whether the unit shares a word with what only this key point of the step says (its own
   * distinctive words and its terms' words): on-topic prose about the subject in general is similar
   * to every point but anchored to none.
   */
  private static boolean anchored(String unit, java.util.Set<String> anchors) {
    java.util.Set<String> found = new java.util.HashSet<>();
    for (String stem : Text.of(unit).stems) {
      if (anchors.contains(stem)) {
        found.add(stem);
      }
    }
    return found.size() >= MIN_ANCHORS;
  }

  /** A figure in the unit with a dimension of the point's figures but none of their values. */
  private static boolean conflictingFigure(String unit, List<Quantities.Quantity> claimed) {
    if (claimed.isEmpty()) {
      return false;
    }
    boolean conflict = false;
    for (Quantities.Quantity said : Quantities.in(unit)) {
      boolean sameDimension = false;
      for (Quantities.Quantity c : claimed) {
        if (c.agrees(said)) {
          return false;
        }
        sameDimension |= c.dimension() == said.dimension();
      }
      conflict |= sameDimension;
    }
    return conflict;
  }

  private static final java.util.regex.Pattern SENTENCE_END =
      java.util.regex.Pattern.compile("(?<=[.;!?])\\s+|\\n+");
  private static final java.util.regex.Pattern CLAUSE_BREAK =
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

  /**
   * What the grader precomputes for one step's key points: per point, the claim's own distinctive
   * words (those no other point of the step uses, so restating the question is not evidence); and
   * the step's whole vocabulary, for the relevance share.
   */
  private record StepIndex(
      Map<KeyPoint, List<String>> evidence,
      java.util.Set<String> vocabulary,
      Map<KeyPoint, java.util.Set<String>> anchors) {}

  // Keyed by identity: a step's key point list is one immutable object for the bank's lifetime.
  private final Map<List<KeyPoint>, StepIndex> steps =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  private StepIndex index(List<KeyPoint> points) {
    StepIndex cached = steps.get(points);
    if (cached != null) {
      return cached;
    }
    Map<KeyPoint, List<String>> evidence = new java.util.HashMap<>();
    java.util.Set<String> vocabulary = new java.util.HashSet<>();
    for (KeyPoint kp : points) {
      java.util.Set<String> others = new java.util.HashSet<>();
      for (KeyPoint other : points) {
        if (other != kp) {
          others.addAll(distinctive(other));
        }
      }
      evidence.put(kp, distinctive(kp).stream().filter(w -> !others.contains(w)).toList());
      vocabulary.addAll(distinctive(kp));
      for (Text t : terms(kp)) {
        for (int i = 0; i < t.size(); i++) {
          if (t.words[i].length() >= 4 && !FUNCTION_WORDS.contains(t.words[i])) {
            vocabulary.add(t.stems[i]);
          }
        }
      }
    }
    Map<KeyPoint, java.util.Set<String>> anchors = new java.util.HashMap<>();
    for (KeyPoint kp : points) {
      java.util.Set<String> own = new java.util.HashSet<>(evidence.get(kp));
      for (Text t : terms(kp)) {
        for (int i = 0; i < t.size(); i++) {
          if (t.words[i].length() >= 4 && !FUNCTION_WORDS.contains(t.words[i])) {
            own.add(t.stems[i]);
          }
        }
      }
      java.util.Set<String> shared = new java.util.HashSet<>();
      for (KeyPoint other : points) {
        if (other != kp) {
          shared.addAll(distinctive(other));
        }
      }
      own.removeAll(shared);
      anchors.put(kp, java.util.Set.copyOf(own));
    }
    StepIndex built = new StepIndex(evidence, java.util.Set.copyOf(vocabulary), anchors);
    if (steps.size() < 100_000) {
      steps.put(points, built);
    }
    return built;
  }

  /** A fallback for answers that make the point in other words than its terms. */
  private static boolean paraphrased(java.util.Set<String> answer, List<String> evidence) {
    if (evidence.size() < PARAPHRASE_MIN_WORDS) {
      return false;
    }
    long found = evidence.stream().filter(answer::contains).count();
    return found >= Math.ceil(PARAPHRASE_SHARE * evidence.size());
  }

  /**
   * How much of the step's own vocabulary the answer uses, from 0 to 1: it separates a vague but
   * on-topic answer from one about something else, without covering any point by itself.
   */
  private static double relevance(java.util.Set<String> answer, java.util.Set<String> vocabulary) {
    if (vocabulary.isEmpty()) {
      return 0;
    }
    long used = 0;
    for (String w : answer) {
      if (vocabulary.contains(w)) {
        used++;
      }
    }
    return Math.min(1.0, used / (double) RELEVANCE_SATURATION);
  }

  private final Map<KeyPoint, List<String>> distinctive = new ConcurrentHashMap<>();

  /** The stems of a key point's content words (four letters or more, not function words). */
  private List<String> distinctive(KeyPoint kp) {
    return distinctive.computeIfAbsent(
        kp,
        k -> {
          Text t = Text.of(k.point());
          java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
          for (int i = 0; i < t.size(); i++) {
            if (t.words[i].length() >= 4
                && !FUNCTION_WORDS.contains(t.words[i])
                && !GLUE.contains(t.words[i])) {
              out.add(t.stems[i]);
            }
          }
          return List.copyOf(out);
        });
  }

  /** Each term of the key point, tokenized and stemmed once per key point. */
  private Text[] terms(KeyPoint kp) {
    return compiled.computeIfAbsent(
        kp,
        k -> {
          Text[] out = new Text[k.terms().size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = Text.of(k.terms().get(i)).without(GLUE);
          }
          return out;
        });
  }

  /**
   * Whether a key point's term occurs unnegated, and the clause that contradicts it if any, with
   * the correction to show (null: the key point itself).
   */
  private record Found(boolean covered, String contradiction, String correction) {}

  private Found find(Text text, KeyPoint kp) {
    Found misconception = misconception(text, kp);
    if (misconception != null) {
      return misconception;
    }
    boolean covered = false;
    boolean negative = negative(kp);
    List<Quantities.Quantity> claimed = quantities(kp);
    for (Text term : terms(kp)) {
      if (term.size() == 0) {
        continue;
      }
      for (int start = 0; start < text.size(); start++) {
        int end = matchesAt(text, start, term, 0);
        if (end < 0) {
          continue;
        }
        int from = spanStart(text, start);
        int to = spanEnd(text, end - 1);
        Set<String> own = ownStems(kp);
        boolean against =
            (!negative && (negatedBefore(text, start, own) || dismissedAfter(text, end, to, own)))
                || conflicts(text, from, to, claimed);
        if (against && !hypothetical(text, start)) {
          return new Found(false, clause(text, from, to), null);
        }
        if (!negated(text, start)) {
          covered = true;
        }
      }
    }
    return new Found(covered, null, null);
  }

  /** Words that open a clause which supposes rather than asserts: "if the timeout is shorter". */
  private static final Set<String> SUPPOSING =
      Set.of("if", "unless", "whether", "suppose", "supposing", "assuming", "imagine");

  /**
   * Whether word {@code i} sits in a clause opened by "if", "unless", "whether" and the like, which
   * describes a case (often the very mistake to avoid) instead of claiming it.
   */
  private static boolean hypothetical(Text text, int i) {
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

  private static String clause(Text text, int from, int to) {
    return text.raw.substring(text.begin[from], text.end[to]).strip();
  }

  private final Map<KeyPoint, Text[][]> misconceptionTerms = new ConcurrentHashMap<>();

  /** Each misconception's terms, tokenized and stemmed once per key point. */
  private Text[][] misconceptionTerms(KeyPoint kp) {
    return misconceptionTerms.computeIfAbsent(
        kp,
        k -> {
          Text[][] out = new Text[k.wrong().size()][];
          for (int m = 0; m < out.length; m++) {
            List<String> terms = k.wrong().get(m).terms();
            out[m] = new Text[terms.size()];
            for (int i = 0; i < terms.size(); i++) {
              out[m][i] = Text.of(terms.get(i)).without(GLUE);
            }
          }
          return out;
        });
  }

  /**
   * The first of the key point's listed misconceptions the answer states: one of its terms, not
   * negated just before ("it is not true that ... " does not count, "never" does).
   */
  private Found misconception(Text text, KeyPoint kp) {
    Text[][] all = misconceptionTerms(kp);
    for (int m = 0; m < all.length; m++) {
      for (Text term : all[m]) {
        if (term.size() == 0) {
          continue;
        }
        for (int start = 0; start < text.size(); start++) {
          int end = matchesAt(text, start, term, 0);
          if (end >= 0 && !negated(text, start) && !hypothetical(text, start)) {
            return new Found(
                false,
                clause(text, spanStart(text, start), spanEnd(text, end - 1)),
                kp.wrong().get(m).correction());
          }
        }
      }
    }
    return null;
  }

  private final Map<KeyPoint, Boolean> negative = new ConcurrentHashMap<>();

  /** Whether the key point itself negates or dismisses: then an answer's negation may agree. */
  private boolean negative(KeyPoint kp) {
    return negative.computeIfAbsent(
        kp,
        k -> {
          for (String w : Text.of(k.point()).words) {
            if (NEGATORS.contains(w) || DISMISSALS.contains(w)) {
              return true;
            }
          }
          return false;
        });
  }

  private final Map<KeyPoint, List<Quantities.Quantity>> quantities = new ConcurrentHashMap<>();

  private List<Quantities.Quantity> quantities(KeyPoint kp) {
    return quantities.computeIfAbsent(kp, k -> List.copyOf(Quantities.in(k.point())));
  }

  /** The first word of the clause around word {@code i}: stops at punctuation and connectors. */
  private static int spanStart(Text text, int i) {
    int p = i;
    while (p > 0
        && text.clause[p - 1] == text.clause[i]
        && !CONNECTORS.contains(text.words[p - 1])) {
      p--;
    }
    return p;
  }

  /** The last word of the clause around word {@code i}. */
  private static int spanEnd(Text text, int i) {
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
  private static boolean negatedBefore(Text text, int start, Set<String> own) {
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
      if (!GLUE.contains(w)
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
  private static final Set<String> NEED_VERBS =
      Set.of("need", "needs", "require", "requires", "want");

  /**
   * "a DLQ is unnecessary", "is not needed", "do not reuse an instance": after the term, linked
   * only by verbs, a dismissal, or a negator followed by a word of need or of the key point itself
   * ("pinned connections cannot be multiplexed" says something else about them).
   */
  private static boolean dismissedAfter(Text text, int end, int to, Set<String> own) {
    for (int i = end; i <= to; i++) {
      String w = text.words[i];
      if (DISMISSALS.contains(w)) {
        if (i + 1 <= to && NOT_NEGATING.contains(text.words[i + 1])) {
          return false;
        }
        return !NEGATOR_DISMISSALS.contains(w) || negatesThePoint(text, i + 1, to, own);
      }
      if (!LINKS.contains(w)) {
        return false;
      }
    }
    return false;
  }

  /** Whether a negation ending at word {@code from} goes on to a word of need or of the point. */
  private static boolean negatesThePoint(Text text, int from, int to, Set<String> own) {
    if (from > to) {
      return true; // "a DLQ? Not really." ends the clause: nothing else it could be about
    }
    for (int i = from; i <= to && i < from + NEGATION_WINDOW; i++) {
      if (NEEDS.contains(text.words[i]) || own.contains(text.stems[i])) {
        return true;
      }
      if (!GLUE.contains(text.words[i]) && !LINKS.contains(text.words[i])) {
        return false;
      }
    }
    return false;
  }

  /** Words that, negated after a term, deny that it is needed, useful or real. */
  private static final Set<String> NEEDS =
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
          "happens");

  private final Map<KeyPoint, Set<String>> ownStems = new ConcurrentHashMap<>();

  /** The stems of the key point's own sentence, for telling what a negation is about. */
  private Set<String> ownStems(KeyPoint kp) {
    return ownStems.computeIfAbsent(
        kp,
        k -> {
          Text t = Text.of(k.point());
          Set<String> out = new java.util.HashSet<>();
          for (int i = 0; i < t.size(); i++) {
            if (!FUNCTION_WORDS.contains(t.words[i]) && !GLUE.contains(t.words[i])) {
              out.add(t.stems[i]);
            }
          }
          return Set.copyOf(out);
        });
  }

  /**
   * A number in the term's clause with the unit of one in the key point but none of its values: "60
   * minutes" against 15 minutes, "3 GB" against 10,240 MB.
   */
  private static boolean conflicts(Text text, int from, int to, List<Quantities.Quantity> claimed) {
    if (claimed.isEmpty()) {
      return false;
    }
    String clause = text.raw.substring(text.begin[from], text.end[to]);
    boolean conflict = false;
    for (Quantities.Quantity said : Quantities.in(clause)) {
      boolean sameUnit = false;
      for (Quantities.Quantity c : claimed) {
        if (c.agrees(said)) {
          return false;
        }
        sameUnit |= c.dimension() == said.dimension();
      }
      conflict |= sameUnit;
    }
    return conflict;
  }

  /**
   * Where {@code term} from word {@code j} on, matched against the answer from word {@code p} on,
   * ends (exclusive), or -1 if it does not match there. Compounds meet their split forms both ways:
   * "back off" matches "backoff" and "deadletter" matches "dead letter".
   */
  private static int matchesAt(Text text, int p, Text term, int j) {
    if (j == term.size()) {
      return p;
    }
    if (p >= text.size()) {
      return -1;
    }
    if (similar(text.stems[p], term.stems[j])) {
      int end = next(text, p + 1, term, j + 1);
      if (end >= 0) {
        return end;
      }
    }
    String word = text.words[p];
    String wanted = term.words[j];
    if (p + 1 < text.size()
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
  private static int next(Text text, int p, Text term, int j) {
    if (j == term.size()) {
      return p;
    }
    for (int q = p; q <= p + GAP && q < text.size(); q++) {
      if (text.sentence[q] != text.sentence[p - 1]) {
        return -1;
      }
      if (q > p && NEGATORS.contains(text.words[q - 1])) {
        return -1; // "X is not Y" does not say "X is Y"
      }
      int end = matchesAt(text, q, term, j);
      if (end >= 0) {
        return end;
      }
    }
    return -1;
  }

  private static boolean negated(Text text, int start) {
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

  private static final List<String> NEGATING_PREFIXES =
      List.of("a", "an", "un", "in", "im", "ir", "il", "non", "dis", "de", "anti");

  /** Whether {@code longer} is {@code shorter} with a prefix that negates it. */
  private static boolean negatingPrefix(String longer, String shorter) {
    if (!longer.endsWith(shorter)) {
      return false;
    }
    String prefix = longer.substring(0, longer.length() - shorter.length());
    return NEGATING_PREFIXES.contains(
        prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix);
  }

  /** Damerau–Levenshtein (adjacent transpositions) distance, stopping early past the limit. */
  private static boolean withinDistance(String a, String b, int limit) {
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

  /**
   * Between 0.5 and 1: prose that connects its terms ("because", "so", "which", articles) scores
   * fully; a comma-separated list of buzzwords gets half credit for the same coverage.
   */
  static double explanationFactor(Text text) {
    if (text.size() == 0) {
      return 0.5;
    }
    int function = 0;
    for (String w : text.words) {
      if (FUNCTION_WORDS.contains(w)) {
        function++;
      }
    }
    double ratio = (double) function / text.size();
    return Math.max(FLOOR, Math.min(1.0, FLOOR + ratio * SLOPE));
  }

  private static String feedback(
      Text text,
      List<KeyPoint> covered,
      List<KeyPoint> missed,
      List<Contradiction> contradicted,
      double factor) {
    int total = covered.size() + missed.size();
    if (!contradicted.isEmpty()) {
      return "\u2717 Covered "
          + covered.size()
          + " of "
          + total
          + " key points and contradicted "
          + contradicted.size()
          + ": check what you said against the facts above.";
    }
    if (covered.isEmpty()) {
      return text.size() < 4
          ? "Too short to grade: explain what you would do and why."
          : "None of the key points came up; name the mechanisms and explain the trade-offs.";
    }
    String head = "Covered " + covered.size() + " of " + total + " key points";
    if (factor < 0.8) {
      return head + ", but as a list of terms: explain how and why each one applies.";
    }
    if (missed.isEmpty()) {
      return head + ". Strong answer.";
    }
    String next = shorten(missed.get(0).point());
    return head + "; also cover: " + next + (next.endsWith("\u2026") ? "" : ".");
  }

  private static String shorten(String point) {
    String p = point.strip();
    if (p.endsWith(".")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.length() > 1 && Character.isLowerCase(p.charAt(1))) {
      p = Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }
    return p.length() <= 100 ? p : p.substring(0, 99).strip() + "\u2026";
  }

  /**
   * The grade of an answer whose covered and contradicted key points were decided elsewhere (the
   * LLM judge), scored with the same formula and feedback as {@link #grade}. Points outside {@code
   * keyPoints} are ignored; a point both covered and contradicted counts as contradicted.
   */
  public Grade judged(
      String answer,
      List<KeyPoint> keyPoints,
      java.util.Collection<KeyPoint> covered,
      List<Contradiction> contradicted) {
    Text text = Text.of(answer == null ? "" : answer);
    java.util.Set<String> answerStems =
        new java.util.HashSet<>(java.util.Arrays.asList(text.stems));
    List<Contradiction> against = new ArrayList<>();
    java.util.Set<KeyPoint> contradictedPoints = new java.util.HashSet<>();
    for (Contradiction c : contradicted) {
      if (keyPoints.contains(c.point()) && contradictedPoints.add(c.point())) {
        against.add(c);
      }
    }
    List<KeyPoint> hit = new ArrayList<>();
    List<KeyPoint> missed = new ArrayList<>();
    for (KeyPoint kp : keyPoints) {
      (covered.contains(kp) && !contradictedPoints.contains(kp) ? hit : missed).add(kp);
    }
    return scored(text, answerStems, index(keyPoints), hit, missed, against);
  }

  /** The score formula and feedback shared by {@link #grade} and {@link #judged}. */
  private static Grade scored(
      Text text,
      java.util.Set<String> answerStems,
      StepIndex step,
      List<KeyPoint> covered,
      List<KeyPoint> missed,
      List<Contradiction> contradicted) {
    int total = covered.size() + missed.size();
    double coverage =
        total == 0
            ? 0
            : Math.max(0, covered.size() - CONTRADICTION_COST * contradicted.size()) / total;
    double factor = explanationFactor(text);
    double relevance = relevance(answerStems, step.vocabulary());
    int score =
        (int)
            Math.round(
                100 * factor * ((1 - RELEVANCE_WEIGHT) * coverage + RELEVANCE_WEIGHT * relevance));
    return new Grade(
        score,
        covered,
        missed,
        feedback(text, covered, missed, contradicted, factor),
        contradicted);
  }
}
