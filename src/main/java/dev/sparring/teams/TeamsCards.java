package dev.sparring.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.chat.Form;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.UserRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages as Adaptive Cards (schema 1.4, Teams' markdown subset): the title bold, the body as
 * wrapped text, fields as a fact set, buttons as {@code Action.Submit} that open a dialog ({@code
 * task/fetch}), files by their alt text (a bot cannot upload into a channel). People's text is
 * escaped so it shows as typed, and people are real {@code <at>} mentions. A body too long for one
 * card (Teams refuses activities over about 28 KB) is split over several.
 */
final class TeamsCards {

  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

  /** What one activity may weigh, well under Teams' ~28 KB. */
  static final int MAX_BYTES = 24_000;

  /** Body characters per card: three bytes each at worst, with room for the rest. */
  static final int MAX_BODY = 6_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TeamsCards() {}

  /** {@code message} as one or more activities, each carrying one card; buttons on the last. */
  static List<ObjectNode> render(Message message) {
    Map<String, String> people = new LinkedHashMap<>();
    String body = Inline.render(message.body(), style(people));
    String title = Inline.render(message.title(), style(people));
    List<String> chunks = chunks(body);
    List<ObjectNode> out = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      boolean first = i == 0;
      boolean last = i == chunks.size() - 1;
      ObjectNode card = card();
      ArrayNode items = card.withArray("body");
      if (first && !title.isBlank()) {
        text(items, title).put("weight", "bolder").put("size", "medium");
      }
      if (!chunks.get(i).isBlank()) {
        text(items, chunks.get(i));
      }
      if (last) {
        lastPart(message, card, items, people);
      }
      mentions(card, people, JSON.valueToTree(card).toString());
      out.add(activity(card, Inline.plain(first ? message.title() : "")));
    }
    return out;
  }

  private static void lastPart(
      Message message, ObjectNode card, ArrayNode items, Map<String, String> people) {
    if (!message.fields().isEmpty()) {
      ArrayNode facts = items.addObject().put("type", "FactSet").putArray("facts");
      for (Message.Field f : message.fields()) {
        facts
            .addObject()
            .put("title", Inline.render(f.name(), style(people)))
            .put("value", Inline.render(f.value(), style(people)));
      }
    }
    for (Message.Attachment a : message.attachments()) {
      if (!a.alt().isBlank()) {
        text(items, escape(a.alt())).put("isSubtle", true);
      }
    }
    if (!message.buttons().isEmpty()) {
      ArrayNode actions = card.putArray("actions");
      for (Message.Button b : message.buttons()) {
        ObjectNode action =
            actions.addObject().put("type", "Action.Submit").put("title", b.label());
        if (b.style() == Message.Button.Style.PRIMARY) {
          action.put("style", "positive");
        } else if (b.style() == Message.Button.Style.DANGER) {
          action.put("style", "destructive");
        }
        ObjectNode data = action.putObject("data");
        data.putObject("msteams").put("type", "task/fetch");
        data.put("sparring", "button").put("action", b.action()).put("value", b.value());
      }
    }
  }

  /** {@code form} as the card of a dialog; its submit carries the form's id, value and channel. */
  static ObjectNode formCard(Form form, String channelKey) {
    ObjectNode card = card();
    ArrayNode items = card.withArray("body");
    for (Form.Input in : form.inputs()) {
      ObjectNode input =
          items
              .addObject()
              .put("type", "Input.Text")
              .put("id", in.name())
              .put("label", in.label())
              .put("placeholder", in.placeholder())
              .put("value", in.initial())
              .put("isMultiline", in.multiline())
              .put("isRequired", in.required());
      if (in.maxLength() > 0) {
        input.put("maxLength", in.maxLength());
      }
      if (in.required()) {
        input.put("errorMessage", in.label() + " is needed");
      }
    }
    ObjectNode submit =
        card.putArray("actions")
            .addObject()
            .put("type", "Action.Submit")
            .put("title", form.submit())
            .putObject("data");
    submit.put("sparring", "form").put("form", form.id()).put("value", form.value());
    submit.put("channel", channelKey);
    return card;
  }

  /** A task module response that opens {@code form} as a dialog. */
  static ObjectNode dialog(Form form, String channelKey) {
    ObjectNode r = JSON.createObjectNode();
    ObjectNode value =
        r.putObject("task").put("type", "continue").putObject("value").put("title", form.title());
    value
        .putObject("card")
        .put("contentType", CONTENT_TYPE)
        .set("content", formCard(form, channelKey));
    return r;
  }

  /** A task module response that shows {@code text} privately to the one who acted. */
  static ObjectNode notice(String text) {
    ObjectNode r = JSON.createObjectNode();
    r.putObject("task").put("type", "message").put("value", Texts.clip(text, 1_000));
    return r;
  }

  /** The size of {@code activity} as sent. */
  static int bytes(ObjectNode activity) {
    return activity.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  private static ObjectNode card() {
    ObjectNode card = JSON.createObjectNode();
    card.put("type", "AdaptiveCard")
        .put("version", "1.4")
        .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.putArray("body");
    card.putObject("msteams").put("width", "Full");
    return card;
  }

  private static ObjectNode activity(ObjectNode card, String summary) {
    ObjectNode a = JSON.createObjectNode();
    a.put("type", "message");
    if (!summary.isBlank()) {
      a.put("summary", Texts.clip(summary, 200));
    }
    a.putArray("attachments").addObject().put("contentType", CONTENT_TYPE).set("content", card);
    return a;
  }

  private static ObjectNode text(ArrayNode items, String text) {
    return items.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
  }

  private static void mentions(ObjectNode card, Map<String, String> people, String rendered) {
    ArrayNode entities = null;
    for (Map.Entry<String, String> p : people.entrySet()) {
      String tag = "<at>" + p.getValue() + "</at>";
      if (!rendered.contains(tag)) {
        continue;
      }
      if (entities == null) {
        entities = ((ObjectNode) card.get("msteams")).putArray("entities");
      }
      ObjectNode e = entities.addObject().put("type", "mention").put("text", tag);
      e.putObject("mentioned").put("id", p.getKey()).put("name", p.getValue());
    }
  }

  /** The body cut at line ends into parts of at most {@link #MAX_BODY} characters. */
  static List<String> chunks(String body) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      while (line.length() > MAX_BODY) {
        flush(out, cur);
        out.add(line.substring(0, MAX_BODY));
        line = line.substring(MAX_BODY);
      }
      if (cur.length() + line.length() + 1 > MAX_BODY) {
        flush(out, cur);
      }
      if (cur.length() > 0) {
        cur.append('\n');
      }
      cur.append(line);
    }
    flush(out, cur);
    if (out.isEmpty()) {
      out.add("");
    }
    return out;
  }

  private static void flush(List<String> out, StringBuilder cur) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  /** People's text with everything Teams' markdown would read escaped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\*_`[]()<>#~|!{}".indexOf(c) >= 0 || (lineStart && (c == '-' || c == '+'))) {
        out.append('\\');
      }
      out.append(c);
      lineStart = c == '\n' || (lineStart && c == ' ');
    }
    return out.toString();
  }

  private static Inline.Style style(Map<String, String> people) {
    return new Inline.Style() {
      @Override
      public String bot(String text) {
        return text;
      }

      @Override
      public String data(String text, boolean inCode) {
        return escape(text);
      }

      @Override
      public String mention(UserRef user, String name, boolean inCode) {
        String shown = name.replaceAll("[<>\\\\]", "");
        if (user == null || !user.platform().equals(TeamsModule.PLATFORM) || inCode) {
          return escape(shown);
        }
        people.putIfAbsent(user.id(), shown);
        return "<at>" + people.get(user.id()) + "</at>";
      }
    };
  }

  private static final class Texts {
    static String clip(String s, int max) {
      return dev.sparring.chat.Texts.clip(s, max);
    }
  }
}
