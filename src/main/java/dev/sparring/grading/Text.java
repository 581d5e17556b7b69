package dev.sparring.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer broken into lower-case words, their stems, sentence and clause numbers, and where each
 * word starts and ends in the raw text.
 */
final class Text {
  final String raw;
  final String[] words;
  final String[] stems;
  final int[] sentence;

  /** Clauses split sentences further at commas, colons, brackets and dashes. */
  final int[] clause;

  final int[] begin;
  final int[] end;

  private Text(String raw, List<String> words, List<int[]> marks) {
    this.raw = raw;
    this.words = words.toArray(String[]::new);
    int n = this.words.length;
    this.stems = new String[n];
    this.sentence = new int[n];
    this.clause = new int[n];
    this.begin = new int[n];
    this.end = new int[n];
    for (int i = 0; i < n; i++) {
      stems[i] = Stemmer.stem(this.words[i]);
      int[] m = marks.get(i);
      sentence[i] = m[0];
      clause[i] = m[1];
      begin[i] = m[2];
      end[i] = m[3];
    }
  }

  /**
   * This text without the given words, unless that would leave nothing (or only one word of two).
   */
  Text without(java.util.Set<String> drop) {
    List<String> w = new ArrayList<>();
    List<int[]> marks = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (!drop.contains(words[i])) {
        w.add(words[i]);
        marks.add(new int[] {sentence[i], clause[i], begin[i], end[i]});
      }
    }
    return w.isEmpty() || w.size() == words.length ? this : new Text(raw, w, marks);
  }

  int size() {
    return words.length;
  }

  /**
   * A term (of a key point or a misconception) as the grader matches it: without the glue words
   * answers phrase differently ({@link TermMatch#GLUE}).
   */
  static Text term(String term) {
    return of(term).without(TermMatch.GLUE);
  }

  /** Splits on anything that is not a letter or digit; apostrophes join ("don't" -> "dont"). */
  static Text of(String raw) {
    List<String> words = new ArrayList<>();
    List<int[]> marks = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    int sentenceNo = 0;
    int clauseNo = 0;
    int wordStart = 0;
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (w.length() == 0) {
          wordStart = i;
        }
        w.append(Character.toLowerCase(c));
        continue;
      }
      if ((c == '\'' || c == '\u2019')
          && w.length() > 0
          && i + 1 < n
          && Character.isLetter(raw.charAt(i + 1))) {
        continue;
      }
      if (w.length() > 0) {
        words.add(w.toString());
        marks.add(new int[] {sentenceNo, clauseNo, wordStart, i});
        w.setLength(0);
      }
      boolean inside = i + 1 < n && Character.isLetterOrDigit(raw.charAt(i + 1));
      if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
        // A dot inside a number or a name ("1.5", "node.js") does not end a sentence.
        if (!inside) {
          sentenceNo++;
          clauseNo++;
        }
      } else if (c == ',' || c == ':' || c == '(' || c == ')' || c == '\u2013' || c == '\u2014') {
        // A comma inside a number ("10,240") does not end a clause.
        boolean digits = i > 0 && Character.isDigit(raw.charAt(i - 1)) && inside;
        if (!digits) {
          clauseNo++;
        }
      }
    }
    if (w.length() > 0) {
      words.add(w.toString());
      marks.add(new int[] {sentenceNo, clauseNo, wordStart, n});
    }
    return new Text(raw, words, marks);
  }
}
