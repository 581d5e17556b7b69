package dev.sparring.chat;

import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message. {@code body} is markdown-ish: {@code **bold**}, {@code _italic_},
 * {@code `code`} and lines starting with "- " as bullets; adapters translate it (Block Kit, Discord
 * embeds, plain console text) and split it where a platform's limits demand.
 */
public record Message(
    String title,
    String body,
    List<Field> fields,
    List<Button> buttons,
    List<Attachment> attachments) {

  public Message {
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    fields = List.copyOf(fields == null ? List.of() : fields);
    buttons = List.copyOf(buttons == null ? List.of() : buttons);
    attachments = List.copyOf(attachments == null ? List.of() : attachments);
  }

  /** A message without files. */
  public Message(String title, String body, List<Field> fields, List<Button> buttons) {
    this(title, body, fields, buttons, List.of());
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

  /**
   * Whether the message carries its own answer button: one whose action ends in {@link
   * Button#ANSWERS}. A platform that adds an answer button of its own to thread parents (Discord,
   * for servers without the Message Content intent) leaves it out then, so there is one.
   */
  public boolean takesAnswers() {
    return buttons.stream().anyMatch(b -> b.action().endsWith(Button.ANSWERS));
  }

  public Message withButtons(List<Button> more) {
    return new Message(title, body, fields, more, attachments);
  }

  public Message withFields(List<Field> more) {
    return new Message(title, body, more, buttons, attachments);
  }

  public Message withAttachments(List<Attachment> more) {
    return new Message(title, body, fields, buttons, more);
  }

  /**
   * A file sent with the message (a PNG picture, a CSV export). {@code alt} is the text shown
   * instead where the file cannot be sent (the console, a platform refusing the upload), so the
   * message still says what the file would have shown.
   */
  public record Attachment(String name, String mediaType, byte[] data, String alt) {

    /** Largest file the bot sends: below every platform's upload limit. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    public Attachment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(data, "data");
      alt = alt == null ? "" : alt;
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
        throw new IllegalArgumentException("attachment name must be a plain file name: " + name);
      }
      if (data.length > MAX_BYTES) {
        throw new IllegalArgumentException("attachment over " + MAX_BYTES + " bytes: " + name);
      }
    }

    public static Attachment png(String name, byte[] data, String alt) {
      return new Attachment(name, "image/png", data, alt);
    }

    public static Attachment csv(String name, byte[] data, String alt) {
      return new Attachment(name, "text/csv", data, alt);
    }

    public boolean image() {
      return mediaType.startsWith("image/");
    }
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

    /** The ending of a button action that opens a form for an answer ({@code daily.answer}). */
    public static final String ANSWERS = ".answer";

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
