package dev.sparring.feedback;

import dev.sparring.bank.KeyPoint;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Context;
import dev.sparring.core.Json;
import dev.sparring.store.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hints that reveal more with each press: first the step's hint (when it has one), then for each
 * key point in turn its topic (its first two terms) and then the whole point, until all are shown.
 * How far a person has got on a step is a document named after the conversation, step and person,
 * so it survives restarts and goes with the person's other data when they are erased.
 */
public final class Hints {

  static final String KIND = "hint.level";

  private Hints() {}

  /** How many hints of a step a person has seen. */
  record Seen(int shown) {}

  /**
   * The next hint for {@code who} on {@code step} of conversation {@code conversationId} (of team
   * {@code team}), remembered as seen. Pressing costs nothing.
   */
  public static String next(
      Context ctx,
      String team,
      String conversationId,
      int step,
      UserRef who,
      String hint,
      List<KeyPoint> points) {
    List<String> levels = levels(hint, points);
    String id = conversationId + "#" + step + "#" + who.key();
    Optional<Document> doc = ctx.tx().documents().get(KIND, id);
    int shown = doc.map(d -> Json.read(d.body(), Seen.class).shown()).orElse(0);
    if (shown >= levels.size()) {
      return "No more hints: you have seen all "
          + points.size()
          + (points.size() == 1 ? " key point" : " key points")
          + " of this step.";
    }
    ctx.tx()
        .documents()
        .put(Document.saved(doc, KIND, id, team, Json.write(new Seen(shown + 1)), null));
    return "Hint: "
        + levels.get(shown)
        + (shown == 0 ? "" : " _(" + (shown + 1) + " of " + levels.size() + ")_");
  }

  /** Every hint of a step, in the order they are revealed. */
  static List<String> levels(String hint, List<KeyPoint> points) {
    List<String> out = new ArrayList<>();
    if (hint != null && !hint.isBlank()) {
      out.add(hint.strip());
    }
    for (int i = 0; i < points.size(); i++) {
      KeyPoint k = points.get(i);
      String of = "key point " + (i + 1) + " of " + points.size();
      List<String> terms = k.terms().stream().filter(t -> !t.isBlank()).limit(2).toList();
      if (!terms.isEmpty()) {
        out.add(
            of
                + " is about "
                + String.join(
                    " and ",
                    terms.stream().map(t -> "\u201c" + k.shown(t.strip()) + "\u201d").toList())
                + ".");
      }
      out.add(of + ": " + k.shown());
    }
    return out;
  }
}
