package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;

/**
 * A key point the answer contradicts, with the clause that does: it dismisses or negates the
 * point's term ("a DLQ is unnecessary") or states a number that conflicts with the point's ("60
 * minutes" against 15 minutes). {@code said} is the answer's own words: text from a person.
 */
public record Contradiction(KeyPoint point, String said) {}
