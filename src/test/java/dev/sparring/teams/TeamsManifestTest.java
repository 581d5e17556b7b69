package dev.sparring.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.core.Bot;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.Harness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Teams app manifest template in {@code config/} offers the commands {@code /spar help} lists,
 * as the bot derives them from its features, within Teams' limits.
 */
class TeamsManifestTest {

  private static final Path TEMPLATE = Path.of("config", "teams-app-manifest.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Harness h = new Harness(new MemoryStore(), Features.all());

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void theTemplatesCommandListIsTheOneDerivedFromTheFeatures() throws Exception {
    JsonNode template = JSON.readTree(TEMPLATE.toFile());
    JsonNode bot = template.path("bots").path(0);
    assertThat(bot.path("botId").asText()).isEqualTo(template.path("id").asText());
    assertThat(bot.path("commandLists")).isEqualTo(TeamsManifest.commandLists(h.bot.topics()));
    JsonNode commands = bot.path("commandLists").path(0).path("commands");
    assertThat(commands.size()).isBetween(2, TeamsManifest.MAX_COMMANDS);
    List<String> names = h.bot.topics().stream().map(Bot.Topic::name).toList();
    for (JsonNode c : commands) {
      assertThat(names).contains(c.path("title").asText());
      assertThat(c.path("description").asText().length()).isBetween(1, 128);
    }
    assertThat(commands.get(commands.size() - 1).path("title").asText()).isEqualTo("help");
    // The rest of the template is what the bot serves at /teams/manifest.json.
    assertThat(template)
        .isEqualTo(TeamsManifest.manifest(template.path("id").asText(), h.bot.topics()));
  }
}
