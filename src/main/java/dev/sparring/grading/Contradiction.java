package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import dev.sparring.core.Inline;
import dev.sparring.core.Texts;

/**
 * A key point the answer contradicts, with the clause that does: it dismisses or negates the
 * point's term ("a DLQ is unnecessary") or states a number that conflicts with the point's ("60
 * minutes" against 15 minutes). {@code said} is the answer's own words: text from a person.
 */
public record Contradiction(KeyPoint point, String said) {

  /** Longest excerpt of the answer quoted back. */
  static final int MAX_SAID = 120;

  /** "You said “…”; in fact …", the person's words set as data. */
  public String line() {
    return "You said \u201c"
        + Inline.data(Texts.clip(said, MAX_SAID))
        + "\u201d; in fact: "
        + point.point();
  }
}
