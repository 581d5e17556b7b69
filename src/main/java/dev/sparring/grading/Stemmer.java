package dev.sparring.grading;

/**
 * A small suffix-stripping stemmer for English technical prose: enough to make "retries",
 * "retrying" and "retried" meet, cheap enough to run on every word of every answer.
 */
final class Stemmer {
  private Stemmer() {}

  static String stem(String w) {
    int n = w.length();
    if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) {
      return w;
    }
    String s = w;
    if (s.endsWith("ies") && n > 4) {
      s = s.substring(0, n - 3) + "y";
    } else if (s.endsWith("sses")) {
      s = s.substring(0, n - 2);
    } else if (s.endsWith("xes") || s.endsWith("ches") || s.endsWith("shes")) {
      s = s.substring(0, n - 2);
    } else if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us") && !s.endsWith("is")) {
      s = s.substring(0, n - 1);
    }
    s = strip(s, "ational", "ate");
    s = strip(s, "ization", "ize");
    s = strip(s, "isation", "ize");
    s = strip(s, "ation", "ate");
    s = strip(s, "ingly", "");
    s = strip(s, "edly", "");
    s = strip(s, "ing", "");
    s = strip(s, "ed", "");
    s = strip(s, "ly", "");
    s = strip(s, "ment", "");
    s = strip(s, "ness", "");
    s = strip(s, "ise", "ize");
    // Undo doubled consonants left by -ing/-ed ("mapped" -> "mapp" -> "map").
    int m = s.length();
    if (m > 3 && s.charAt(m - 1) == s.charAt(m - 2) && "bdfgmnprt".indexOf(s.charAt(m - 1)) >= 0) {
      s = s.substring(0, m - 1);
    }
    // Fold a final silent e so "cache" meets "caching".
    if (s.length() > 4 && s.endsWith("e")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String strip(String s, String suffix, String replacement) {
    if (s.endsWith(suffix) && s.length() - suffix.length() >= 3) {
      return s.substring(0, s.length() - suffix.length()) + replacement;
    }
    return s;
  }
}
