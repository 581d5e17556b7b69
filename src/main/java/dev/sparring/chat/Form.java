package dev.sparring.chat;

import java.util.List;
import java.util.Objects;

/**
 * A small form the bot asks the user to fill in (a Slack modal, a Discord modal). It answers the
 * user's own action, so like an ephemeral it is returned, not stored; its submission comes back as
 * {@link Inbound.ModalSubmitted} with {@code modal = id} and {@code value = value}.
 */
public record Form(String id, String title, String submit, String value, List<Input> inputs) {

  public Form {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    submit = submit == null ? "Submit" : submit;
    value = value == null ? "" : value;
    inputs = List.copyOf(inputs);
  }

  /** One text field; a platform refuses the form while a {@code required} field is empty. */
  public record Input(
      String name,
      String label,
      String placeholder,
      String initial,
      boolean multiline,
      int maxLength,
      boolean required) {
    public Input {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(label, "label");
      placeholder = placeholder == null ? "" : placeholder;
      initial = initial == null ? "" : initial;
    }

    /** A field that must be filled in. */
    public Input(
        String name,
        String label,
        String placeholder,
        String initial,
        boolean multiline,
        int maxLength) {
      this(name, label, placeholder, initial, multiline, maxLength, true);
    }
  }
}
