package dev.sparring.grading;

import java.util.Set;

/** How much an answer explains rather than lists: the share of connecting words in it. */
final class Explanation {

  private Explanation() {}

  static final Set<String> FUNCTION_WORDS =
      Set.of(
          "the", "a", "an", "is", "are", "was", "be", "been", "to", "of", "and", "or", "but",
          "because", "so", "which", "that", "this", "these", "it", "its", "when", "if", "then",
          "you", "we", "i", "they", "with", "for", "by", "in", "on", "at", "as", "can", "will",
          "would", "should", "could", "do", "does", "not", "than", "each", "every", "per", "since",
          "while", "until", "how", "why", "what", "where", "into", "from", "there", "their", "them",
          "our", "your", "my", "one", "more", "less", "also", "only", "all", "use", "using", "used",
          "make", "makes", "let", "lets", "avoid", "keep", "need", "needs", "have", "has", "get",
          "gets", "means", "way", "after", "before", "through");

  /** Credit for a bare list of terms, as a share of the credit for explaining them. */
  static final double FLOOR = 0.3;

  /** How fast connecting words (because, so, which, the) earn back full credit. */
  static final double SLOPE = 2.2;

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
}
