package dev.sparring.grading;

import java.util.List;

/**
 * How close in meaning pieces of an answer are to claims: the grader's second way to see a key
 * point made in other words than its terms. Implementations may need time to load; until {@link
 * #ready()} the grader uses terms alone.
 */
public interface Meaning {

  /** Whether {@link #similarity} can answer now without waiting. */
  boolean ready();

  /**
   * The similarity (cosine, -1 to 1) of each claim (first index) to each unit of the answer (second
   * index).
   */
  double[][] similarity(List<String> units, List<String> claims);

  /** No second way: terms alone. */
  Meaning NONE =
      new Meaning() {
        @Override
        public boolean ready() {
          return false;
        }

        @Override
        public double[][] similarity(List<String> units, List<String> claims) {
          return new double[claims.size()][units.size()];
        }
      };
}
