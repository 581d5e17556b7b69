package dev.sparring.bank;

import dev.sparring.chat.Inline;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One claim a good answer makes, with the terms that show it was made (synonyms, abbreviations,
 * common misspellings; any one term counts) and the common misconceptions about it, which
 * contradict it. A claim that states a figure, a limit, a price model or a feature's availability
 * carries where it comes from: {@code ref}, a documentation URL, and {@code asOf}, the day it was
 * last checked there (both null when the point has none).
 *
 * <p>The texts stay as written, for grading and for what is stored about a point. {@code
 * fromPerson} says who wrote them: a pack file's points are the bot's own text and may use its
 * markup, while a team's suggested question was typed by a person, so messages show its texts (the
 * point, its terms, its misconceptions' corrections) as data through {@link #shown(String)}.
 */
public record KeyPoint(
    String point,
    List<String> terms,
    List<Misconception> wrong,
    String ref,
    LocalDate asOf,
    boolean fromPerson) {
  public KeyPoint {
    Objects.requireNonNull(point, "point");
    terms = List.copyOf(terms == null ? List.of() : terms);
    wrong = List.copyOf(wrong == null ? List.of() : wrong);
  }

  /** A point of a pack file: the bot's own text. */
  public KeyPoint(
      String point, List<String> terms, List<Misconception> wrong, String ref, LocalDate asOf) {
    this(point, terms, wrong, ref, asOf, false);
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

  /** The same point, its texts written by a person: shown as data, never as markup. */
  public KeyPoint asData() {
    return fromPerson ? this : new KeyPoint(point, terms, wrong, ref, asOf, true);
  }

  /** The point as a message body shows it. */
  public String shown() {
    return shown(point);
  }

  /**
   * {@code text} of this point (the point itself or cut short, one of its terms, a correction) as a
   * message body shows it: a data span when a person wrote the point, else as it is. Cut the text
   * before, never after: a span cut in half is not whole.
   */
  public String shown(String text) {
    return fromPerson ? Inline.data(text) : text;
  }
}
