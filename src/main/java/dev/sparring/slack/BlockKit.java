package dev.sparring.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.sparring.chat.Form;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.chat.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders the core's platform-neutral messages as Block Kit. Slack's limits shape it: at most 50
 * blocks per message, 3,000 characters per section, 150 per header, 10 fields per section, and
 * action ids unique within a message. A message that does not fit becomes several.
 */
final class BlockKit {

  static final int MAX_BLOCKS = 50;
  static final int MAX_SECTION = 3000;
  static final int MAX_HEADER = 150;
  static final int MAX_FIELDS = 10;
  static final int MAX_FIELD = 2000;
  static final int MAX_FALLBACK = 3000;

  private BlockKit() {}

  /** One Slack message: its blocks and the plain-text fallback used in notifications. */
  record Rendered(List<LayoutBlock> blocks, String text) {}

  /** The message as one or more Slack messages, in order. */
  static List<Rendered> render(Message m) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!m.title().isBlank()) {
      blocks.add(
          HeaderBlock.builder()
              .text(
                  PlainTextObject.builder()
                      .text(Texts.clip(plain(m.title()), MAX_HEADER))
                      .emoji(true)
                      .build())
              .build());
    }
    for (String chunk : Texts.chunks(mrkdwn(m.body()), MAX_SECTION)) {
      blocks.add(section(chunk));
    }
    for (int i = 0; i < m.fields().size(); i += MAX_FIELDS) {
      List<TextObject> fields = new ArrayList<>();
      for (Message.Field f : m.fields().subList(i, Math.min(m.fields().size(), i + MAX_FIELDS))) {
        fields.add(
            MarkdownTextObject.builder()
                .text(
                    clipEscaped(
                        "*" + escape(plain(f.name())) + "*\n" + mrkdwn(f.value()), MAX_FIELD))
                .build());
      }
      blocks.add(SectionBlock.builder().fields(fields).build());
    }
    if (!m.buttons().isEmpty()) {
      List<BlockElement> elements = new ArrayList<>();
      for (int i = 0; i < m.buttons().size() && i < 25; i++) {
        elements.add(button(m.buttons().get(i), i));
      }
      blocks.add(ActionsBlock.builder().elements(elements).build());
    }
    if (blocks.isEmpty()) {
      blocks.add(section(" "));
    }
    List<Rendered> out = new ArrayList<>();
    String fallback = fallback(m);
    for (int i = 0; i < blocks.size(); i += MAX_BLOCKS) {
      out.add(
          new Rendered(
              List.copyOf(blocks.subList(i, Math.min(blocks.size(), i + MAX_BLOCKS))),
              i == 0 ? fallback : escape(Texts.clip(plain(m.title()), 100)) + " (continued)"));
    }
    return out;
  }

  static ButtonElement button(Message.Button b, int index) {
    ButtonElement.ButtonElementBuilder e =
        ButtonElement.builder()
            // Slack wants action ids unique within a message; the index keeps them so.
            .actionId(b.action() + "#" + index)
            .text(
                PlainTextObject.builder()
                    .text(Texts.clip(plain(b.label()), 75))
                    .emoji(true)
                    .build())
            .value(Texts.clip(b.value(), 2000));
    if (b.style() == Message.Button.Style.PRIMARY) {
      e.style("primary");
    } else if (b.style() == Message.Button.Style.DANGER) {
      e.style("danger");
    }
    return e.build();
  }

  /** The core's action name from a rendered action id ("drill.rate#2" → "drill.rate"). */
  static String action(String actionId) {
    int hash = actionId.lastIndexOf('#');
    return hash < 0 ? actionId : actionId.substring(0, hash);
  }

  /** An App Home view from the features' sections. */
  static View home(List<Message> sections) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        HeaderBlock.builder()
            .text(PlainTextObject.builder().text("Sparring").emoji(true).build())
            .build());
    for (Message m : sections) {
      if (blocks.size() + 3 > MAX_BLOCKS * 2) {
        break; // home tabs allow 100 blocks
      }
      blocks.add(DividerBlock.builder().build());
      blocks.add(section("*" + escape(plain(m.title())) + "*"));
      for (String chunk : Texts.chunks(mrkdwn(m.body()), MAX_SECTION)) {
        blocks.add(section(chunk));
      }
    }
    return View.builder().type("home").blocks(blocks).build();
  }

  /** A modal for a form; the form id is the callback id, its value the private metadata. */
  static View modal(Form form) {
    List<LayoutBlock> blocks = new ArrayList<>();
    for (Form.Input in : form.inputs()) {
      PlainTextInputElement.PlainTextInputElementBuilder element =
          PlainTextInputElement.builder()
              .actionId(in.name())
              .multiline(in.multiline())
              .initialValue(in.initial().isEmpty() ? null : in.initial());
      if (!in.placeholder().isEmpty()) {
        element.placeholder(
            PlainTextObject.builder().text(Texts.clip(in.placeholder(), 150)).build());
      }
      if (in.maxLength() > 0) {
        element.maxLength(in.maxLength());
      }
      blocks.add(
          InputBlock.builder()
              .blockId(in.name())
              .optional(!in.required())
              .label(PlainTextObject.builder().text(Texts.clip(in.label(), 2000)).build())
              .element(element.build())
              .build());
    }
    return View.builder()
        .type("modal")
        .callbackId(form.id())
        .privateMetadata(form.value())
        .title(ViewTitle.builder().type("plain_text").text(Texts.clip(form.title(), 24)).build())
        .submit(ViewSubmit.builder().type("plain_text").text(Texts.clip(form.submit(), 24)).build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  private static SectionBlock section(String text) {
    return SectionBlock.builder().text(MarkdownTextObject.builder().text(text).build()).build();
  }

  /** The notification text: title and the start of the body. */
  static String fallback(Message m) {
    // Slack parses the fallback for links and mentions too, so it is escaped like mrkdwn.
    String t = escape(plain(m.title()));
    String b = Inline.render(m.body(), FALLBACK);
    String s = t.isEmpty() ? b : b.isEmpty() ? t : t + "\n" + b;
    return clipEscaped(s.isEmpty() ? "Sparring" : s, MAX_FALLBACK);
  }

  /** Clips escaped text without cutting an entity ({@code &amp;}) or a mention in half. */
  static String clipEscaped(String s, int max) {
    String c = Texts.clip(s, max);
    if (c.length() == s.length()) {
      return c;
    }
    int amp = c.lastIndexOf('&');
    if (amp >= 0 && c.indexOf(';', amp) < 0) {
      c = c.substring(0, amp) + "\u2026";
    }
    int lt = c.lastIndexOf('<');
    if (lt >= 0 && c.indexOf('>', lt) < 0) {
      c = c.substring(0, lt) + "\u2026";
    }
    return c;
  }

  /**
   * The core's markdown-ish to Slack mrkdwn: {@code **bold**} becomes {@code *bold*}; {@code &},
   * {@code <} and {@code >} are escaped everywhere (the bot's own text never means them as markup),
   * so the only {@code <...>} Slack sees are the mentions written here.
   */
  static String mrkdwn(String text) {
    return Inline.render(text, MRKDWN);
  }

  /** Plain text (headers, labels, which Slack shows literally): spans unwrapped, names shown. */
  static String plain(String text) {
    return Inline.plain(text);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static final Pattern SLACK_ID = Pattern.compile("[UW][A-Z0-9]{1,20}");

  private static final Inline.Style MRKDWN = new SlackStyle("*");
  private static final Inline.Style FALLBACK = new SlackStyle("");

  /** Slack's text: everything escaped, the core's bold as {@code bold}, people as mentions. */
  private record SlackStyle(String bold) implements Inline.Style {
    @Override
    public String bot(String text) {
      return escape(text).replace("**", bold);
    }

    @Override
    public String data(String text, boolean inCode) {
      // A backtick from a person would close the bot's code span and let the rest run free.
      return escape(inCode ? text.replace('`', '\u02CB') : text);
    }

    @Override
    public String mention(UserRef user, String name, boolean inCode) {
      if (!inCode
          && user != null
          && user.platform() == SlackModule.PLATFORM
          && SLACK_ID.matcher(user.id()).matches()) {
        return "<@" + user.id() + ">";
      }
      return data("@" + name, inCode);
    }
  }
}
