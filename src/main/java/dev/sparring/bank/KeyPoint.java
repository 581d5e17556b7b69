package dev.sparring.bank;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One claim a good answer makes, with the terms that show it was made (synonyms, abbreviations,
 * common misspellings; any one term counts) and the common misconceptions about it, which
 * contradict it. A claim that states a figure, a limit, a price model or a feature's availability
 * carries where it comes from: {@code ref}, a documentation URL, and {@code asOf}, the day it was
 * last checked there (both null when the point has none).
 */
public record KeyPoint(
    String point, List<String> terms, List<Misconception> wrong, String ref, LocalDate asOf) {
  public KeyPoint {
    Objects.requireNonNull(point, "point");
    terms = List.copyOf(terms == null ? List.of() : terms);
    wrong = List.copyOf(wrong == null ? List.of() : wrong);
  }

  public KeyPoint(String point, List<String> terms, List<Misconception> wrong) {
    this(point, terms, wrong, null, null);
  }

  public KeyPoint(String point, List<String> terms) {
    this(point, terms, List.of());
  }

  /** Whether the point says where it comes from. */
  public boolean sourced() {
    return ref != null;
  }
}
