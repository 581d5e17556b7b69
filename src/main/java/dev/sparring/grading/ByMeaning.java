package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The grader's second way to see a key point made: a sentence or clause of the answer close to the
 * claim in meaning (see {@link Meaning}), anchored to the point's own words.
 */
final class ByMeaning {

  /**
   * Similarity in meaning (cosine of sentence embeddings) at which a clause of the answer makes a
   * key point in other words. Chosen on half of the evaluation set and checked on the other half
   * (recall 0.86 and 0.83 there at unchanged precision).
   */
  static final double MEANING_THRESHOLD = 0.55;

  private final Meaning meaning;

  ByMeaning(Meaning meaning) {
    this.meaning = meaning;
  }

  /**
   * Moves the missed, uncontradicted key points that a sentence or clause of the answer states in
   * other words (by {@link Meaning}) to the covered ones. Similarity is not agreement: when the
   * most similar unit states a figure that conflicts with the point's, it contradicts the point.
   */
  void credit(
      String answer,
      Map<KeyPoint, Set<String>> anchors,
      Function<KeyPoint, List<Quantities.Quantity>> quantities,
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
    List<String> units = new ArrayList<>();
    List<Set<String>> stems = new ArrayList<>();
    for (String unit : Units.units(answer)) {
      Set<String> words = new java.util.HashSet<>(java.util.Arrays.asList(Text.of(unit).stems));
      if (open.stream().anyMatch(kp -> anchored(words, anchors.get(kp)))) {
        units.add(unit);
        stems.add(words);
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
        if (!anchored(stems.get(u), anchors.get(kp))) {
          continue;
        }
        String unit = units.get(u);
        if (Quantities.conflict(unit, quantities.apply(kp))) {
          against.add(new Contradiction(kp, unit)); // stays among the missed points
        } else {
          missed.remove(kp);
          covered.add(kp);
        }
        break;
      }
    }
  }

  /**
   * Whether the unit shares a word with what only this key point of the step says (its own
   * distinctive words and its terms' words): on-topic prose about the subject in general is similar
   * to every point but anchored to none.
   */
  static boolean anchored(Set<String> unitStems, Set<String> anchors) {
    for (String stem : unitStems) {
      if (anchors.contains(stem)) {
        return true;
      }
    }
    return false;
  }
}
