package dev.sparring.chat;

/** Small text helpers shared by features and adapters. */
public final class Texts {
  private Texts() {}

  /**
   * At most {@code max} characters, ending in an ellipsis when cut. A span of {@link Inline} that
   * the cut falls inside is closed after the ellipsis, so nothing after the clipped text is taken
   * for part of it.
   */
  public static String clip(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int cut = before(text, max - 1);
    String head = text.substring(0, cut) + "\u2026";
    if (!Inline.open(head)) {
      return head;
    }
    // One character fewer leaves room for the span's end.
    return Inline.closed(text.substring(0, before(text, cut - 1)) + "\u2026");
  }

  /** {@code cut}, or one less when it would split a surrogate pair; never below zero. */
  private static int before(String text, int cut) {
    if (cut <= 0) {
      return 0;
    }
    return Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
  }

  /**
   * A span of time the way people say it, the one format every message uses: "45 min", "5 h 30
   * min", "1 day 23 h", "12 days". Minutes are dropped once it is a day or more; under a minute
   * counts as one.
   */
  public static String duration(java.time.Duration d) {
    long minutes = Math.max(1, d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return days + (days == 1 ? " day" : " days") + (hours == 0 ? "" : " " + hours + " h");
    }
    if (hours > 0) {
      return hours + " h" + (mins == 0 ? "" : " " + mins + " min");
    }
    return mins + " min";
  }

  /** "in 1 day 23 h" from {@code now} to {@code at}, or "now" when it is due. */
  public static String until(java.time.Instant now, java.time.Instant at) {
    java.time.Duration d = java.time.Duration.between(now, at);
    return d.isNegative() || d.isZero() ? "now" : "in " + duration(d);
  }

  /**
   * The answer to a word a person typed that is none of {@code options}: {@code Unknown WHAT
   * `word`. Did you mean `/spar COMMAND guess`? USE} (the guess only when one is close).
   */
  public static String unknown(
      String what, String word, String command, java.util.Collection<String> options, String use) {
    String guess = closest(word, options);
    return "Unknown "
        + what
        + " "
        + Inline.code(word, 30)
        + "."
        + (guess == null ? "" : " Did you mean `/spar " + command + " " + guess + "`?")
        + (use.isEmpty() ? "" : " " + use);
  }

  /**
   * The candidate closest to {@code word} (case-insensitive) for a "did you mean": within two
   * edits, or one the word is a prefix of (at least two letters); null when nothing is close.
   */
  public static String closest(String word, java.util.Collection<String> candidates) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    String best = null;
    int bestDistance = 3;
    for (String candidate : candidates) {
      String c = candidate.toLowerCase(java.util.Locale.ROOT);
      int d = c.startsWith(w) && w.length() >= 2 ? 0 : distance(w, c);
      // Short words are one edit from almost anything: ask for a closer match there.
      if (d < bestDistance && (d <= 1 || Math.min(w.length(), c.length()) > 3)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /**
   * Edit distance for "did you mean" suggestions: Levenshtein, with two swapped neighbours counted
   * as one edit ("stauts" is one edit from "status", the way people mistype).
   */
  public static int distance(String a, String b) {
    int[] before = new int[b.length() + 1];
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
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], before[j - 2] + 1);
        }
      }
      int[] t = before;
      before = prev;
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
