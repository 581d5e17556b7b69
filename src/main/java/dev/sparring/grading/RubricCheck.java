package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Misconception;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.bank.Step;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a bank's rubrics the way the grader reads them, beyond their shape: every misconception's
 * claim is recognised by one of its own terms, and neither a model answer made of the step's own
 * key points nor any key point's term on its own contradicts anything, so a correct answer in the
 * pack's words can never be marked wrong.
 */
public final class RubricCheck {

  private final RubricGrader grader;

  public RubricCheck(RubricGrader grader) {
    this.grader = grader;
  }

  /** One finding: where, and what is wrong. */
  public record Finding(String questionId, int step, int keyPoint, String message) {
    @Override
    public String toString() {
      return questionId
          + " step "
          + step
          + (keyPoint < 0 ? "" : " key point " + (keyPoint + 1))
          + ": "
          + message;
    }
  }

  public List<Finding> check(QuestionBank bank) {
    List<Finding> out = new ArrayList<>();
    List<KeyPoint> statements = new ArrayList<>();
    for (Question q : bank.questions()) {
      for (Step step : q.steps()) {
        check(q.id(), step, out);
        statements.addAll(step.keyPoints());
      }
    }
    Statements all = new Statements(statements);
    for (Question q : bank.questions()) {
      for (Step step : q.steps()) {
        broad(q.id(), step, all, out);
      }
    }
    return out;
  }

  /**
   * Every key point of the bank is a true statement, and so is each of its terms where it stands: a
   * misconception's term that one of them states would mark a correct answer wrong, so it is too
   * broad ("60 minutes" for "Lambda runs for up to an hour" is stated by "Logs Insights stops a
   * query after 60 minutes"; "root access", a term of what traditional servers give, is no
   * misconception about serverless). Each term is read only against the statements that have a word
   * like its longest one.
   */
  private void broad(String id, Step step, Statements statements, List<Finding> out) {
    List<KeyPoint> points = step.keyPoints();
    for (int i = 0; i < points.size(); i++) {
      KeyPoint kp = points.get(i);
      for (int w = 0; w < kp.wrong().size(); w++) {
        Text[] terms = grader.misconceptionTerms(kp, w);
        found:
        for (int t = 0; t < terms.length; t++) {
          BitSet candidates = statements.candidates(terms[t]);
          for (int s = candidates.nextSetBit(0); s >= 0; s = candidates.nextSetBit(s + 1)) {
            if (RubricGrader.states(statements.read.get(s), terms[t])) {
              out.add(
                  new Finding(
                      id,
                      step.index(),
                      i,
                      "misconception term \""
                          + kp.wrong().get(w).terms().get(t)
                          + "\" is stated by "
                          + statements.labels.get(s)
                          + "; make the term say what is false"));
              break found;
            }
          }
        }
      }
    }
  }

  /** The bank's key points and their terms read once, with the statements each stem occurs in. */
  private static final class Statements {
    final List<String> labels = new ArrayList<>();
    final List<Text> read = new ArrayList<>();
    private final Map<String, BitSet> byStem = new HashMap<>();

    /** Per longest word of a term, the statements with a word like it. */
    private final Map<String, BitSet> like = new HashMap<>();

    Statements(List<KeyPoint> points) {
      for (KeyPoint kp : points) {
        labels.add("the true key point \"" + kp.point() + "\"");
        read.add(Text.of(kp.point()));
        for (String term : kp.terms()) {
          labels.add("the term \"" + term + "\" of the true key point \"" + kp.point() + "\"");
          read.add(Text.of(term));
        }
      }
      for (int s = 0; s < read.size(); s++) {
        for (String stem : read.get(s).stems) {
          byStem.computeIfAbsent(stem, k -> new BitSet()).set(s);
        }
      }
    }

    /** The statements that have a word like the term's longest (no other can match it). */
    BitSet candidates(Text term) {
      String longest = null;
      for (int j = 0; j < term.size(); j++) {
        if (!TermMatch.SLOTS.contains(term.words[j])
            && (longest == null || term.stems[j].length() > longest.length())) {
          longest = term.stems[j];
        }
      }
      if (longest == null) {
        BitSet all = new BitSet();
        all.set(0, read.size());
        return all;
      }
      return like.computeIfAbsent(
          longest,
          l -> {
            BitSet out = new BitSet();
            byStem.forEach(
                (stem, where) -> {
                  if (TermMatch.similar(stem, l)) {
                    out.or(where);
                  }
                });
            return out;
          });
    }
  }

  private void check(String id, Step step, List<Finding> out) {
    List<KeyPoint> points = step.keyPoints();
    String model = points.stream().map(KeyPoint::point).collect(Collectors.joining(" "));
    for (Contradiction c : grader.grade(model, points).contradicted()) {
      out.add(
          new Finding(
              id,
              step.index(),
              points.indexOf(c.point()),
              "the step's own key points read as contradicting this one (\""
                  + c.said()
                  + "\"); reword the point or the misconception's terms"));
    }
    for (int i = 0; i < points.size(); i++) {
      KeyPoint kp = points.get(i);
      for (String term : kp.terms()) {
        for (Contradiction c : grader.grade(term, points).contradicted()) {
          out.add(
              new Finding(
                  id,
                  step.index(),
                  i,
                  "term \""
                      + term
                      + "\" on its own reads as contradicting key point "
                      + (points.indexOf(c.point()) + 1)
                      + "; reword the term"));
        }
      }
      for (int w = 0; w < kp.wrong().size(); w++) {
        Misconception m = kp.wrong().get(w);
        if (!grader.statesByTerms(m.claim(), kp, w)) {
          out.add(
              new Finding(
                  id,
                  step.index(),
                  i,
                  "misconception \""
                      + m.claim()
                      + "\" is not recognised in its own claim; add a term its claim contains"));
        }
      }
    }
  }
}
