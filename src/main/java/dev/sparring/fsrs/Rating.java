package dev.sparring.fsrs;

import java.util.Locale;

/** How a review went, as the person rates it: Again (forgot), Hard, Good, Easy. */
public enum Rating {
  AGAIN,
  HARD,
  GOOD,
  EASY;

  /** The grade FSRS computes with: 1 (Again) to 4 (Easy). */
  public int grade() {
    return ordinal() + 1;
  }

  /** "Again", "Hard", "Good", "Easy". */
  public String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }
}
