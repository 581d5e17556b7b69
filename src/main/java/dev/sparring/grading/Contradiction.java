package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Texts;

/**
 * A key point the answer contradicts, with the clause that does: it states one of the point's
 * listed misconceptions, dismisses or negates the point's term ("a DLQ is unnecessary") or states a
 * number that conflicts with the point's ("60 minutes" against 15 minutes). {@code said} is the
 * answer's own words: text from a person. {@code correction} is the misconception's one-line
 * correction, or the key point itself.
 */
public record Contradiction(KeyPoint point, String said, String correction) {

  /** Longest excerpt of the answer quoted back. */
  static final int MAX_SAID = 120;

  public Contradiction {
    if (correction == null || correction.isBlank()) {
      correction = point.point();
    }
  }

  /** A contradiction corrected by the key point itself. */
  public Contradiction(KeyPoint point, String said) {
    this(point, said, null);
  }

  /**
   * "You said “…”; in fact …", the person's words set as data, and the correction too when a person
   * wrote the key point (it is the point or one of its misconceptions' corrections).
   */
  public String line() {
    return "You said \u201c"
        + Inline.data(Texts.clip(said, MAX_SAID))
        + "\u201d; in fact: "
        + point.shown(correction);
  }
}
