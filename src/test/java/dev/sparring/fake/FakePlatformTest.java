package dev.sparring.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sparring.app.Platforms;
import dev.sparring.app.Server;
import dev.sparring.chat.Outbound;
import dev.sparring.config.ConfigException;
import dev.sparring.config.ConfigLoader;
import dev.sparring.config.SparringConfig;
import dev.sparring.platform.PlatformModule;
import dev.sparring.testing.TestPacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform added by one package and one registration line runs a whole interview through the same
 * wiring as {@code sparring run}: its config section and secret, its servlet on the bot's HTTP
 * server, its gateway fed by the outbox.
 */
class FakePlatformTest {

  @TempDir Path dir;

  private final FakeModule fake = new FakeModule();
  // The one registration line.
  private final Platforms platforms = Platforms.shipped().with(fake);
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> env = Map.of(FakeModule.TOKEN, "fake-s3cret-token");

  private SparringConfig config() throws Exception {
    Path file = dir.resolve("sparring.yaml");
    Files.writeString(
        file,
        "store:\n  type: memory\nbank:\n  paths: ['"
            + TestPacks.root().toString().replace("'", "''")
            + "']\nfake:\n  workspace: team-7\n");
    return platforms.loadConfig(file, env);
  }

  private HttpResponse<String> post(int port, String token, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fake/events"))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String event(String id, String thread, String text) {
    return "{\"id\":\""
        + id
        + "\",\"user\":\"ana\",\"channel\":\"c1\","
        + (thread == null ? "" : "\"thread\":\"" + thread + "\",")
        + "\"text\":\""
        + text
        + "\"}";
  }

  @Test
  void runsAnInterviewEndToEndFollowUpsInOrderOnceThenASummary() throws Exception {
    SparringConfig config = config();
    List<PlatformModule.Configured> on = platforms.configure(config, env);
    assertThat(on)
        .extracting(PlatformModule.Configured::describe)
        .containsExactly("fake workspace team-7");

    try (Server server = Server.start(platforms, on, config, dir, Clock.systemUTC(), 0)) {
      int port = server.port();
      assertThat(post(port, "wrong", event("e0", null, "/spar help")).statusCode()).isEqualTo(401);
      assertThat(post(port, "fake-s3cret-token", "{not json").statusCode()).isEqualTo(400);

      HttpResponse<String> started =
          post(port, "fake-s3cret-token", event("e1", null, "/spar interview demo-senior"));
      assertThat(started.statusCode()).isEqualTo(200);
      assertThat(started.body()).contains("in a new thread");
      FakeGateway out = fake.gateway();
      await().atMost(Duration.ofSeconds(20)).until(() -> !out.delivered().isEmpty());
      FakeGateway.Delivered question = out.delivered().get(0);
      assertThat(question.message()).isInstanceOf(Outbound.Post.class);
      assertThat(question.message().message().titleText()).contains("demo-senior");
      String thread = question.id();

      String[] answers = {
        "Make it idempotent with a dedup table keyed by event id.",
        "Redrive after fixing, alarm when not empty.",
        "FIFO with a message group id.",
        "Batching and long polling."
      };
      for (int i = 0; i < answers.length; i++) {
        int expected = i + 1;
        post(port, "fake-s3cret-token", event("a" + i, thread, answers[i]));
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> out.threadTitles(thread).size() >= expected);
      }
      // The replay of an answer already given changes nothing.
      post(port, "fake-s3cret-token", event("a1", thread, answers[1]));

      List<String> titles = out.threadTitles(thread);
      assertThat(titles.subList(0, 3))
          .containsExactly("Follow-up 1 of 3", "Follow-up 2 of 3", "Follow-up 3 of 3");
      assertThat(titles.get(3)).startsWith("Interview complete \u00b7 demo-senior");
      assertThat(titles).hasSize(4);
      assertThat(out.delivered())
          .allSatisfy(d -> assertThat(d.message().channel().key()).isEqualTo("fake:c1"));
    }
  }

  @Test
  void itsSectionAndSecretShowInTheConfigAndBadValuesAreRefused() throws Exception {
    SparringConfig config = config();
    String dump = String.join("\n", ConfigLoader.describe(config, env, platforms.secrets()));
    assertThat(dump)
        .contains("fake.workspace = team-7")
        .contains("env FAKE_TOKEN = fa****")
        .doesNotContain("s3cret");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "fake:\n  workspace: 'Team Seven!'\n  colour: blue\n");
    assertThatThrownBy(() -> platforms.loadConfig(bad, env))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'fake.colour'");
    Files.writeString(bad, "fake:\n  workspace: 'Team Seven!'\n");
    SparringConfig badValue = platforms.loadConfig(bad, env);
    assertThatThrownBy(() -> platforms.configure(badValue, env))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .containsExactly(
                        "fake.workspace: must be lower-case letters, digits and dashes"));
  }

  @Test
  void withoutItsTokenItStaysOffAndTheShippedBuildDoesNotKnowIt() throws Exception {
    assertThat(platforms.configure(config(), Map.of())).isEmpty();
    assertThat(Platforms.shipped().configDefaults()).doesNotContainKey("fake");
    assertThat(platforms.mentions().parse(FakeModule.PLATFORM, "@@ana"))
        .hasValueSatisfying(u -> assertThat(u.key()).isEqualTo("fake:ana"));
  }
}
