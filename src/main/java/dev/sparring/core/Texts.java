package dev.sparring.core;

/** Small text helpers shared by features and adapters. */
public final class Texts {
  private Texts() {}

  /** At most {@code max} characters, ending in an ellipsis when cut. */
  public static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut) + "\u2026";
  }

  /** Levenshtein distance, for "did you mean" suggestions. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * A well-mixed, stable hash of {@code text} (String.hashCode passed through a 64-bit finalizer),
   * so ids that differ in one character land far apart: "s3-debugging-1" and "-2" are not
   * neighbours in any order built from it.
   */
  public static long spread(String text) {
    long z = text.hashCode() * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A stable pick in {@code [0, size)} for {@code key}. */
  public static int pick(String key, int size) {
    return (int) Math.floorMod(spread(key), (long) size);
  }

  /**
   * Splits {@code text} at line breaks where possible so that no chunk exceeds {@code max}
   * characters; a longer line is cut hard, never inside a surrogate pair. Blank text gives none.
   */
  public static java.util.List<String> chunks(String text, int max) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      while (line.length() > max) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        int cut = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
        out.add(line.substring(0, cut));
        line = line.substring(cut);
      }
      if (cur.length() + line.length() + 1 > max) {
        out.add(cur.toString());
        cur.setLength(0);
      }
      if (cur.length() > 0) {
        cur.append('\n');
      }
      cur.append(line);
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString());
    }
    return out;
  }
}
