package dev.sparring.chat;

import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message. {@code body} is markdown-ish: {@code **bold**}, {@code _italic_},
 * {@code `code`} and lines starting with "- " as bullets; adapters translate it (Block Kit, Discord
 * embeds, plain console text) and split it where a platform's limits demand.
 */
public record Message(String title, String body, List<Field> fields, List<Button> buttons) {

  public Message {
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    fields = List.copyOf(fields == null ? List.of() : fields);
    buttons = List.copyOf(buttons == null ? List.of() : buttons);
  }

  public static Message text(String body) {
    return new Message("", body, List.of(), List.of());
  }

  public static Message of(String title, String body) {
    return new Message(title, body, List.of(), List.of());
  }

  /** The title in the core's markdown-ish, people's text unwrapped and people by name. */
  public String titleText() {
    return Inline.unwrap(title);
  }

  /** The body in the core's markdown-ish, people's text unwrapped and people by name. */
  public String bodyText() {
    return Inline.unwrap(body);
  }

  public Message withButtons(List<Button> more) {
    return new Message(title, body, fields, more);
  }

  public Message withFields(List<Field> more) {
    return new Message(title, body, more, buttons);
  }

  /** A name/value pair shown side by side where the platform can (Discord embed fields). */
  public record Field(String name, String value, boolean inline) {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** A button; pressing it comes back as {@link Inbound.ButtonPressed} with action and value. */
  public record Button(String action, String label, String value, Style style) {
    public Button {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(label, "label");
      value = value == null ? "" : value;
      style = style == null ? Style.SECONDARY : style;
    }

    public enum Style {
      PRIMARY,
      SECONDARY,
      DANGER
    }
  }
}
