package dev.sparring.bank;

import java.util.List;
import java.util.Objects;

/**
 * A common wrong belief about a key point: the belief in one sentence ({@code claim}), the phrases
 * that show an answer states it ({@code terms}; any one counts unless negated), and a one-line
 * {@code correction} shown to the person who said it.
 */
public record Misconception(String claim, List<String> terms, String correction) {
  public Misconception {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(correction, "correction");
    terms = List.copyOf(terms == null ? List.of() : terms);
  }
}
