package dev.sparring.discord;

import dev.sparring.chat.Fallback;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Texts;
import dev.sparring.chat.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders the core's messages as Discord embeds and buttons within Discord's limits: 256-character
 * titles, 4,096-character descriptions, 25 fields of 1,024 characters, 6,000 characters per
 * message, five buttons per row and five rows, 100-character custom ids. A message that does not
 * fit becomes several, in order, with the buttons on the last and the files on the first.
 */
final class DiscordRender {

  static final int MAX_TITLE = 256;
  static final int MAX_DESCRIPTION = 4096;
  static final int MAX_FIELDS = 25;
  static final int MAX_FIELD_NAME = 256;
  static final int MAX_FIELD_VALUE = 1024;
  static final int MAX_TOTAL = 6000;
  static final int MAX_BUTTONS = 25;
  static final int MAX_CUSTOM_ID = 100;

  /** Room left for the title in a message's 6,000 characters. */
  private static final int CHUNK = MAX_DESCRIPTION - 96;

  private DiscordRender() {}

  /** A button's custom id: the core's action and value, or null if they do not fit. */
  static String customId(Message.Button b) {
    String id = b.action() + "|" + b.value();
    return id.length() <= MAX_CUSTOM_ID ? id : null;
  }

  static List<MessageCreateData> render(Message m, List<Button> extra) {
    List<EmbedBuilder> embeds = new ArrayList<>();
    String title = Texts.clip(title(m.title()), MAX_TITLE);
    List<String> chunks = Texts.chunks(markdown(m.body()), CHUNK);
    if (chunks.isEmpty()) {
      chunks = List.of("");
    }
    for (int i = 0; i < chunks.size(); i++) {
      EmbedBuilder e = new EmbedBuilder();
      String t = i == 0 ? title : Texts.clip(title + " (continued)", MAX_TITLE);
      if (!t.isBlank()) {
        e.setTitle(t);
      }
      if (!chunks.get(i).isEmpty()) {
        e.setDescription(chunks.get(i));
      }
      embeds.add(e);
    }
    for (Message.Field f : m.fields()) {
      EmbedBuilder last = embeds.get(embeds.size() - 1);
      String name = Texts.clip(title(f.name()), MAX_FIELD_NAME);
      String value =
          Texts.clip(f.value().isBlank() ? "\u200b" : markdown(f.value()), MAX_FIELD_VALUE);
      if (last.getFields().size() >= MAX_FIELDS
          || last.length() + name.length() + value.length() > MAX_TOTAL) {
        last = new EmbedBuilder().setTitle(Texts.clip(title + " (continued)", MAX_TITLE));
        embeds.add(last);
      }
      last.addField(name, value, f.inline());
    }
    List<Button> buttons = new ArrayList<>();
    for (Message.Button b : m.buttons()) {
      String id = customId(b);
      if (id == null) {
        continue;
      }
      String label = Texts.clip(plain(b.label()), 80);
      buttons.add(
          switch (b.style()) {
            case PRIMARY -> Button.primary(id, label);
            case DANGER -> Button.danger(id, label);
            default -> Button.secondary(id, label);
          });
    }
    buttons.addAll(extra);
    List<MessageCreateData> out = new ArrayList<>();
    for (int i = 0; i < embeds.size(); i++) {
      MessageCreateBuilder b = new MessageCreateBuilder().setEmbeds(embeds.get(i).build());
      if (i == embeds.size() - 1 && !buttons.isEmpty()) {
        List<ActionRow> rows = new ArrayList<>();
        List<Button> capped = buttons.subList(0, Math.min(MAX_BUTTONS, buttons.size()));
        for (int r = 0; r < capped.size(); r += 5) {
          rows.add(ActionRow.of(capped.subList(r, Math.min(capped.size(), r + 5))));
        }
        b.setComponents(rows);
      }
      out.add(b.build());
    }
    return out;
  }

  /**
   * The message with its files attached to the first part, whose embed shows the first picture
   * ({@code attachment://NAME}) so the picture sits inside the card.
   */
  static List<MessageCreateData> withFiles(Message m, List<Button> extra) {
    List<MessageCreateData> parts = new ArrayList<>(render(m, extra));
    if (m.attachments().isEmpty()) {
      return parts;
    }
    MessageCreateData first = parts.get(0);
    MessageCreateBuilder b = MessageCreateBuilder.from(first);
    m.attachments().stream()
        .filter(Message.Attachment::image)
        .findFirst()
        .ifPresent(
            picture -> {
              List<MessageEmbed> embeds = new ArrayList<>(first.getEmbeds());
              embeds.set(
                  0,
                  new EmbedBuilder(embeds.get(0))
                      .setImage("attachment://" + picture.name())
                      .build());
              b.setEmbeds(embeds);
            });
    for (Message.Attachment a : m.attachments()) {
      b.addFiles(FileUpload.fromData(a.data(), a.name()));
    }
    parts.set(0, b.build());
    return parts;
  }

  /** The message without its files, each said by its alt text instead. */
  static List<MessageCreateData> textOnly(Message m, List<Button> extra) {
    return render(Fallback.textOnly(m), extra);
  }

  static MessageEmbed single(Message m) {
    return render(m, List.of()).get(0).getEmbeds().get(0);
  }

  /** Plain text (thread names, button labels, which Discord shows literally). */
  static String plain(String s) {
    return Inline.plain(s);
  }

  /**
   * The core's markdown-ish as Discord markdown: the bot's text as it is, text from people with
   * every markdown character escaped and mentions of roles, channels and everyone defused, people
   * as {@code <@id>} (which never pings: allowed mentions are set per request).
   */
  static String markdown(String s) {
    return Inline.render(s, STYLE);
  }

  /** Titles and field names: Discord shows no mentions there, so people go by name. */
  static String title(String s) {
    return Inline.render(s, TITLE).replace("**", "");
  }

  private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|>\\[\\]()#<-])");
  private static final Pattern BROADCAST =
      Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SNOWFLAKE = Pattern.compile("\\d{5,25}");

  private static final Inline.Style STYLE = new DiscordStyle(true);
  private static final Inline.Style TITLE = new DiscordStyle(false);

  /** Discord's markdown; {@code mentions} false where Discord would show {@code <@id>} raw. */
  private record DiscordStyle(boolean mentions) implements Inline.Style {
    @Override
    public String bot(String text) {
      return text;
    }

    @Override
    public String data(String text, boolean inCode) {
      if (inCode) {
        // In a code span nothing is parsed; only a backtick could close it early.
        return text.replace('`', '\u02CB');
      }
      String t = MARKDOWN.matcher(text).replaceAll("\\\\$1");
      // Allowed mentions already stop the ping; the escape stops the highlight too.
      return BROADCAST.matcher(t).replaceAll("\\\\@$1");
    }

    @Override
    public String mention(UserRef user, String name, boolean inCode) {
      if (mentions
          && !inCode
          && user != null
          && user.platform() == DiscordModule.PLATFORM
          && SNOWFLAKE.matcher(user.id()).matches()) {
        return "<@" + user.id() + ">";
      }
      return data("@" + name, inCode);
    }
  }
}
