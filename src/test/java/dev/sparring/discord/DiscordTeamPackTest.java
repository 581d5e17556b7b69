package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparring.chat.Inline;
import dev.sparring.core.Bot;
import dev.sparring.outbox.OutboxDispatcher;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.suggest.TeamBanks;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import dev.sparring.testing.TeamQuestions;
import dev.sparring.testing.TestPacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A question suggested in Discord's modal, approved with the queue's button, then asked in an
 * interview: the real JDA client against the Discord stand-in.
 */
class DiscordTeamPackTest {

  private static final String BO = "700000000000000012";

  /** Holds the configured admin role. */
  private static final String MENTOR = "700000000000000099";

  private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
  private final MemoryStore store = new MemoryStore();
  private DiscordStandIn discord;
  private DiscordAdapter adapter;
  private OutboxDispatcher dispatcher;
  private int interactions;

  @BeforeEach
  void start() throws Exception {
    discord = new DiscordStandIn();
    Bot bot = new Bot(store, clock, Features.all(), Set.of());
    DiscordSettings settings =
        new DiscordSettings(
            "test-token",
            discord.apiUrl(),
            discord.gatewayUrl(),
            true,
            false,
            Set.of(DiscordStandIn.MENTORS));
    adapter =
        new DiscordAdapter(settings, bot, new TeamBanks(TestPacks.demo()), clock).awaitReady(30);
    dispatcher =
        new OutboxDispatcher(
            store, clock, List.of(adapter.gateway()), OutboxDispatcher.Settings.defaults(), "d");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> !discord.calls("PUT", "guilds/" + DiscordStandIn.GUILD + "/commands").isEmpty());
  }

  @AfterEach
  void stop() throws Exception {
    adapter.close();
    discord.close();
  }

  private Map<String, Object> interaction(
      int type, String user, Map<String, Object> data, Map<String, Object> message) {
    Map<String, Object> i =
        DiscordStandIn.interaction(
            discord.nextId(),
            "tok-" + (++interactions),
            type,
            DiscordStandIn.CHANNEL,
            Map.of(
                "user",
                DiscordStandIn.author(user, "user" + user.substring(user.length() - 2), false),
                "roles",
                user.equals(MENTOR) ? List.of(DiscordStandIn.MENTORS) : List.of(),
                "permissions",
                "0",
                "joined_at",
                "2026-01-01T00:00:00.000000+00:00"));
    i.put("data", data);
    if (message != null) {
      i.put("message", message);
    }
    return i;
  }

  /** Sends {@code i} and returns the bot's interaction callback. */
  private JsonNode send(Map<String, Object> i) {
    discord.dispatch("INTERACTION_CREATE", i);
    String id = (String) i.get("id");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !discord.calls("POST", "interactions/" + id).isEmpty());
    return discord.calls("POST", "interactions/" + id).get(0).body();
  }

  /** {@code /spar SUB} with its options by {@code user}. */
  private JsonNode slash(String user, String sub, Map<String, String> options) {
    List<Object> opts =
        options.entrySet().stream()
            .map(e -> (Object) Map.of("type", 3, "name", e.getKey(), "value", e.getValue()))
            .toList();
    return send(
        interaction(
            2,
            user,
            Map.of(
                "id",
                "1",
                "name",
                "spar",
                "type",
                1,
                "options",
                List.of(Map.of("type", 1, "name", sub, "options", opts))),
            null));
  }

  @Test
  void aSuggestionApprovedInDiscordIsAskedInAnInterview() {
    // The team pack is a choice of the pack option even before the server has questions.
    assertThat(
            discord
                .calls("PUT", "guilds/" + DiscordStandIn.GUILD + "/commands")
                .get(0)
                .body()
                .toString())
        .contains("\"name\":\"team\"");
    assertThat(slash(BO, "interview", Map.of("pack", "team")).toString())
        .contains("no questions of its own");

    JsonNode modal = slash(BO, "suggest", Map.of());
    assertThat(modal.path("type").asInt()).isEqualTo(9);
    String formId = modal.path("data").path("custom_id").asText();
    assertThat(formId).startsWith("suggest.form|");
    List<Object> components = formComponents(TeamQuestions.fields());
    JsonNode queued =
        send(interaction(5, BO, Map.of("custom_id", formId, "components", components), null));
    String id = TeamQuestions.idIn(queued.toString());

    JsonNode queue = slash(MENTOR, "suggestions", Map.of());
    String approve = null;
    for (JsonNode row : queue.path("data").path("components")) {
      for (JsonNode b : row.path("components")) {
        if (b.path("label").asText().equals("Approve 1")) {
          approve = b.path("custom_id").asText();
        }
      }
    }
    assertThat(approve).as("the queue's Approve button in " + queue).isNotNull();
    JsonNode approved =
        send(
            interaction(
                3,
                MENTOR,
                Map.of("custom_id", approve, "component_type", 2),
                DiscordStandIn.message(discord.nextId(), DiscordStandIn.CHANNEL, null)));
    assertThat(approved.toString()).contains("Approved `" + id + "`");

    // The question option's autocomplete offers the server's own question too.
    JsonNode offered = send(interaction(4, BO, questionTyped("team-"), null));
    assertThat(offered.path("type").asInt()).isEqualTo(8);
    assertThat(offered.path("data").path("choices").toString()).contains("\"" + id + "\"");

    assertThat(slash(BO, "interview", Map.of("pack", "team")).toString())
        .contains("Your interview on `" + id + "`");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              dispatcher.drain();
              return discord.calls("POST", "channels/").stream()
                  .anyMatch(c -> String.valueOf(c.body()).contains(TeamQuestions.PROMPT));
            });
  }

  /** The data of an autocomplete interaction: {@code /spar interview question:<typed>}. */
  private static Map<String, Object> questionTyped(String typed) {
    return Map.of(
        "id",
        "1",
        "name",
        "spar",
        "type",
        1,
        "options",
        List.of(
            Map.of(
                "type",
                1,
                "name",
                "interview",
                "options",
                List.of(Map.of("type", 3, "name", "question", "value", typed, "focused", true)))));
  }

  /** {@code fields} suggested by BO in the modal and approved by MENTOR; the question's id. */
  /** The submitted form's components, one labelled text input per field, as Discord sends them. */
  private static List<Object> formComponents(Map<String, String> fields) {
    List<Object> components = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      components.add(
          Map.of(
              "type",
              18,
              "id",
              ++n,
              "component",
              Map.of("type", 4, "id", ++n, "custom_id", f.getKey(), "value", f.getValue())));
    }
    return components;
  }

  private String suggestAndApprove(Map<String, String> fields) {
    String formId = slash(BO, "suggest", Map.of()).path("data").path("custom_id").asText();
    List<Object> components = formComponents(fields);
    String id =
        TeamQuestions.idIn(
            send(interaction(5, BO, Map.of("custom_id", formId, "components", components), null))
                .toString());
    String approve = null;
    for (JsonNode row : slash(MENTOR, "suggestions", Map.of()).path("data").path("components")) {
      for (JsonNode b : row.path("components")) {
        if (b.path("label").asText().equals("Approve 1")) {
          approve = b.path("custom_id").asText();
        }
      }
    }
    assertThat(approve).isNotNull();
    assertThat(
            send(interaction(
                    3,
                    MENTOR,
                    Map.of("custom_id", approve, "component_type", 2),
                    DiscordStandIn.message(discord.nextId(), DiscordStandIn.CHANNEL, null)))
                .toString())
        .contains("Approved `" + id + "`");
    return id;
  }

  /** The text of every message posted so far (embeds' titles, descriptions and fields). */
  private List<String> postedTexts() {
    List<String> out = new ArrayList<>();
    for (DiscordStandIn.Call c : discord.calls("POST", "channels/")) {
      if (c.body() == null || c.path().endsWith("/threads")) {
        continue;
      }
      StringBuilder b = new StringBuilder(c.body().path("content").asText());
      for (JsonNode e : c.body().path("embeds")) {
        b.append('\n').append(e.path("title").asText());
        b.append('\n').append(e.path("description").asText());
        for (JsonNode f : e.path("fields")) {
          b.append('\n')
              .append(f.path("name").asText())
              .append('\n')
              .append(f.path("value").asText());
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  /** Delivers until a message containing {@code text} is posted; returns it. */
  private String postedWith(String text) {
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              dispatcher.drain();
              return postedTexts().stream().anyMatch(t -> t.contains(text));
            });
    return postedTexts().stream().filter(t -> t.contains(text)).reduce((a, b) -> b).orElseThrow();
  }

  private String lastThread() {
    List<DiscordStandIn.Call> threads = discord.calls("POST", "/threads");
    return threads.get(threads.size() - 1).path().split("/")[3];
  }

  private void message(String user, String channel, String text) {
    Map<String, Object> m =
        new java.util.LinkedHashMap<>(DiscordStandIn.message(discord.nextId(), channel, null));
    m.put("author", DiscordStandIn.author(user, "u", false));
    m.put("content", text);
    m.put("guild_id", DiscordStandIn.GUILD);
    m.put("member", Map.of("roles", List.of(), "joined_at", "2026-01-01T00:00:00.000000+00:00"));
    discord.dispatch("MESSAGE_CREATE", m);
  }

  /** {@code text} as Discord shows a person's text: markdown and broadcasts escaped. */
  private static String typed(String text) {
    return DiscordRender.markdown(Inline.data(text));
  }

  @Test
  void keyPointsAPersonWroteArePostedAsTypedInTheSummaryAndTheReveal() {
    String id = suggestAndApprove(TeamQuestions.hostileFields());

    slash(BO, "interview", Map.of("pack", "team"));
    postedWith("Mock interview");
    message(BO, lastThread(), TeamQuestions.FIRST_POINT_ANSWER);
    postedWith("Follow-up 1 of 2");
    slash(BO, "interview", Map.of("options", "stop"));
    String summary = postedWith("Interview stopped by");
    assertThat(summary)
        .contains("- \u2713 " + typed(TeamQuestions.HOSTILE_POINT) + "\n")
        .contains("- \u2717 " + typed(TeamQuestions.LONG_POINT) + "\n")
        .contains("also cover: " + typed(TeamQuestions.LONG_POINT.substring(0, 99)))
        .contains("- " + typed(TeamQuestions.HOSTILE_FOLLOW_UP_POINT) + "\n")
        // The bot's own markdown after the cut points is still markdown.
        .contains("**Model answer**");

    slash(MENTOR, "daily", Map.of("options", "on 09:00 UTC daily pack team"));
    slash(MENTOR, "daily", Map.of("options", "now"));
    postedWith("Daily question");
    message(BO, lastThread(), TeamQuestions.FIRST_POINT_ANSWER);
    slash(MENTOR, "reveal", Map.of());
    String reveal = postedWith("Reveal \u00b7 " + id);
    assertThat(reveal)
        .contains("- " + typed(TeamQuestions.HOSTILE_POINT) + "\n")
        .contains("- " + typed(TeamQuestions.LONG_POINT) + "\n")
        .contains("(missed: " + typed(TeamQuestions.LONG_POINT) + "; and 2 more)")
        .contains("**Answers**");
    // No broadcast, mention or markup of a person's making reaches Discord live, anywhere.
    for (String said : postedTexts()) {
      assertThat(said.replace("\\@everyone", "").replace("\\<@U123\\>", ""))
          .doesNotContain("@everyone", "<@U123>", "||spoiler||", "[link](http://x)");
    }
  }
}
