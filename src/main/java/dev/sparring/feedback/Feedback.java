package dev.sparring.feedback;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Step;
import dev.sparring.chat.Inline;
import dev.sparring.grading.Contradiction;
import dev.sparring.grading.Grade;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How grades are put into words for people: whole key points, never cut inside a sentence. The
 * renderers split a long message at line breaks (a Slack section holds 3,000 characters, a Discord
 * embed 4,096) and cut only a line longer than that, so lines are kept under {@link #MAX_LINE} by
 * breaking them between sentences, and a list that would not fit in one message drops whole lines
 * and says how many.
 */
public final class Feedback {

  /** The longest line a message keeps whole on every platform. */
  public static final int MAX_LINE = 2_800;

  /** The longest body kept in one message on every platform. */
  public static final int MAX_BODY = 3_800;

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?\u2026])\\s+");

  private Feedback() {}

  /**
   * The short verdict on one answer: "Covered 2 of 3 key points." and, on lines of their own, what
   * the answer said against a key point ("✗ You said “…”; in fact: …").
   */
  public static String verdict(Grade g) {
    int total = g.covered().size() + g.missed().size();
    StringBuilder b =
        new StringBuilder("Covered ")
            .append(g.covered().size())
            .append(" of ")
            .append(total)
            .append(total == 1 ? " key point." : " key points.");
    for (Contradiction c : g.contradicted()) {
      b.append("\n\u2717 ").append(c.line());
    }
    return b.toString();
  }

  /** The first contradiction's line, whole, or empty when the answer contradicts nothing. */
  public static String firstContradiction(Grade g) {
    return g.contradicted().isEmpty() ? "" : g.contradicted().get(0).line();
  }

  /** {@code text} split after each sentence's end (". ", "! ", "? "). */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(text.strip())) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /**
   * {@code line} as one or more lines of at most {@code max} characters, broken between sentences;
   * a single sentence longer than that is broken between words (never inside one). A person's text
   * (a span of {@link Inline}) broken across lines is closed at the end of each and goes on as data
   * on the next, so every line is whole on its own.
   */
  public static List<String> wrap(String line, int max) {
    if (line.length() <= max) {
      return List.of(line);
    }
    if (Inline.spanned(line)) {
      // Room on each line for the span's end and, on the next, its start.
      return Inline.balanced(pieces(line, Math.max(1, max - 2)));
    }
    return pieces(line, max);
  }

  private static List<String> pieces(String line, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String sentence : sentences(line)) {
      for (String piece : words(sentence, max)) {
        if (cur.length() > 0 && cur.length() + 1 + piece.length() > max) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        cur.append(cur.length() == 0 ? "" : " ").append(piece);
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  /** A sentence in pieces of at most {@code max} characters, broken at spaces where it can be. */
  private static List<String> words(String sentence, int max) {
    List<String> out = new ArrayList<>();
    String rest = sentence;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf(' ', max);
      if (cut <= 0) {
        cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
      }
      out.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }

  /**
   * {@code lines} joined, each whole: as many as fit in {@code max} characters, then "…and N more"
   * for the rest ({@code what} names them: "answers", "key points").
   */
  public static String fit(List<String> lines, int max, String what) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int left = lines.size() - i - 1;
      // Room for this line and, unless it is the last, for the note that others were left out.
      int reserve = left == 0 ? 0 : 40 + what.length();
      if (b.length() + line.length() + 1 + reserve > max) {
        int more = lines.size() - i;
        b.append("_\u2026and ").append(more).append(" more ").append(what).append("._");
        return b.toString();
      }
      b.append(line).append('\n');
    }
    return b.toString().stripTrailing();
  }

  /**
   * Where the figures in {@code points} come from: one line per distinct reference, with the day it
   * was last checked ({@code - https://… (checked 2026-11-30)}); none when no point has one.
   */
  public static List<String> sources(List<KeyPoint> points) {
    java.util.Map<String, java.time.LocalDate> checked = new java.util.LinkedHashMap<>();
    for (KeyPoint k : points) {
      if (k.ref() != null) {
        checked.merge(
            k.ref(),
            k.asOf() == null ? java.time.LocalDate.MIN : k.asOf(),
            (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<String> lines = new java.util.ArrayList<>();
    checked.forEach(
        (url, day) ->
            lines.add(
                "- "
                    + url
                    + (day.equals(java.time.LocalDate.MIN) ? "" : " (checked " + day + ")")));
    return lines;
  }

  /**
   * A short model answer for a step: its key points as one paragraph, each point a sentence. The
   * packs have no separate model answers; their key points are what a strong answer says.
   */
  public static String modelAnswer(Step step) {
    StringBuilder b = new StringBuilder();
    for (KeyPoint k : step.keyPoints()) {
      String s = k.point().strip();
      if (s.isEmpty()) {
        continue;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(k.shown(Character.toUpperCase(s.charAt(0)) + s.substring(1)));
      if (!s.matches("(?s).*[.!?\u2026]$")) {
        b.append('.');
      }
    }
    return b.toString();
  }

  /**
   * {@code paragraph} cut after its last whole sentence within {@code max} characters, with a note
   * when anything was left out; whole when it fits. A person's text cut after one of its sentences
   * is closed before the note.
   */
  public static String shortened(String paragraph, int max, String note) {
    if (paragraph.length() <= max) {
      return paragraph;
    }
    StringBuilder b = new StringBuilder();
    // Room for the note, the space before it and, when a person's text may be cut, the span's end.
    int room = max - note.length() - (Inline.spanned(paragraph) ? 2 : 1);
    for (String s : sentences(paragraph)) {
      if (b.length() + s.length() + 1 > room) {
        break;
      }
      b.append(b.length() == 0 ? "" : " ").append(s);
    }
    return (b.length() == 0 ? "" : Inline.closed(b.toString()) + " ") + note;
  }
}
