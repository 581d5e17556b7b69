package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Message;
import dev.sparring.core.Bot;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.junit.jupiter.api.Test;

/** Discord's {@code /spar} is what {@code /spar help} lists, within Discord's limits. */
class DiscordCommandsTest {

  private static Bot bot(List<Feature> features) {
    return new Bot(new MemoryStore(), MutableClock.at("2026-03-02T09:00:00Z"), features, Set.of());
  }

  /** The command names in the rendered help text: the first word after each "- `/spar ". */
  static Set<String> listedByHelp(Message help) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(?m)^- `/spar ([a-z-]+)").matcher(help.bodyText());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void everyCommandHelpListsIsASubcommandAndNothingElse() {
    Bot bot = bot(Features.all());
    SlashCommandData spar = DiscordCommands.spar(bot.topics(), TestPacks.demo());
    List<String> subcommands = spar.getSubcommands().stream().map(SubcommandData::getName).toList();
    assertThat(subcommands).containsExactlyElementsOf(listedByHelp(bot.help()));
    // The drift this replaced: Discord lacked these although help listed them.
    assertThat(subcommands).contains("deadletters", "topics", "points", "disputes", "help");
    assertThat(subcommands).hasSizeLessThanOrEqualTo(DiscordCommands.MAX_SUBCOMMANDS);
  }

  @Test
  void descriptionsComeFromTheHelpAndFitDiscord() {
    SlashCommandData spar = DiscordCommands.spar(bot(Features.all()).topics(), TestPacks.demo());
    for (SubcommandData sub : spar.getSubcommands()) {
      assertThat(sub.getDescription())
          .as(sub.getName())
          .isNotBlank()
          .hasSizeLessThanOrEqualTo(DiscordCommands.MAX_DESCRIPTION)
          .doesNotContain("`");
    }
    assertThat(description(spar, "deadletters"))
        .isEqualTo(
            "Messages to this channel the bot gave up delivering; or: retry ID | drop ID"
                + " (admins)");
    assertThat(description(spar, "season"))
        .isEqualTo("The current season and the archived ones; or: reset (admins)");
    // Too long with the first description: the forms alone.
    assertThat(description(spar, "daily"))
        .startsWith("On HH:MM ZONE [days]")
        .contains("status, skip YYYY-MM-DD, now [question-id], setup");
  }

  @Test
  void aFreeTextOptionWhereAFormTakesWordsAndTheQuestionPickersOnInterviewAndDrill() {
    SlashCommandData spar = DiscordCommands.spar(bot(Features.all()).topics(), TestPacks.demo());
    assertThat(options(spar, "daily")).containsExactly(DiscordCommands.OPTIONS);
    assertThat(options(spar, "help")).containsExactly(DiscordCommands.OPTIONS);
    assertThat(options(spar, "topics")).isEmpty();
    assertThat(options(spar, "reveal")).isEmpty();
    assertThat(options(spar, "interview"))
        .containsExactly("question", "pack", "level", DiscordCommands.OPTIONS);
    assertThat(options(spar, "drill"))
        .containsExactly("question", "pack", "level", DiscordCommands.OPTIONS);
  }

  @Test
  void pastTwentyFiveCommandsSparTakesTheWholeCommandAsFreeText() {
    List<Feature> features = new ArrayList<>(Features.all());
    int listed = bot(features).topics().size();
    features.add(new Many(DiscordCommands.MAX_SUBCOMMANDS - listed));
    assertThat(bot(features).topics()).hasSize(DiscordCommands.MAX_SUBCOMMANDS);
    assertThat(DiscordCommands.spar(bot(features).topics(), TestPacks.demo()).getSubcommands())
        .hasSize(DiscordCommands.MAX_SUBCOMMANDS);

    features.set(features.size() - 1, new Many(DiscordCommands.MAX_SUBCOMMANDS - listed + 1));
    SlashCommandData spar = DiscordCommands.spar(bot(features).topics(), TestPacks.demo());
    assertThat(spar.getSubcommands()).isEmpty();
    assertThat(spar.getSubcommandGroups()).isEmpty();
    assertThat(spar.getOptions()).hasSize(1);
    assertThat(spar.getOptions().get(0).getName()).isEqualTo(DiscordCommands.COMMAND);
    assertThat(spar.getOptions().get(0).getType()).isEqualTo(OptionType.STRING);
    // JDA accepts it as Discord would (it checks names, lengths and counts).
    assertThat(spar.toData().toString()).contains("\"name\":\"command\"");
  }

  @Test
  void theCommandLineIsTheSubcommandAndItsOptionsOrTheFreeText() {
    assertThat(DiscordCommands.text("daily", o -> null)).isEqualTo("daily");
    assertThat(DiscordCommands.text(null, o -> null)).isEqualTo("help");
  }

  private static String description(SlashCommandData spar, String name) {
    return spar.getSubcommands().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getDescription();
  }

  private static List<String> options(SlashCommandData spar, String name) {
    return spar.getSubcommands().stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getOptions()
        .stream()
        .map(o -> o.getName())
        .toList();
  }

  /** A feature with {@code count} commands, each with one help line. */
  private record Many(int count) implements Feature {
    @Override
    public Set<String> commands() {
      return new LinkedHashSet<>(IntStream.range(0, count).mapToObj(i -> "extra" + i).toList());
    }

    @Override
    public List<Help> help() {
      return IntStream.range(0, count).mapToObj(i -> Help.of("extra" + i, "extra " + i)).toList();
    }

    @Override
    public void command(Context ctx, Command command) {}
  }
}
