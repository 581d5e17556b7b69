package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import dev.sparring.chat.Lazy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Scores coverage of key points, scaled by how much the answer explains rather than lists.
 *
 * <p>A key point is covered when one of its terms appears as a phrase (stems compared, one typo
 * forgiven in words of five letters or more, two from nine) and is not negated by a "not", "no",
 * "never" or "without" just before it, or by a strong negator earlier in its clause. A key point is
 * contradicted, and never covered, when the answer states one of its listed misconceptions (by its
 * terms, or by most of its claim's own words), or when in the clause of its term the answer negates
 * the term ("never reuse", "not idempotent"), dismisses it after it ("a DLQ is unnecessary", "is
 * not needed", "is optional"), states a time or size that none of the point's own numbers match
 * once units are normalised ("60 minutes" against 15 minutes), asserts what the point denies, or
 * says it in reverse (see {@link Stance}); negations are skipped for terms the point itself
 * negates, and for words another point of the step says are absent. A clause that contradicts a
 * point is evidence for no other point, and once an answer has contradicted one, or made a sweeping
 * claim that the bank lists as a misconception of any question ({@link Falsehoods}), each other
 * point needs two of its terms in separate words: the answer's vocabulary no longer shows that it
 * knows. The score is the covered share of key points, less {@value #CONTRADICTION_COST} of a point
 * per contradiction, times an explanation factor between 0.5 (a bare list of terms) and 1 (prose
 * with connecting words).
 */
public final class RubricGrader implements Grader {

  /** A contradicted key point costs this share of a point's credit on top of missing it. */
  static final double CONTRADICTION_COST = 1.5;

  /** Share of the score that comes from using the step's vocabulary rather than covering points. */
  static final double RELEVANCE_WEIGHT = 0.1;

  /** Vocabulary words in use that earn the full relevance share. */
  static final int RELEVANCE_SATURATION = 12;

  /** A paraphrase needs this many distinctive words in the claim, and this share of them. */
  static final int PARAPHRASE_MIN_WORDS = 3;

  static final double PARAPHRASE_SHARE = 0.67;

  private final Map<KeyPoint, Text[]> compiled = new ConcurrentHashMap<>();
  private final Meaning meaning;
  private final ByMeaning byMeaning;
  private final Falsehoods falsehoods;

  /** A grader by terms alone. */
  public RubricGrader() {
    this(Meaning.NONE);
  }

  /** A grader by terms that also credits key points made in other words, once meaning is ready. */
  public RubricGrader(Meaning meaning) {
    this(meaning, Falsehoods.NONE);
  }

  /**
   * A grader by terms and meaning that also knows {@code falsehoods}: sweeping misconceptions of
   * other questions, which show that an answer says something false whatever step it answers.
   */
  public RubricGrader(Meaning meaning, Falsehoods falsehoods) {
    this.meaning = meaning;
    this.byMeaning = new ByMeaning(meaning);
    this.falsehoods = falsehoods;
  }

  @Override
  public Grade grade(String answer, List<KeyPoint> keyPoints) {
    return grade(answer, keyPoints, index(keyPoints, ""));
  }

  /**
   * As {@link #grade(String, List)}, except that a term made only of the prompt's own words ("cold
   * start" in answer to "What is a cold start?") covers nothing by itself, and the prompt's words
   * are not evidence of a point made in other words.
   */
  @Override
  public Grade grade(String answer, dev.sparring.bank.Step step) {
    String prompt = step.prompt() == null ? "" : step.prompt();
    return grade(answer, step.keyPoints(), index(step.keyPoints(), prompt));
  }

  /** A step of these key points whose question is not known. */
  public static dev.sparring.bank.Step unasked(List<KeyPoint> keyPoints) {
    return new dev.sparring.bank.Step(0, "", keyPoints);
  }

  private Grade grade(String answer, List<KeyPoint> keyPoints, StepIndex step) {
    Text text = Text.of(answer == null ? "" : answer);
    // What the answer gets wrong comes first: a clause that states a misconception or the reverse
    // of a point is no evidence for any other point either.
    Map<KeyPoint, Found> wrong = new java.util.HashMap<>();
    boolean[] tainted = new boolean[text.size()];
    // Where other points' terms match is needed only once a claim is nearly stated: found then.
    Lazy<boolean[][]> termWords = Lazy.of(() -> termWords(text, keyPoints));
    for (int p = 0; p < keyPoints.size(); p++) {
      KeyPoint kp = keyPoints.get(p);
      int index = p;
      List<Found> found = contradiction(text, kp, step, () -> others(termWords.get(), index));
      // A misconception read from other words than its terms is too uncertain to overrule the
      // answer making the point itself elsewhere: it is then likely a case being contrasted.
      found.removeIf(f -> f.inOtherWords() && madeElsewhere(text, kp, f, step.asked()));
      if (!found.isEmpty()) {
        wrong.put(kp, found.get(0));
        found.forEach(f -> taint(text, tainted, f));
      }
    }
    // A sweeping claim the bank knows to be false, made about anything ("always cheaper"), is as
    // much a sign that the answer's vocabulary is not knowledge. The feedback quotes it; its
    // correction, written for another question, is not shown.
    Falsehoods.Stated falsehood = wrong.isEmpty() ? falsehoods.stated(text, keyPoints) : null;
    if (falsehood != null) {
      taint(text, tainted, new Found("", null, falsehood.from(), falsehood.to()));
    }
    java.util.Set<String> answerStems =
        new java.util.HashSet<>(java.util.Arrays.asList(text.stems));
    // The words that may make a point in other words: neither tainted nor denied.
    java.util.Set<String> asserted = new java.util.HashSet<>();
    boolean[] denied = Negation.deniedWords(text);
    for (int i = 0; i < text.size(); i++) {
      if (!tainted[i] && !denied[i]) {
        asserted.add(text.stems[i]);
      }
    }
    List<KeyPoint> covered = new ArrayList<>();
    List<KeyPoint> missed = new ArrayList<>();
    List<Contradiction> contradicted = new ArrayList<>();
    // Once an answer has stated something false, or is mostly about something else, its
    // vocabulary is no longer evidence of knowing: a point then needs two of its own phrases, and
    // similar wording alone credits nothing.
    boolean doubt = !wrong.isEmpty() || falsehood != null || offTopic(text, step.topic());
    // A short answer is about what it names; in a longer one a single word is no more than a
    // subject it mentions, and needs a word of its point next to it (see covered).
    boolean terse = contentStems(text).size() < TOPIC_MIN_WORDS;
    for (KeyPoint kp : keyPoints) {
      Found found = wrong.get(kp);
      if (found != null) {
        missed.add(kp);
        contradicted.add(new Contradiction(kp, found.clause(), found.correction()));
      } else if (!doubt
          ? covered(text, kp, tainted, step.asked(), 1, terse ? null : step.corroborators().get(kp))
              || paraphrased(asserted, step.evidence().get(kp))
          : covered(text, kp, tainted, step.asked(), IN_DOUBT_TERMS, null)) {
        covered.add(kp);
      } else {
        missed.add(kp);
      }
    }
    if (!doubt && meaning.ready() && !missed.isEmpty() && !asserted.isEmpty()) {
      byMeaning.credit(answer, step.anchors(), this::quantities, missed, covered, contradicted);
      covered.sort(java.util.Comparator.comparingInt(keyPoints::indexOf));
    }
    return scored(
        text,
        answerStems,
        step,
        covered,
        missed,
        contradicted,
        falsehood == null ? null : clause(text, falsehood.from(), falsehood.to()));
  }

  /**
   * Share of an answer's content words that must be the step's own (its key points', their terms'
   * and its question's) for one term to show a point: below it, the answer is about something else
   * and merely shares a word or two with the step (a good answer to a neighbouring question).
   */
  static final double TOPIC_SHARE = 0.30;

  /**
   * Content words an answer needs before it is judged by its topic share: a short answer ("A DLQ is
   * not just a bin: you replay it") is about what it names, whatever its other words.
   */
  static final int TOPIC_MIN_WORDS = 20;

  /**
   * Whether the answer has {@value #TOPIC_MIN_WORDS} content words or more, and less than {@value
   * #TOPIC_SHARE} of them are the step's own.
   */
  static boolean offTopic(Text text, Set<String> topic) {
    Set<String> words = contentStems(text);
    if (words.size() < TOPIC_MIN_WORDS) {
      return false;
    }
    long on = words.stream().filter(topic::contains).count();
    return on < TOPIC_SHARE * words.size();
  }

  /** Words that make one clause the reason for or the consequence of the next. */
  static final Set<String> CAUSAL =
      Set.of("so", "because", "since", "therefore", "thus", "hence", "meaning", "which");

  /**
   * Marks the clause (between punctuation) that holds a contradiction, and the clauses of its
   * sentence tied to it as its reason or consequence ("works across services, so sagas are
   * unnecessary"): a false conclusion taints its premise, while "a queue decouples them, and
   * retries are optional" keeps its first half.
   */
  private static void taint(Text text, boolean[] tainted, Found found) {
    int first = found.from();
    int last = found.to();
    while (first > 0
        && text.sentence[first - 1] == text.sentence[first]
        && (text.clause[first - 1] == text.clause[first]
            || causal(text, first)
            || listItem(text, first - 1))) {
      first--;
    }
    while (last + 1 < text.size()
        && text.sentence[last + 1] == text.sentence[last]
        && (text.clause[last + 1] == text.clause[last]
            || causal(text, last + 1)
            || listItem(text, last + 1))) {
      last++;
    }
    java.util.Arrays.fill(tainted, first, last + 1, true);
  }

  /** Longest run between commas read as an item of a list rather than a clause of its own. */
  static final int LIST_ITEM_WORDS = 3;

  /** Whether the clause of word {@code i} is short enough to be an item of a list ("Spiky,"). */
  private static boolean listItem(Text text, int i) {
    // A clause's words are consecutive: count outwards from i, stopping past the limit.
    int n = 1;
    for (int j = i - 1; j >= 0 && text.clause[j] == text.clause[i] && n <= LIST_ITEM_WORDS; j--) {
      n++;
    }
    for (int j = i + 1;
        j < text.size() && text.clause[j] == text.clause[i] && n <= LIST_ITEM_WORDS;
        j++) {
      n++;
    }
    return n <= LIST_ITEM_WORDS;
  }

  /**
   * Whether word {@code i} opens its clause with a causal connector, or right after a colon (what
   * follows a colon spells out what comes before it).
   */
  private static boolean causal(Text text, int i) {
    if (i > 0 && text.clause[i - 1] == text.clause[i]) {
      return false;
    }
    return CAUSAL.contains(text.words[i])
        || i > 0 && text.raw.substring(text.end[i - 1], text.begin[i]).contains(":");
  }

  /**
   * What the grader precomputes for one step's key points: per point, the claim's own distinctive
   * words (those no other point of the step uses, so restating the question is not evidence); and
   * the content words of all the step's key points (not their terms, whose everyday words any
   * on-topic chatter shares), for the relevance share.
   */
  private record StepIndex(
      Map<KeyPoint, List<String>> evidence,
      java.util.Set<String> vocabulary,
      Map<KeyPoint, java.util.Set<String>> anchors,
      Map<KeyPoint, Set<String>> corroborators,
      List<Set<String>> clauses,
      Map<KeyPoint, Set<String>> deniedElsewhere,
      Set<String> topic,
      String prompt,
      Set<String> asked) {}

  // Keyed by the identity of a step's key point list (weak keys compare by identity), one immutable
  // object for as long as its bank is in use; the index knows the prompt it was built with.
  // Made at the first grade, not with the grader: see Lazy.
  private final Lazy<com.github.benmanes.caffeine.cache.Cache<List<KeyPoint>, StepIndex>> steps =
      Lazy.of(
          () ->
              com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                  .weakKeys()
                  .maximumSize(100_000)
                  .build());

  private StepIndex index(List<KeyPoint> points, String prompt) {
    StepIndex cached = steps.get().getIfPresent(points);
    if (cached != null && cached.prompt().equals(prompt)) {
      return cached;
    }
    Set<String> asked = contentStems(Text.of(prompt));
    Map<KeyPoint, List<String>> evidence = new java.util.HashMap<>();
    java.util.Set<String> vocabulary = new java.util.HashSet<>();
    for (KeyPoint kp : points) {
      java.util.Set<String> others = new java.util.HashSet<>();
      for (KeyPoint other : points) {
        if (other != kp) {
          others.addAll(distinctive(other));
        }
      }
      evidence.put(
          kp,
          distinctive(kp).stream().filter(w -> !others.contains(w) && !asked.contains(w)).toList());
      vocabulary.addAll(distinctive(kp));
    }
    Map<KeyPoint, java.util.Set<String>> anchors = new java.util.HashMap<>();
    Map<KeyPoint, Set<String>> corroborators = new java.util.HashMap<>();
    for (KeyPoint kp : points) {
      java.util.Set<String> own = new java.util.HashSet<>(evidence.get(kp));
      // Short words of its terms ("CPU", "SQS") do not anchor meaning, but next to a one-word
      // term they show the sentence is about this point.
      Set<String> corroborating = new java.util.HashSet<>();
      for (Text t : terms(kp)) {
        for (int i = 0; i < t.size(); i++) {
          if (t.words[i].length() >= 3 && !Explanation.FUNCTION_WORDS.contains(t.words[i])) {
            (t.words[i].length() >= 4 ? own : corroborating).add(t.stems[i]);
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
      own.removeAll(asked);
      anchors.put(kp, java.util.Set.copyOf(own));
      corroborating.removeAll(shared);
      corroborating.removeAll(asked);
      corroborating.addAll(own);
      corroborators.put(kp, Set.copyOf(corroborating));
    }
    List<Set<String>> clauses = new ArrayList<>();
    for (KeyPoint kp : points) {
      clauses.addAll(Stance.clauses(Text.of(kp.point())));
    }
    Map<KeyPoint, Set<String>> deniedElsewhere = new java.util.HashMap<>();
    for (KeyPoint kp : points) {
      Set<String> denied = new java.util.HashSet<>();
      for (KeyPoint other : points) {
        if (other != kp) {
          denied.addAll(Stance.denied(Text.of(other.point()), ABSENCE));
        }
      }
      deniedElsewhere.put(kp, Set.copyOf(denied));
    }
    Set<String> topic = new java.util.HashSet<>(asked);
    for (KeyPoint kp : points) {
      topic.addAll(contentStems(Text.of(kp.point())));
      for (String term : kp.terms()) {
        topic.addAll(contentStems(Text.of(term)));
      }
    }
    StepIndex built =
        new StepIndex(
            evidence,
            java.util.Set.copyOf(vocabulary),
            anchors,
            corroborators,
            List.copyOf(clauses),
            deniedElsewhere,
            Set.copyOf(topic),
            prompt,
            asked);
    steps.get().put(points, built);
    return built;
  }

  /** Words that say something is absent: the negators, and "lacking". */
  static final Set<String> ABSENCE = absence();

  private static Set<String> absence() {
    Set<String> out = new java.util.HashSet<>(Negation.NEGATORS);
    out.addAll(Set.of("lack", "lacks", "lacking", "missing"));
    return Set.copyOf(out);
  }

  /** Whether all of a term's content words are the question's own. */
  private static boolean askedOnly(Text term, Set<String> asked) {
    if (asked.isEmpty()) {
      return false;
    }
    Set<String> words = contentStems(term);
    return !words.isEmpty() && asked.containsAll(words);
  }

  /** The stems of a text's content words: three letters or more, not function words or glue. */
  static Set<String> contentStems(Text t) {
    Set<String> out = new java.util.HashSet<>();
    for (int i = 0; i < t.size(); i++) {
      String w = t.words[i];
      if (w.length() >= 3
          && !Explanation.FUNCTION_WORDS.contains(w)
          && !TermMatch.GLUE.contains(w)) {
        out.add(t.stems[i]);
      }
    }
    return Set.copyOf(out);
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
                && !Explanation.FUNCTION_WORDS.contains(t.words[i])
                && !TermMatch.GLUE.contains(t.words[i])) {
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
            out[i] = Text.term(k.terms().get(i));
          }
          return out;
        });
  }

  /**
   * A clause of the answer that contradicts a key point, words {@code from..to}, with the
   * correction to show (null: the key point itself).
   */
  private record Found(String clause, String correction, int from, int to, boolean inOtherWords) {
    Found(String clause, String correction, int from, int to) {
      this(clause, correction, from, to, false);
    }
  }

  /**
   * The first clause that states one of the point's misconceptions, or that names the point (one of
   * its terms) and negates or dismisses it, asserts what it denies, uses the opposite of one of its
   * words, or states a time or size none of its numbers match. Null when there is none.
   */
  private List<Found> contradiction(
      Text text, KeyPoint kp, StepIndex step, Supplier<boolean[]> othersTerms) {
    List<Found> out = new ArrayList<>();
    Found misconception = misconception(text, kp, othersTerms);
    if (misconception != null) {
      out.add(misconception);
    }
    List<Quantities.Quantity> claimed = quantities(kp);
    Set<String> own = ownStems(kp);
    Set<String> asserted = assertedStems(kp);
    Set<String> denied = denied(kp);
    Text[] terms = terms(kp);
    for (int t = 0; t < terms.length; t++) {
      Text term = terms[t];
      if (term.size() == 0) {
        continue;
      }
      boolean negative = negative(kp, t);
      for (int start = 0; start < text.size(); start++) {
        int end = TermMatch.matchesAt(text, start, term, 0);
        if (end < 0) {
          continue;
        }
        int from = Negation.spanStart(text, start);
        int to = Negation.spanEnd(text, end - 1);
        boolean against =
            (!negative
                    && !deniedElsewhere(text, start, end, step.deniedElsewhere().get(kp))
                    && (Negation.negatedBefore(text, start, withFunctionWords(kp))
                        || Negation.dismissedAfter(text, end, to, asserted)
                        || Negation.dismissedWithOthers(text, end)))
                || Quantities.conflict(clause(text, from, to), claimed)
                || (!Negation.negated(text, start)
                    && (Stance.flipped(text, from, to, stance(kp, step), false, step.asked())
                        || Stance.assertsDenied(text, from, to, denied)));
        if (against && !Negation.hypothetical(text, start)) {
          out.add(new Found(clause(text, from, to), null, from, to));
        }
      }
    }
    Set<String> measured = claimed.isEmpty() ? Set.of() : measured(kp);
    for (int from = 0; from < text.size(); ) {
      int to = Negation.spanEnd(text, from);
      Set<String> ownWords = new java.util.HashSet<>();
      Set<String> measuredWords = new java.util.HashSet<>();
      for (int i = from; i <= to; i++) {
        if (own.contains(text.stems[i])) {
          ownWords.add(text.stems[i]);
        }
        if (measured.contains(text.stems[i])
            || !measured.isEmpty() && step.asked().contains(text.stems[i])) {
          measuredWords.add(text.stems[i]);
        }
      }
      boolean hypothetical = Negation.hypothetical(text, from);
      // A clause that shares a word with the point but uses the opposite of one of its words: the
      // same claim said in reverse ("synchronous invocation queues the event" against "asynchronous
      // sources queue the event"); with fewer than two shared words it must restate the point's
      // clause whole.
      boolean reversed =
          !ownWords.isEmpty()
              && Stance.flipped(
                  text, from, to, stance(kp, step), ownWords.size() < FLIP_ANCHORS, step.asked());
      // A figure that conflicts with the point's, in a clause about what the point measures (words
      // of its clause that states the figure, or of the question) though none of its terms is there
      // ("a Lambda invocation can go for 24 hours with 64 GB of memory", "the maximum timeout is 60
      // minutes"), unless another point of the step states that figure.
      boolean misfigured =
          measuredWords.size() >= MEASURED_WORDS
              && Quantities.conflict(clause(text, from, to), claimed)
              && !othersFigure(clause(text, from, to), kp, step)
              && !Negation.negated(text, from);
      if ((reversed || misfigured) && !hypothetical) {
        out.add(new Found(clause(text, from, to), null, from, to));
      }
      from = to + 1;
      while (from < text.size() && Negation.CONNECTORS.contains(text.words[from])) {
        from++;
      }
    }
    return out;
  }

  /** Per key point, the words of the answer that one of its terms matches. */
  private boolean[][] termWords(Text text, List<KeyPoint> keyPoints) {
    boolean[][] out = new boolean[keyPoints.size()][text.size()];
    for (int p = 0; p < keyPoints.size(); p++) {
      for (Text term : terms(keyPoints.get(p))) {
        if (term.size() == 0) {
          continue;
        }
        for (int start = 0; start < text.size(); start++) {
          int end = TermMatch.matchesAt(text, start, term, 0);
          if (end > start) {
            java.util.Arrays.fill(out[p], start, end, true);
          }
        }
      }
    }
    return out;
  }

  /** The words matched by a term of any key point but the one at {@code p}. */
  private static boolean[] others(boolean[][] termWords, int p) {
    boolean[] out = new boolean[termWords.length == 0 ? 0 : termWords[0].length];
    for (int q = 0; q < termWords.length; q++) {
      if (q != p) {
        for (int i = 0; i < out.length; i++) {
          out[i] |= termWords[q][i];
        }
      }
    }
    return out;
  }

  /** Whether one of the point's terms is in the answer outside the words of {@code found}. */
  private boolean madeElsewhere(Text text, KeyPoint kp, Found found, Set<String> asked) {
    boolean[] outside = new boolean[text.size()];
    java.util.Arrays.fill(outside, found.from(), found.to() + 1, true);
    return covered(text, kp, outside, asked, 1, null);
  }

  /**
   * Distinct terms of a point, in separate places, that an answer which contradicts some point must
   * use before another point counts as covered.
   */
  static final int IN_DOUBT_TERMS = 2;

  /**
   * Whether words {@code start..end-1} include one another point of the step says is absent: a
   * negation of them may be making that point ("Parameter Store has no rotation built in"), not
   * denying this one.
   */
  private static boolean deniedElsewhere(Text text, int start, int end, Set<String> denied) {
    for (int i = start; i < end; i++) {
      if (denied.contains(text.stems[i])) {
        return true;
      }
    }
    return false;
  }

  /** Words of a key point a clause shares before a reversal in it is read as about the point. */
  static final int FLIP_ANCHORS = 2;

  /**
   * Whether {@code needed} of the point's terms occur unnegated outside the tainted words, each in
   * words no other of them took, leaving out terms made only of words the question asked with. With
   * {@code corroborators}, a term of one content word counts only with one of those words elsewhere
   * in its sentence: a single word ("caching", "filter") is the point's subject at most, while the
   * point is a claim about it ("API Gateway is a CDN layer that does the caching" says nothing of
   * what the point claims about caching).
   */
  private boolean covered(
      Text text,
      KeyPoint kp,
      boolean[] tainted,
      Set<String> asked,
      int needed,
      Set<String> corroborators) {
    boolean[] taken = tainted.clone();
    int found = 0;
    Text[] terms = terms(kp);
    for (int t = 0; t < terms.length; t++) {
      Text term = terms[t];
      if (term.size() == 0 || askedOnly(term, asked)) {
        continue;
      }
      for (int start = 0; start < text.size(); start++) {
        int end = TermMatch.matchesAt(text, start, term, 0);
        if (end < 0 || Negation.negatedInClause(text, start)) {
          continue;
        }
        boolean clean = true;
        for (int i = start; i < end && clean; i++) {
          clean = !taken[i];
        }
        if (clean
            && (corroborators == null
                || standsAlone(kp)[t]
                || corroborated(text, start, end, corroborators))) {
          if (++found >= needed) {
            return true;
          }
          java.util.Arrays.fill(taken, start, end, true);
          break;
        }
      }
    }
    return false;
  }

  private final Map<KeyPoint, boolean[]> standsAlone = new ConcurrentHashMap<>();

  /**
   * Per term of the point, whether it shows the point without a corroborating word: it has {@value
   * #STANDALONE_TERM_WORDS} content words or more, or it abbreviates another of the point's terms.
   */
  private boolean[] standsAlone(KeyPoint kp) {
    return standsAlone.computeIfAbsent(
        kp,
        k -> {
          Text[] terms = terms(k);
          boolean[] out = new boolean[terms.length];
          for (int i = 0; i < terms.length; i++) {
            out[i] = contentWords(terms[i]) >= STANDALONE_TERM_WORDS || abbreviates(terms[i], k);
          }
          return out;
        });
  }

  /**
   * Whether a one-word term is the initials of another term of the point ("DLQ" of "dead letter
   * queue", "IaC" of "infrastructure as code"): it names the point as fully as that term does.
   */
  private static boolean abbreviates(Text term, KeyPoint kp) {
    if (term.size() != 1) {
      return false;
    }
    String w = term.words[0];
    for (String other : kp.terms()) {
      String[] words = other.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+");
      if (words.length < 2) {
        continue;
      }
      StringBuilder all = new StringBuilder();
      StringBuilder content = new StringBuilder();
      for (String x : words) {
        if (x.isEmpty()) {
          continue;
        }
        all.append(x.charAt(0));
        if (!TermMatch.GLUE.contains(x)) {
          content.append(x.charAt(0));
        }
      }
      if (w.equals(all.toString()) || w.equals(content.toString())) {
        return true;
      }
    }
    return false;
  }

  /** Content words a term needs to show its point alone, without a corroborating word. */
  static final int STANDALONE_TERM_WORDS = 2;

  private static int contentWords(Text term) {
    int n = 0;
    for (String w : term.words) {
      if (w.length() >= 3 && !Explanation.FUNCTION_WORDS.contains(w)) {
        n++;
      }
    }
    return n;
  }

  /** Whether the sentence of words {@code start..end-1} has one of {@code words} outside them. */
  private static boolean corroborated(Text text, int start, int end, Set<String> words) {
    for (int i = 0; i < text.size(); i++) {
      if ((i < start || i >= end)
          && text.sentence[i] == text.sentence[start]
          && words.contains(text.stems[i])) {
        return true;
      }
    }
    return false;
  }

  private final Map<KeyPoint, Stance.Point> stance = new ConcurrentHashMap<>();

  private Stance.Point stance(KeyPoint kp, StepIndex step) {
    return stance.computeIfAbsent(
        kp,
        k -> {
          Set<String> termStems = new java.util.HashSet<>();
          for (Text t : terms(k)) {
            termStems.addAll(java.util.Arrays.asList(t.stems));
          }
          return new Stance.Point(
              Stance.clauses(Text.of(k.point())), Set.copyOf(termStems), step.clauses());
        });
  }

  /** Whether the clause states a figure that another point of the step states: its business. */
  private boolean othersFigure(String clause, KeyPoint kp, StepIndex step) {
    List<Quantities.Quantity> said = Quantities.in(clause);
    for (KeyPoint other : step.evidence().keySet()) {
      if (other == kp) {
        continue;
      }
      for (Quantities.Quantity q : quantities(other)) {
        for (Quantities.Quantity s : said) {
          if (q.agrees(s)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Words of the point's clause that states a figure which a clause of the answer must share before
   * a figure of its own is read as about the same thing.
   */
  static final int MEASURED_WORDS = 3;

  private final Map<KeyPoint, Set<String>> measured = new ConcurrentHashMap<>();

  /**
   * The content stems of the point's clauses that state a time or size, less the units: what the
   * figure is about ("lambda", "invocation", "memory" for "Lambda caps an invocation at 15 minutes
   * and 10 GB of memory").
   */
  private Set<String> measured(KeyPoint kp) {
    return measured.computeIfAbsent(
        kp,
        k -> {
          Text t = Text.of(k.point());
          Set<Integer> clauses = new java.util.HashSet<>();
          for (Quantities.Quantity q : quantities(k)) {
            for (int i = 0; i < t.size(); i++) {
              if (t.begin[i] <= q.at() && q.at() < t.end[i]) {
                clauses.add(t.clause[i]);
              }
            }
          }
          Set<String> out = new java.util.HashSet<>();
          for (int i = 0; i < t.size(); i++) {
            String w = t.words[i];
            if (clauses.contains(t.clause[i])
                && w.length() >= 3
                && !Quantities.unit(w)
                && !Explanation.FUNCTION_WORDS.contains(w)
                && !TermMatch.GLUE.contains(w)
                && !w.chars().allMatch(Character::isDigit)) {
              out.add(t.stems[i]);
            }
          }
          return Set.copyOf(out);
        });
  }

  private final Map<KeyPoint, Set<String>> asserted = new ConcurrentHashMap<>();

  /**
   * The point's own stems less those it negates itself ("nothing is edited in place"), so that "it
   * cannot be edited" is not read as denying it.
   */
  private Set<String> assertedStems(KeyPoint kp) {
    return asserted.computeIfAbsent(
        kp,
        k -> {
          Text point = Text.of(k.point());
          Set<String> out = new java.util.HashSet<>(ownStems(k));
          for (int i = 0; i < point.size(); i++) {
            if (Negation.NEGATORS.contains(point.words[i])) {
              for (int j = i + 1; j < point.size() && j <= i + Negation.NEGATION_WINDOW; j++) {
                if (point.clause[j] != point.clause[i]) {
                  break;
                }
                out.remove(point.stems[j]);
              }
            }
          }
          return Set.copyOf(out);
        });
  }

  private final Map<KeyPoint, Set<String>> withFunctionWords = new ConcurrentHashMap<>();

  /**
   * {@link #assertedStems} and the point's own function words but its negators: what may stand
   * between a negator and a term for the negation to be about the point ("never after idle periods"
   * against "it happens after idle periods").
   */
  private Set<String> withFunctionWords(KeyPoint kp) {
    return withFunctionWords.computeIfAbsent(
        kp,
        k -> {
          Set<String> out = new java.util.HashSet<>(assertedStems(k));
          Text point = Text.of(k.point());
          for (int i = 0; i < point.size(); i++) {
            if (Explanation.FUNCTION_WORDS.contains(point.words[i])
                && !Negation.NEGATORS.contains(point.words[i])) {
              out.add(point.stems[i]);
            }
          }
          return Set.copyOf(out);
        });
  }

  private final Map<KeyPoint, Set<String>> denied = new ConcurrentHashMap<>();

  private Set<String> denied(KeyPoint kp) {
    return denied.computeIfAbsent(kp, k -> Stance.denied(Text.of(k.point())));
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
              out[m][i] = Text.term(terms.get(i));
            }
          }
          return out;
        });
  }

  /**
   * The first of the key point's listed misconceptions the answer states: one of its terms, not
   * negated just before ("it is not true that ... " does not count, "never" does), or else, in
   * other words, its claim (see {@link #claimed}).
   */
  private Found misconception(Text text, KeyPoint kp, Supplier<boolean[]> othersTerms) {
    for (int m = 0; m < kp.wrong().size(); m++) {
      Found found = byTerms(text, kp, m);
      if (found != null) {
        return found;
      }
    }
    return claimed(text, kp, othersTerms);
  }

  /** Where the answer states misconception {@code m} of the point by one of its terms, or null. */
  private Found byTerms(Text text, KeyPoint kp, int m) {
    for (Text term : misconceptionTerms(kp)[m]) {
      int[] at = statedAt(text, term);
      if (at != null) {
        int from = Negation.spanStart(text, at[0]);
        int to = Negation.spanEnd(text, at[1] - 1);
        return new Found(clause(text, from, to), kp.wrong().get(m).correction(), from, to);
      }
    }
    return null;
  }

  /** Where the text says what the term says, not negated and not only supposed: {start, end}. */
  static int[] statedAt(Text text, Text term) {
    return statedAt(text, term, 0, text.size() - 1);
  }

  /** As {@link #statedAt(Text, Text)}, for a match that starts at word {@code first..last}. */
  static int[] statedAt(Text text, Text term, int first, int last) {
    if (term.size() == 0) {
      return null;
    }
    for (int start = Math.max(0, first); start <= last && start < text.size(); start++) {
      int end = TermMatch.matchesAt(text, start, term, 0);
      if (end >= 0 && !Negation.negated(text, start) && !Negation.hypothetical(text, start)) {
        return new int[] {start, end};
      }
    }
    return null;
  }

  /**
   * Whether misconception {@code m} of the point is recognised in {@code text} by one of its own
   * terms (not by its claim's words): what {@code validate} asks of every misconception, so that
   * other wordings of it are caught too.
   */
  boolean statesByTerms(String text, KeyPoint kp, int m) {
    return byTerms(Text.of(text), kp, m) != null;
  }

  /** The terms of misconception {@code m} of the point, as the grader reads them. */
  Text[] misconceptionTerms(KeyPoint kp, int m) {
    return misconceptionTerms(kp)[m].clone();
  }

  /** Whether the statement says what the term says, not negated and not only supposed. */
  static boolean states(Text statement, Text term) {
    return statedAt(statement, term) != null;
  }

  private final Map<KeyPoint, List<Claims.Claim>> claims = new ConcurrentHashMap<>();

  /**
   * Misconception {@link Claims#stated stated in other words} than its terms, with words a term of
   * another point of the step matched ({@code othersTerms}) unable to make the difference.
   */
  private Found claimed(Text text, KeyPoint kp, Supplier<boolean[]> othersTerms) {
    List<Claims.Claim> all =
        claims.computeIfAbsent(
            kp, k -> k.wrong().stream().map(w -> Claims.read(w.claim())).toList());
    for (int m = 0; m < all.size(); m++) {
      int[] span = Claims.stated(text, all.get(m), ownStems(kp), othersTerms);
      if (span != null) {
        return new Found(
            clause(text, span[0], span[1]), kp.wrong().get(m).correction(), span[0], span[1], true);
      }
    }
    return null;
  }

  private final Map<KeyPoint, boolean[]> negative = new ConcurrentHashMap<>();

  /**
   * Whether the key point itself negates or dismisses what term {@code t} names, so that an
   * answer's negation of it may agree: the term occurs in the point's sentence just after a negator
   * ("instead of holding the HTTP connection open"), or, for a term the point does not use, the
   * term names what the point negates ({@link #negativeTerm}) or the point dismisses or restricts
   * something ("a DLQ is optional", "local state, which serverless restricts"), too loosely tied to
   * its words to tell what. A point that negates one thing ("without custom code") no longer
   * shields its other terms ("service integration").
   */
  private boolean negative(KeyPoint kp, int t) {
    return negative
        .computeIfAbsent(
            kp,
            k -> {
              Text point = Text.of(k.point());
              boolean dismissive = false;
              for (String w : point.words) {
                dismissive |=
                    Negation.DISMISSALS.contains(w) && !Negation.NEGATOR_DISMISSALS.contains(w)
                        || Negation.RESTRICTIONS.contains(w);
              }
              Set<String> denied = Stance.denied(point, Negation.NEGATORS);
              Text[] terms = terms(k);
              boolean[] out = new boolean[terms.length];
              for (int i = 0; i < terms.length; i++) {
                boolean found = false;
                boolean negated = false;
                for (int start = 0; start < point.size() && terms[i].size() > 0; start++) {
                  int end = TermMatch.matchesAt(point, start, terms[i], 0);
                  if (end >= 0) {
                    found = true;
                    negated |=
                        Negation.negatedInClause(point, start)
                            || Negation.dismissedAfter(
                                point, end, Negation.spanEnd(point, end - 1), ownStems(k));
                  }
                }
                out[i] = found ? negated : dismissive || negativeTerm(terms[i], denied);
              }
              return out;
            })[t];
  }

  /**
   * Whether a term the point does not use names what the point negates: it negates itself ("no glue
   * code needed") or shares a word with what follows one of the point's negators ("pay for idle"
   * against "instead of idle capacity").
   */
  private static boolean negativeTerm(Text term, Set<String> denied) {
    for (int i = 0; i < term.size(); i++) {
      if (Negation.NEGATORS.contains(term.words[i]) || denied.contains(term.stems[i])) {
        return true;
      }
    }
    return false;
  }

  private final Map<KeyPoint, List<Quantities.Quantity>> quantities = new ConcurrentHashMap<>();

  private List<Quantities.Quantity> quantities(KeyPoint kp) {
    return quantities.computeIfAbsent(kp, k -> List.copyOf(Quantities.in(k.point())));
  }

  private final Map<KeyPoint, Set<String>> ownStems = new ConcurrentHashMap<>();

  /** The stems of the key point's own sentence, for telling what a negation is about. */
  private Set<String> ownStems(KeyPoint kp) {
    return ownStems.computeIfAbsent(
        kp,
        k -> {
          Text t = Text.of(k.point());
          Set<String> out = new java.util.HashSet<>();
          for (int i = 0; i < t.size(); i++) {
            if (!Explanation.FUNCTION_WORDS.contains(t.words[i])
                && !TermMatch.GLUE.contains(t.words[i])) {
              out.add(t.stems[i]);
            }
          }
          return Set.copyOf(out);
        });
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
    return scored(text, answerStems, index(keyPoints, ""), hit, missed, against, null);
  }

  /**
   * The score formula and feedback shared by {@link #grade} and {@link #judged}; {@code falsehood}
   * is the answer's clause that states a sweeping misconception of another question, or null.
   */
  private static Grade scored(
      Text text,
      java.util.Set<String> answerStems,
      StepIndex step,
      List<KeyPoint> covered,
      List<KeyPoint> missed,
      List<Contradiction> contradicted,
      String falsehood) {
    int total = covered.size() + missed.size();
    double coverage =
        total == 0
            ? 0
            : Math.max(0, covered.size() - CONTRADICTION_COST * contradicted.size()) / total;
    double factor = Explanation.explanationFactor(text);
    // Vocabulary earns nothing in an answer that contradicts a point: its words were used wrongly.
    double relevance = contradicted.isEmpty() ? relevance(answerStems, step.vocabulary()) : 0;
    int score =
        (int)
            Math.round(
                100 * factor * ((1 - RELEVANCE_WEIGHT) * coverage + RELEVANCE_WEIGHT * relevance));
    return new Grade(
        score,
        covered,
        missed,
        Verdict.line(text, covered, missed, contradicted, factor, falsehood),
        contradicted);
  }
}
