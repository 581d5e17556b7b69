package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.testing.TestPacks;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program ({@code sparring run}) in a child process with {@code SLACK_*} set and {@code
 * SLACK_API_URL} pointing at a loopback stand-in: it serves /healthz and works end to end.
 */
class SlackEndToEndTest {

  private static final String SECRET = "e2e-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private HttpResponse<String> signed(int port, String type, String body) throws Exception {
    return client.send(
        SlackRig.signedRequest(SECRET, port, type, body), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theProgramServesHealthAndRunsAnInterviewAgainstTheStandIn() throws Exception {
    try (SlackApiStandIn api = new SlackApiStandIn()) {
      int port = freePort();
      Path config = dir.resolve("sparring.yaml");
      Files.writeString(
          config,
          "bank:\n  paths: ['" + TestPacks.root() + "']\nscheduler:\n  tick: 1s\n",
          StandardCharsets.UTF_8);
      ProcessBuilder pb =
          // The production logging, not the tests' quiet one.
          dev.sparring.testing.ChildProgram.of(
              java.util.List.of("-D" + dev.sparring.app.LogSetup.BUILTIN + "=true"),
              "run",
              "--data",
              dir.resolve("data").toString(),
              "--config",
              config.toString());
      Map<String, String> env = pb.environment();
      env.put("SLACK_SIGNING_SECRET", SECRET);
      env.put("SLACK_BOT_TOKEN", "xoxb-e2e");
      env.put("SLACK_API_URL", api.url());
      env.put("SPARRING_HTTP_PORT", Integer.toString(port));
      env.put("SPARRING_LOG_FORMAT", "json");
      // Secrets this run has but must never print.
      env.put("SPARRING_DB_PASSWORD", "pg-e2e-password-7731");
      env.put("SLACK_CLIENT_SECRET", "client-e2e-secret-5519");
      env.remove("SLACK_CLIENT_ID");
      pb.redirectErrorStream(true);
      pb.redirectOutput(dir.resolve("out.log").toFile());
      Process p = pb.start();
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .ignoreExceptions()
            .until(
                () ->
                    client
                            .send(
                                HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/healthz"))
                                    .build(),
                                HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                        == 200);
        assertThat(api.calls("auth.test")).isNotEmpty();
        assertThat(
                client
                    .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .isEqualTo("ok");

        String command =
            "team_id=T1&channel_id=C1&user_id=U1&user_name=ana&command=%2Fspar&trigger_id=tr1"
                + "&text="
                + URLEncoder.encode("interview demo-senior", StandardCharsets.UTF_8);
        HttpResponse<String> ack = signed(port, "application/x-www-form-urlencoded", command);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).contains("in a new thread");
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> api.calls("chat.postMessage").size() == 1);
        String thread = api.calls("chat.postMessage").get(0).ts();

        String event =
            JSON.writeValueAsString(
                Map.of(
                    "type",
                    "event_callback",
                    "team_id",
                    "T1",
                    "api_app_id",
                    "A1",
                    "event_id",
                    "EvE2E",
                    "event_time",
                    1_700_000_000,
                    "event",
                    SlackRig.threadMessage("U1", "idempotent", "3000.1", thread)));
        assertThat(signed(port, "application/json", event).statusCode()).isEqualTo(200);
        // An error path: a forged request is refused (and may be logged), secrets still unsaid.
        assertThat(
                client
                    .send(
                        SlackRig.request(
                            port, "application/json", event, 1, "v0=" + SECRET, Map.of()),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode())
            .isEqualTo(401);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> api.calls("chat.postMessage").size() == 2);
        assertThat(api.calls("chat.postMessage").get(1).get("thread_ts")).isEqualTo(thread);
        assertThat(api.calls("chat.postMessage").get(1).get("blocks")).contains("Follow-up 1 of 3");
        String metrics =
            client
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics)
            .contains("sparring_inbound_events_total{outcome=\"handled\",type=\"CommandInvoked\"}")
            .contains("sparring_inbound_events_total{outcome=\"handled\",type=\"MessagePosted\"}")
            .contains("sparring_ack_latency_seconds_bucket")
            .contains("sparring_outbox_depth")
            .contains("sparring_interviews_active 1.0")
            .contains("sparring_grader_seconds_count");
      } finally {
        p.destroy(); // SIGTERM: a graceful stop
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      String log = Files.readString(dir.resolve("out.log"));
      assertThat(log)
          .contains("Sparring is up")
          .doesNotContain("xoxb-e2e")
          .doesNotContain(SECRET)
          .doesNotContain("pg-e2e-password-7731")
          .doesNotContain("client-e2e-secret-5519");
      // The configuration dump with the same environment shows them masked.
      ProcessBuilder dump = dev.sparring.testing.ChildProgram.of("config");
      dump.environment().putAll(env);
      dump.redirectErrorStream(true);
      Process d = dump.start();
      String shown = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(d.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(shown)
          .contains("SLACK_BOT_TOKEN")
          .doesNotContain("xoxb-e2e")
          .doesNotContain(SECRET)
          .doesNotContain("pg-e2e-password-7731")
          .doesNotContain("client-e2e-secret-5519");
      // JSON lines; the answer's event id follows it to the delivery of the follow-up it caused.
      List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
      for (String line : log.split("\n")) {
        if (line.startsWith("{")) {
          lines.add(JSON.readTree(line));
        }
      }
      assertThat(lines).isNotEmpty();
      assertThat(lines)
          .filteredOn(l -> l.path("correlationId").asText().endsWith("EvE2E"))
          .extracting(l -> l.path("message").asText())
          .anySatisfy(m -> assertThat(m).startsWith("MessagePosted: 1 queued"))
          .anySatisfy(m -> assertThat(m).startsWith("delivered outbox"));
    }
  }
}
