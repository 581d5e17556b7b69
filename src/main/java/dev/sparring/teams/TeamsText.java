package dev.sparring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text of a Teams message as the core reads it: the bot's own mention removed, other people's
 * mentions as {@code <@29:...>} (the syntax {@link TeamsModule#mentions()} parses), HTML tags gone
 * and entities decoded, a leading {@code /spar} or {@code spar} dropped from commands.
 */
final class TeamsText {

  /** A person named in a command, after {@link #of}. */
  static final Pattern MENTION = Pattern.compile("<@(29:[A-Za-z0-9_.:-]{1,200})>");

  private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>");

  private TeamsText() {}

  /** Whether {@code activity} mentions the bot (its recipient). */
  static boolean mentionsBot(JsonNode activity) {
    String bot = activity.path("recipient").path("id").asText("");
    for (JsonNode e : activity.path("entities")) {
      if ("mention".equals(e.path("type").asText())
          && bot.equals(e.path("mentioned").path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  /** The readable text of {@code activity}. */
  static String of(JsonNode activity) {
    String text = activity.path("text").asText("");
    String bot = activity.path("recipient").path("id").asText("");
    List<String> ids = new ArrayList<>();
    for (JsonNode e : activity.path("entities")) {
      String shown = e.path("text").asText("");
      if (!"mention".equals(e.path("type").asText()) || shown.isEmpty()) {
        continue;
      }
      String id = e.path("mentioned").path("id").asText("");
      String mark =
          bot.equals(id) || !MENTION.matcher("<@" + id + ">").matches() ? "" : token(ids, id);
      text = text.replace(shown, mark);
    }
    text = BREAK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = decode(text);
    for (int i = 0; i < ids.size(); i++) {
      text = text.replace(placeholder(i), "<@" + ids.get(i) + ">");
    }
    return text.strip();
  }

  /** A command's text without a leading {@code /spar} or {@code spar}. */
  static String command(String text) {
    return text.replaceFirst("(?i)^/?spar(\\s+|$)", "").strip();
  }

  private static String token(List<String> ids, String id) {
    ids.add(id);
    return placeholder(ids.size() - 1);
  }

  private static String placeholder(int i) {
    return "\u0000m" + i + "\u0000";
  }

  private static String decode(String s) {
    return s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
