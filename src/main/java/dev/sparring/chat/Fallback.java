package dev.sparring.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * What a message says instead of its files where they cannot go: each file's alt text, appended to
 * the body as people's text (it names people), so nothing the picture showed is lost.
 */
public final class Fallback {

  private Fallback() {}

  /** A file in one line of text: {@code [picture board.png — alt]} (or {@code [file ...]}). */
  public static String line(Message.Attachment a) {
    String alt = Inline.name(a.alt(), 1000);
    return "["
        + (a.image() ? "picture " : "file ")
        + a.name()
        + (alt.isEmpty() ? "" : " \u2014 " + alt)
        + "]";
  }

  /** {@code m} without the files {@code dropped}, their alt texts appended to its body. */
  public static Message without(Message m, List<Message.Attachment> dropped) {
    if (dropped.isEmpty()) {
      return m;
    }
    List<Message.Attachment> kept = new ArrayList<>(m.attachments());
    kept.removeAll(dropped);
    StringBuilder body = new StringBuilder(m.body());
    for (Message.Attachment a : dropped) {
      if (a.alt().isBlank()) {
        continue;
      }
      body.append(body.length() == 0 ? "" : "\n\n")
          .append('_')
          .append(Inline.data(Inline.name(a.alt(), 1000)))
          .append('_');
    }
    return new Message(m.title(), body.toString(), m.fields(), m.buttons(), kept);
  }

  /** {@code m} with every file replaced by its alt text. */
  public static Message textOnly(Message m) {
    return without(m, m.attachments());
  }
}
