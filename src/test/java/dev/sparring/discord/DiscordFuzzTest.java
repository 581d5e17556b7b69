package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sparring.core.Bot;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated gateway dispatches (interactions with odd data, messages of 100,000
 * characters, unknown event types) through the Discord stand-in: the bot stays connected and still
 * answers a real command afterwards.
 */
class DiscordFuzzTest {

  private final Random random = new Random(6);

  private String text(int max) {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(max + 1); i > 0; i--) {
      b.append((char) (random.nextInt(5) == 0 ? random.nextInt(0x2000) : 'a' + random.nextInt(26)));
    }
    return b.toString();
  }

  @Test
  void oddDispatchesDoNotTakeTheBotDown() throws Exception {
    MemoryStore store = new MemoryStore();
    try (DiscordStandIn discord = new DiscordStandIn()) {
      Bot bot = new Bot(store, MutableClock.at("2026-03-02T09:00:00Z"), Features.all(), Set.of());
      try (DiscordAdapter adapter =
          new DiscordAdapter(
                  new DiscordSettings(
                      "t", discord.apiUrl(), discord.gatewayUrl(), true, false, Set.of()),
                  bot,
                  TestPacks.demo())
              .awaitReady(30)) {
        for (int i = 0; i < 400; i++) {
          switch (random.nextInt(4)) {
            case 0 -> {
              Map<String, Object> m =
                  new LinkedHashMap<>(
                      DiscordStandIn.message(discord.nextId(), DiscordStandIn.CHANNEL, null));
              m.put(
                  "author",
                  DiscordStandIn.author(
                      "70000000000000" + (1000 + random.nextInt(9000)), "u", random.nextBoolean()));
              m.put("content", random.nextInt(10) == 0 ? "x".repeat(100_000) : text(200));
              m.put("guild_id", DiscordStandIn.GUILD);
              discord.dispatch("MESSAGE_CREATE", m);
            }
            case 1 -> {
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("id", "1");
              data.put("name", random.nextBoolean() ? "spar" : text(8));
              data.put("type", 1);
              List<Object> options = new ArrayList<>();
              options.add(
                  Map.of(
                      "type",
                      1,
                      "name",
                      random.nextBoolean() ? "interview" : text(6),
                      "options",
                      List.of(Map.of("type", 3, "name", "options", "value", text(300)))));
              data.put("options", options);
              Map<String, Object> i2 = new LinkedHashMap<>();
              i2.put("id", discord.nextId());
              i2.put("application_id", DiscordStandIn.BOT);
              i2.put("type", 2);
              i2.put("token", "fuzz-" + i);
              i2.put("version", 1);
              i2.put("guild_id", DiscordStandIn.GUILD);
              i2.put("channel_id", DiscordStandIn.CHANNEL);
              i2.put("context", 0);
              i2.put("authorizing_integration_owners", Map.of());
              i2.put(
                  "guild",
                  Map.of("id", DiscordStandIn.GUILD, "locale", "en-US", "features", List.of()));
              i2.put(
                  "channel",
                  Map.of(
                      "id",
                      DiscordStandIn.CHANNEL,
                      "type",
                      0,
                      "guild_id",
                      DiscordStandIn.GUILD,
                      "name",
                      "general"));
              i2.put(
                  "member",
                  Map.of(
                      "user",
                      DiscordStandIn.author("700000000000000077", "f", false),
                      "roles",
                      List.of(),
                      "permissions",
                      "0",
                      "joined_at",
                      "2026-01-01T00:00:00.000000+00:00"));
              i2.put("app_permissions", DiscordStandIn.PERMISSIONS);
              i2.put("entitlements", List.of());
              i2.put("locale", "en-US");
              i2.put("data", data);
              discord.dispatch("INTERACTION_CREATE", i2);
            }
            case 2 -> discord.dispatch(text(12).toUpperCase(), Map.of("x", text(20)));
            default ->
                discord.dispatch(
                    "MESSAGE_CREATE", Map.of("id", discord.nextId(), "broken", text(50)));
          }
        }
        // Still connected, and a real command is still answered.
        String id = discord.nextId();
        Map<String, Object> help = new LinkedHashMap<>();
        help.put("id", id);
        help.put("application_id", DiscordStandIn.BOT);
        help.put("type", 2);
        help.put("token", "final");
        help.put("version", 1);
        help.put("guild_id", DiscordStandIn.GUILD);
        help.put("channel_id", DiscordStandIn.CHANNEL);
        help.put("context", 0);
        help.put("authorizing_integration_owners", Map.of());
        help.put(
            "guild", Map.of("id", DiscordStandIn.GUILD, "locale", "en-US", "features", List.of()));
        help.put(
            "channel",
            Map.of(
                "id",
                DiscordStandIn.CHANNEL,
                "type",
                0,
                "guild_id",
                DiscordStandIn.GUILD,
                "name",
                "general"));
        help.put(
            "member",
            Map.of(
                "user",
                DiscordStandIn.author("700000000000000078", "g", false),
                "roles",
                List.of(),
                "permissions",
                "0",
                "joined_at",
                "2026-01-01T00:00:00.000000+00:00"));
        help.put("app_permissions", DiscordStandIn.PERMISSIONS);
        help.put("entitlements", List.of());
        help.put("locale", "en-US");
        help.put(
            "data",
            Map.of(
                "id",
                "1",
                "name",
                "spar",
                "type",
                1,
                "options",
                List.of(Map.of("type", 1, "name", "help"))));
        discord.dispatch("INTERACTION_CREATE", help);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !discord.calls("POST", "interactions/" + id).isEmpty());
        assertThat(discord.calls("POST", "interactions/" + id).get(0).body().toString())
            .contains("Sparring commands");
        assertThat(adapter.connected()).isTrue();
      }
    }
  }
}
