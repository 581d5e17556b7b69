package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Misconception;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Lazy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The misconceptions of a whole bank that are false wherever they are said: those with a term that
 * makes a sweeping claim ("always cheaper", "retried forever", "no servers at all", "only work for
 * SQS queues"; a word of {@link Claims#SWEEPING}). A point's other misconception terms ("3 GB",
 * "straight to the DLQ") are false only about their own point, and are read in answers to its step
 * alone: "runs two seconds at 3 GB" is no mistake in an answer about cost.
 *
 * <p>An answer to any step that states one of them has said something false, so the grader no
 * longer takes its vocabulary as a sign that it knows (see {@link RubricGrader}). The feedback
 * quotes it as a common misconception, without the correction: that was written for another
 * question and may not fit this answer.
 */
public final class Falsehoods {

  /** No knowledge beyond the step's own misconceptions. */
  public static final Falsehoods NONE = new Falsehoods(List::of);

  /** A sweeping term of a misconception, as the grader reads it, and the point it is about. */
  private record Entry(
      KeyPoint point, Misconception wrong, Text term, String sweeping, int sweepingAt) {}

  /** Where an answer states a falsehood: words {@code from..to} (inclusive) of the answer. */
  record Stated(KeyPoint point, Misconception wrong, int from, int to) {}

  // By the stem of their sweeping word; read at the first answer graded, not with the grader: see
  // Lazy.
  private final Lazy<Map<String, List<Entry>>> entries;

  private Falsehoods(java.util.function.Supplier<List<Entry>> entries) {
    this.entries =
        Lazy.of(
            () -> {
              Map<String, List<Entry>> out = new HashMap<>();
              for (Entry e : entries.get()) {
                out.computeIfAbsent(e.sweeping(), k -> new ArrayList<>()).add(e);
              }
              out.replaceAll((k, v) -> List.copyOf(v));
              return Map.copyOf(out);
            });
  }

  /** The sweeping misconceptions of these key points. */
  public static Falsehoods of(Collection<KeyPoint> points) {
    List<KeyPoint> copy = List.copyOf(points);
    return new Falsehoods(() -> read(copy));
  }

  private static List<Entry> read(List<KeyPoint> points) {
    List<Entry> out = new ArrayList<>();
    Set<KeyPoint> seen = new HashSet<>();
    for (KeyPoint kp : points) {
      if (!seen.add(kp)) {
        continue;
      }
      for (Misconception wrong : kp.wrong()) {
        for (String term : wrong.terms()) {
          Text t = Text.term(term);
          int at = sweepingAt(t);
          if (at >= 0) {
            out.add(new Entry(kp, wrong, t, t.stems[at], at));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** The sweeping misconceptions of every key point of the bank's questions. */
  public static Falsehoods of(QuestionBank bank) {
    List<KeyPoint> points = new ArrayList<>();
    bank.questions().forEach(q -> q.steps().forEach(s -> points.addAll(s.keyPoints())));
    return of(points);
  }

  /** How many sweeping terms are known. */
  public int size() {
    return entries.get().values().stream().mapToInt(List::size).sum();
  }

  /** The index of the term's first sweeping word, or -1 when it has none. */
  private static int sweepingAt(Text term) {
    for (int i = 0; i < term.size(); i++) {
      if (Claims.SWEEPING.contains(term.words[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Most words of an answer that one word of a term before its sweeping word can take: itself or a
   * compound split in two, a pronoun's words, and the other words allowed inside a term.
   */
  private static final int WORDS_PER_TERM_WORD = TermMatch.SLOT_WORDS + TermMatch.GAP;

  /**
   * The first falsehood the text states, not negated and not only supposed, leaving out the
   * misconceptions of {@code own} (the step's points, whose misconceptions the grader reads with
   * their corrections); null when there is none. A term is looked for only where the text has its
   * sweeping word as written, not misspelt: the check runs on every answer against the whole bank.
   */
  Stated stated(Text text, Collection<KeyPoint> own) {
    Map<String, List<Entry>> all = entries.get();
    if (all.isEmpty()) {
      return null;
    }
    // Each term only where the text has its sweeping word; the step's points by their claim, so a
    // team's view of the bank or a bank loaded again is the same step.
    Set<String> mine = new HashSet<>();
    own.forEach(kp -> mine.add(kp.point()));
    for (int p = 0; p < text.size(); p++) {
      List<Entry> candidates = all.get(text.stems[p]);
      if (candidates == null) {
        continue;
      }
      for (Entry e : candidates) {
        if (mine.contains(e.point().point())) {
          continue;
        }
        int[] at =
            RubricGrader.statedAt(text, e.term(), p - e.sweepingAt() * WORDS_PER_TERM_WORD, p);
        if (at != null) {
          return new Stated(
              e.point(),
              e.wrong(),
              Negation.spanStart(text, at[0]),
              Negation.spanEnd(text, at[1] - 1));
        }
      }
    }
    return null;
  }
}
