package dev.sparring.bank;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How hard a question is. */
public enum Level {
  BEGINNER,
  INTERMEDIATE,
  ADVANCED,
  SENIOR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "beginner", "intermediate", ... in order. */
  public static java.util.List<String> labels() {
    return Arrays.stream(values()).map(Level::label).toList();
  }

  public static Optional<Level> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(l -> l.label().equals(wanted)).findFirst();
  }

  /** The minimum number of key points a question of this level must have. */
  public int minKeyPoints() {
    return this == SENIOR ? 6 : 4;
  }

  /** The minimum number of follow-ups a question of this level must have. */
  public int minFollowUps() {
    return this == SENIOR ? 3 : 2;
  }
}
