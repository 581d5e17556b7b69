package dev.sparring.bank;

import java.util.List;
import java.util.Objects;

/**
 * One claim a good answer makes, with the terms that show it was made (synonyms, abbreviations,
 * common misspellings; any one term counts) and the common misconceptions about it, which
 * contradict it.
 */
public record KeyPoint(String point, List<String> terms, List<Misconception> wrong) {
  public KeyPoint {
    Objects.requireNonNull(point, "point");
    terms = List.copyOf(terms == null ? List.of() : terms);
    wrong = List.copyOf(wrong == null ? List.of() : wrong);
  }

  public KeyPoint(String point, List<String> terms) {
    this(point, terms, List.of());
  }
}
