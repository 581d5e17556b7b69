package dev.sparring.bank;

import java.util.List;
import java.util.Objects;

/**
 * One claim a good answer makes, with the terms that show it was made: synonyms, abbreviations,
 * common misspellings. Any one term counts.
 */
public record KeyPoint(String point, List<String> terms) {
  public KeyPoint {
    Objects.requireNonNull(point, "point");
    terms = List.copyOf(terms == null ? List.of() : terms);
  }
}
