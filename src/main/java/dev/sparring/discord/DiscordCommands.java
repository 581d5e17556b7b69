package dev.sparring.discord;

import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Texts;
import dev.sparring.core.Bot;
import dev.sparring.core.Feature;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * Discord's {@code /spar}, derived from the commands {@code /spar help} lists ({@link
 * Bot#topics()}): one subcommand per command, described from its help lines, with a free-text
 * {@value #OPTIONS} option where a form of it takes words. Interview and drill also get a question
 * option with autocomplete and pack and level choices. Past Discord's 25 subcommands, {@code /spar}
 * takes the whole command as one free-text {@value #COMMAND} option instead.
 */
final class DiscordCommands {

  /** Discord's limits: subcommands per command, characters in a description. */
  static final int MAX_SUBCOMMANDS = 25;

  static final int MAX_DESCRIPTION = 100;

  /** The free-text option of a subcommand: the rest of the command. */
  static final String OPTIONS = "options";

  /** The one option of {@code /spar} when it has too many commands for subcommands. */
  static final String COMMAND = "command";

  /** Options read, in this order, after the subcommand's name. */
  private static final List<String> READ = List.of("question", "pack", "level", OPTIONS);

  private static final List<String> LEVELS =
      List.of("beginner", "intermediate", "advanced", "senior");

  private DiscordCommands() {}

  /** {@code /spar} for these commands (in help order) over this bank. */
  static SlashCommandData spar(List<Bot.Topic> topics, QuestionBank bank) {
    SlashCommandData spar =
        Commands.slash("spar", "Interview practice: interviews, daily questions, drills");
    if (topics.size() > MAX_SUBCOMMANDS) {
      String names =
          topics.stream().map(Bot.Topic::name).limit(4).collect(Collectors.joining(", "));
      spar.addOption(
          OptionType.STRING,
          COMMAND,
          Texts.clip("A command, as in /spar help: " + names + ", ...", MAX_DESCRIPTION),
          false);
      return spar;
    }
    for (Bot.Topic t : topics) {
      SubcommandData sub = new SubcommandData(t.name(), describe(t));
      if (t.name().equals("interview") || t.name().equals("drill")) {
        sub.addOptions(new OptionData(OptionType.STRING, "question", "A question id", false, true));
        OptionData pack = new OptionData(OptionType.STRING, "pack", "A question pack", false);
        // Each server's own approved questions are the pack "team", next to the shared packs.
        java.util.SortedSet<String> packs = new java.util.TreeSet<>(bank.packs());
        packs.add(QuestionBank.TEAM_PACK);
        packs.stream().limit(25).forEach(p -> pack.addChoice(p, p));
        OptionData level = new OptionData(OptionType.STRING, "level", "A level", false);
        LEVELS.forEach(l -> level.addChoice(l, l));
        sub.addOptions(pack, level);
      }
      if (t.takesArguments()) {
        sub.addOption(
            OptionType.STRING, OPTIONS, "The rest of the command, as in /spar help", false);
      }
      spar.addSubcommands(sub);
    }
    return spar;
  }

  /**
   * The subcommand's description: the first help line's, and the other forms after it; only the
   * forms when that is too long. Admin-only forms say so.
   */
  static String describe(Bot.Topic t) {
    List<Feature.Help> lines = t.lines();
    boolean allAdmin = lines.stream().allMatch(Feature.Help::adminOnly);
    String suffix = allAdmin ? " (admins)" : "";
    int room = MAX_DESCRIPTION - suffix.length();
    String first = sentence(lines.get(0).description());
    String text = first;
    if (lines.size() > 1) {
      String others =
          lines.subList(1, lines.size()).stream()
              .map(h -> form(t, h) + (h.adminOnly() && !allAdmin ? " (admins)" : ""))
              .collect(Collectors.joining(", "));
      text = first + "; or: " + others;
      if (text.length() > room) {
        text =
            sentence(
                lines.stream()
                    .map(h -> form(t, h))
                    .filter(f -> !f.isEmpty())
                    .collect(Collectors.joining(", ")));
      }
    }
    return Texts.clip(text, room) + suffix;
  }

  /** The help line's usage without the command's name: "status" for "daily status". */
  private static String form(Bot.Topic t, Feature.Help h) {
    String usage = h.usage().strip();
    return usage.equals(t.name()) ? "" : usage.substring(t.name().length()).strip();
  }

  /** Plain text (Discord shows no markdown there), first letter capitalised. */
  private static String sentence(String s) {
    String plain = s.replace("`", "").strip();
    return plain.isEmpty() ? plain : Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
  }

  /**
   * The command line an interaction stands for: the subcommand and its options in order, or the
   * free-text command; {@code help} when there is neither.
   */
  static String text(String subcommand, java.util.function.Function<String, OptionMapping> option) {
    if (subcommand == null) {
      OptionMapping whole = option.apply(COMMAND);
      String typed = whole == null ? "" : whole.getAsString().strip();
      return typed.isEmpty() ? "help" : typed;
    }
    StringBuilder text = new StringBuilder(subcommand);
    for (String name : READ) {
      OptionMapping m = option.apply(name);
      if (m != null) {
        text.append(' ').append(m.getAsString());
      }
    }
    return text.toString();
  }
}
