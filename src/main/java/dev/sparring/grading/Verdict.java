package dev.sparring.grading;

import dev.sparring.bank.KeyPoint;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Texts;
import java.util.List;

/**
 * The grade's feedback in a line or two: what was covered, contradicted, or to cover next, and a
 * sweeping claim that the bank knows to be false.
 */
final class Verdict {

  private Verdict() {}

  static String line(
      Text text,
      List<KeyPoint> covered,
      List<KeyPoint> missed,
      List<Contradiction> contradicted,
      double factor,
      String falsehood) {
    if (contradicted.isEmpty() && falsehood != null) {
      // Why points made by one phrase no longer count: quoted, with no correction, which was
      // written for another question.
      return "\u2717 \u201c"
          + Inline.data(Texts.clip(falsehood, Contradiction.MAX_SAID))
          + "\u201d is a common misconception, so a key point counts only when stated in full. "
          + line(text, covered, missed, contradicted, factor, null);
    }
    int total = covered.size() + missed.size();
    if (!contradicted.isEmpty()) {
      return "\u2717 Covered "
          + covered.size()
          + " of "
          + total
          + " key points and contradicted "
          + contradicted.size()
          + ": check what you said against the facts above.";
    }
    if (covered.isEmpty()) {
      return text.size() < 4
          ? "Too short to grade: explain what you would do and why."
          : "None of the key points came up; name the mechanisms and explain the trade-offs.";
    }
    String head = "Covered " + covered.size() + " of " + total + " key points";
    if (factor < 0.8) {
      return head + ", but as a list of terms: explain how and why each one applies.";
    }
    if (missed.isEmpty()) {
      return head + ". Strong answer.";
    }
    // Cut as written, then shown: a person's point stays one whole data span.
    String next = shorten(missed.get(0).point());
    return head
        + "; also cover: "
        + missed.get(0).shown(next)
        + (next.endsWith("\u2026") ? "" : ".");
  }

  private static String shorten(String point) {
    String p = point.strip();
    if (p.endsWith(".")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.length() > 1 && Character.isLowerCase(p.charAt(1))) {
      p = Character.toLowerCase(p.charAt(0)) + p.substring(1);
    }
    return p.length() <= 100 ? p : p.substring(0, 99).strip() + "\u2026";
  }
}
