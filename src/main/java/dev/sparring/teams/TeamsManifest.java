package dev.sparring.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.chat.Texts;
import dev.sparring.core.Bot;
import dev.sparring.core.Feature;
import java.util.List;

/**
 * The bot's command list for the Teams app manifest ({@code bots[0].commandLists}), from the
 * commands {@code /spar help} lists: Teams suggests them when someone types {@code @Sparring}.
 * Teams shows at most ten per list, titles up to 32 characters, descriptions up to 128.
 */
final class TeamsManifest {

  static final int MAX_COMMANDS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private TeamsManifest() {}

  /** The command list for {@code topics}, {@code help} kept when the list must be cut. */
  static ArrayNode commandLists(List<Bot.Topic> topics) {
    ArrayNode lists = JSON.createArrayNode();
    ObjectNode list = lists.addObject();
    ArrayNode scopes = list.putArray("scopes");
    scopes.add("team").add("personal").add("groupChat");
    ArrayNode commands = list.putArray("commands");
    List<Bot.Topic> shown = topics;
    if (shown.size() > MAX_COMMANDS) {
      shown = new java.util.ArrayList<>(topics.subList(0, MAX_COMMANDS - 1));
      shown.add(topics.get(topics.size() - 1));
    }
    for (Bot.Topic t : shown) {
      String description =
          t.lines().stream()
              .filter(h -> !h.adminOnly())
              .map(Feature.Help::description)
              .findFirst()
              .orElse(t.lines().isEmpty() ? t.name() : t.lines().get(0).description());
      commands
          .addObject()
          .put("title", Texts.clip(t.name(), 32))
          .put("description", Texts.clip(description, 128));
    }
    return lists;
  }

  /** The whole manifest for app {@code appId}, as {@code config/teams-app-manifest.json} is. */
  static ObjectNode manifest(String appId, List<Bot.Topic> topics) {
    ObjectNode m = JSON.createObjectNode();
    m.put(
        "$schema",
        "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json");
    m.put("manifestVersion", "1.17").put("version", "1.0.0").put("id", appId);
    m.putObject("developer")
        .put("name", "Sparring")
        .put("websiteUrl", "https://sparring.example.com")
        .put("privacyUrl", "https://sparring.example.com/privacy")
        .put("termsOfUseUrl", "https://sparring.example.com/terms");
    m.putObject("name").put("short", "Sparring");
    m.putObject("description")
        .put("short", "Interview practice as a team habit")
        .put("full", "Mock interviews, daily questions, drills, competitions and leaderboards.");
    m.putObject("icons").put("color", "color.png").put("outline", "outline.png");
    m.put("accentColor", "#4F6BED");
    ObjectNode bot = m.putArray("bots").addObject();
    bot.put("botId", appId);
    bot.putArray("scopes").add("team").add("personal").add("groupChat");
    bot.put("supportsFiles", false).put("isNotificationOnly", false);
    bot.set("commandLists", commandLists(topics));
    m.putArray("validDomains");
    ObjectNode rsc = m.putObject("authorization").putObject("permissions");
    ArrayNode specific = rsc.putArray("resourceSpecific");
    // Answers in an interview's thread reach the bot without an @mention.
    specific.addObject().put("name", "ChannelMessage.Read.Group").put("type", "Application");
    specific.addObject().put("name", "TeamMember.Read.Group").put("type", "Application");
    return m;
  }
}
