package dev.sparring.grading;

import java.util.ArrayList;
import java.util.List;

/** An answer broken into lower-case words, their stems, and sentence numbers. */
final class Text {
  final String[] words;
  final String[] stems;
  final int[] sentence;

  private Text(List<String> words, List<Integer> sentences) {
    this.words = words.toArray(String[]::new);
    this.stems = new String[this.words.length];
    this.sentence = new int[this.words.length];
    for (int i = 0; i < this.words.length; i++) {
      stems[i] = Stemmer.stem(this.words[i]);
      sentence[i] = sentences.get(i);
    }
  }

  /**
   * This text without the given words, unless that would leave nothing (or only one word of two).
   */
  Text without(java.util.Set<String> drop) {
    List<String> w = new ArrayList<>();
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (!drop.contains(words[i])) {
        w.add(words[i]);
        sent.add(sentence[i]);
      }
    }
    return w.isEmpty() || w.size() == words.length ? this : new Text(w, sent);
  }

  int size() {
    return words.length;
  }

  /** Splits on anything that is not a letter or digit; apostrophes join ("don't" -> "dont"). */
  static Text of(String raw) {
    List<String> words = new ArrayList<>();
    List<Integer> sentences = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    int sentenceNo = 0;
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c)) {
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
        sentences.add(sentenceNo);
        w.setLength(0);
      }
      if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
        // A dot inside a number or a name ("1.5", "node.js") does not end a sentence.
        boolean inside = i + 1 < n && Character.isLetterOrDigit(raw.charAt(i + 1));
        if (!inside) {
          sentenceNo++;
        }
      }
    }
    if (w.length() > 0) {
      words.add(w.toString());
      sentences.add(sentenceNo);
    }
    return new Text(words, sentences);
  }
}
