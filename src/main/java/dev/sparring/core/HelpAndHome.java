package dev.sparring.core;

import dev.sparring.chat.Actor;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the bot shows of all its features together: the help text ({@code /spar help [command]}),
 * built from every feature's help lines, and a person's home view, built from every feature's
 * sections.
 */
final class HelpAndHome {

  private final FeatureCatalog catalog;

  /** The help's own lines, listed last. */
  static final List<Feature.Help> HELP_LINES =
      List.of(
          Feature.Help.of("help", "this list"),
          Feature.Help.of("help COMMAND", "only that command's lines"));

  HelpAndHome(FeatureCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Help for {@code /spar help [command]}: every line, or only the lines of one command (its first
   * word), or a pointer to the closest command when there is none by that name.
   */
  Message help(List<String> args) {
    String topic = args.isEmpty() ? "" : args.get(0).toLowerCase(Locale.ROOT);
    StringBuilder body = new StringBuilder();
    Feature owner = catalog.forCommand(topic);
    boolean alias = owner != null && owner.help().stream().noneMatch(h -> commandOf(h, topic));
    for (Feature f : catalog.all()) {
      for (Feature.Help h : f.help()) {
        // An alias ("lb") has no lines of its own: show those of the feature it belongs to.
        if (topic.isEmpty() || commandOf(h, topic) || (alias && f == owner)) {
          appendLine(body, h);
        }
      }
    }
    if (topic.isEmpty()) {
      HELP_LINES.forEach(h -> appendLine(body, h));
      return Message.of("Sparring commands", body.toString().stripTrailing());
    }
    if (body.length() == 0) {
      String guess = topic.equals("help") ? null : catalog.closest(topic);
      return Message.text(
          "No command "
              + Inline.code(topic, 40)
              + "."
              + (guess == null ? "" : " Did you mean `/spar help " + guess + "`?")
              + " `/spar help` lists them all.");
    }
    return Message.of("/spar " + topic, body.toString().strip());
  }

  /**
   * Every command {@code /spar help} lists, in its order, {@code help} last: what adapters offer as
   * the platform's command list (aliases without help lines of their own are not in it).
   */
  List<Bot.Topic> topics() {
    Map<String, List<Feature.Help>> byName = new LinkedHashMap<>();
    List<Feature.Help> lines = new ArrayList<>();
    catalog.all().forEach(f -> lines.addAll(f.help()));
    lines.addAll(HELP_LINES);
    for (Feature.Help h : lines) {
      byName.computeIfAbsent(h.usage().split(" ", 2)[0], k -> new ArrayList<>()).add(h);
    }
    return byName.entrySet().stream().map(e -> new Bot.Topic(e.getKey(), e.getValue())).toList();
  }

  private static void appendLine(StringBuilder body, Feature.Help h) {
    body.append("- `/spar ")
        .append(h.usage())
        .append("`: ")
        .append(h.description())
        .append(h.adminOnly() ? " _(admins)_" : "")
        .append('\n');
  }

  /** A person's home view: every feature's sections, in feature order. Writes nothing. */
  List<Message> home(Context ctx, TeamRef team, Actor actor) {
    List<Message> sections = new ArrayList<>();
    for (Feature f : catalog.all()) {
      sections.addAll(f.home(ctx, team, actor));
    }
    return sections;
  }

  private static boolean commandOf(Feature.Help line, String command) {
    return line.usage().split(" ", 2)[0].equals(command);
  }
}
