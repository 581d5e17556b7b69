package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sparring.chat.Message;
import dev.sparring.core.Bot;
import dev.sparring.core.Feature;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack app manifest declares only {@code /spar}; its usage hint and description promise
 * nothing {@code /spar help} does not list, and help lists every subcommand the bot answers.
 */
class SlackManifestTest {

  private static final Path MANIFEST = Path.of("config", "slack-app-manifest.yaml");

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  private static JsonNode spar() throws Exception {
    JsonNode commands =
        new ObjectMapper(new YAMLFactory())
            .readTree(MANIFEST.toFile())
            .path("features")
            .path("slash_commands");
    assertThat(commands).as("slash commands in the manifest").hasSize(1);
    assertThat(commands.get(0).path("command").asText()).isEqualTo("/spar");
    return commands.get(0);
  }

  @Test
  void theUsageHintNamesOnlyWhatHelpLists() throws Exception {
    Map<String, List<Feature.Help>> topics =
        h.bot.topics().stream().collect(Collectors.toMap(Bot.Topic::name, Bot.Topic::lines));
    String hint = spar().path("usage_hint").asText();
    List<String> alternatives = List.of(hint.split(" \\| (?![^\\[]*\\])"));
    assertThat(alternatives).hasSizeGreaterThan(1);
    for (String alternative : alternatives) {
      String[] words = alternative.strip().split("\\s+");
      assertThat(topics).as("command %s of the usage hint", words[0]).containsKey(words[0]);
      if (words.length > 1 && words[1].matches("[a-z]+")) {
        // A literal subcommand word ("daily status") is one of that command's help forms.
        assertThat(topics.get(words[0]))
            .as(alternative)
            .anyMatch(line -> line.usage().startsWith(words[0] + " " + words[1]));
      }
    }
  }

  @Test
  void theDescriptionPromisesOnlyWhatHelpLists() throws Exception {
    Message help = h.bot.help();
    String listed = (help.titleText() + "\n" + help.bodyText()).toLowerCase(Locale.ROOT);
    String description = spar().path("description").asText().toLowerCase(Locale.ROOT);
    for (String item : description.split(",\\s*")) {
      String singular = item.strip().replaceAll("s\\b", "");
      assertThat(listed).as("'%s' of the manifest's description", item).contains(singular);
    }
  }

  @Test
  void helpListsEverySubcommandTheBotAnswers() {
    for (Feature f : Features.all()) {
      for (String name : f.commands()) {
        String said = Harness.said(h.command("ana", "help " + name));
        // An alias ("lb") shows the lines of the command it stands for.
        assertThat(said).as(name).doesNotContain("No command").contains("/spar ");
      }
    }
  }
}
