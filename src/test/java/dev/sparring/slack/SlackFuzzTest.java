package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import dev.sparring.app.HttpServer;
import dev.sparring.bench.SlackApiStandIn;
import dev.sparring.core.Bot;
import dev.sparring.store.memory.MemoryStore;
import dev.sparring.testing.Features;
import dev.sparring.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated payloads, correctly signed, to {@code /slack/events}: only 2xx
 * and 4xx come back, never a stack trace, and the bot still works afterwards.
 */
class SlackFuzzTest {

  private static final String SECRET = "fuzz-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Random random = new Random(20261124);

  private String randomString(int max) {
    int n = random.nextInt(max + 1);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      b.append(
          kind < 6
              ? (char) ('a' + random.nextInt(26))
              : kind < 8
                  ? " {}[]\":,=&%<>|\\\n\t".charAt(random.nextInt(17))
                  : (char) random.nextInt(0x3000));
    }
    return b.toString();
  }

  private Object randomJson(int depth) {
    switch (depth > 4 ? random.nextInt(4) : random.nextInt(7)) {
      case 0:
        return randomString(20);
      case 1:
        return random.nextInt();
      case 2:
        return random.nextBoolean();
      case 3:
        return null;
      case 4:
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(randomJson(depth + 1));
        }
        return list;
      default:
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          String[] keys = {
            "type",
            "event",
            "event_id",
            "team_id",
            "user",
            "channel",
            "text",
            "thread_ts",
            "payload",
            "actions",
            "view",
            randomString(6)
          };
          map.put(keys[random.nextInt(keys.length)], randomJson(depth + 1));
        }
        return map;
    }
  }

  private static final List<String> EVENTS = SlackPayloads.names("events");
  private static final List<String> INTERACTIONS = SlackPayloads.names("interactions");

  /**
   * One of Slack's real payload shapes (every event and interaction type it may send, from the
   * fixtures), as is or with one value replaced by random JSON or removed.
   */
  private byte[][] realShape() throws Exception {
    boolean event = random.nextInt(3) != 0;
    List<String> names = event ? EVENTS : INTERACTIONS;
    String name = names.get(random.nextInt(names.size()));
    Map<String, String> values = Map.of("event_id", "EvFuzz" + random.nextInt(1_000_000));
    com.fasterxml.jackson.databind.JsonNode tree =
        JSON.readTree(SlackPayloads.json(event ? "events" : "interactions", name, values));
    if (random.nextInt(4) != 0) {
      List<com.fasterxml.jackson.databind.node.ObjectNode> objects = new ArrayList<>();
      collectObjects(tree, objects);
      com.fasterxml.jackson.databind.node.ObjectNode target =
          objects.get(random.nextInt(objects.size()));
      List<String> fields = new ArrayList<>();
      target.fieldNames().forEachRemaining(fields::add);
      if (!fields.isEmpty()) {
        String field = fields.get(random.nextInt(fields.size()));
        if (random.nextBoolean()) {
          target.remove(field);
        } else {
          target.set(field, JSON.valueToTree(randomJson(2)));
        }
      }
    }
    String json = JSON.writeValueAsString(tree);
    if (event) {
      return new byte[][] {
        "application/json".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8)
      };
    }
    return new byte[][] {
      "application/x-www-form-urlencoded".getBytes(StandardCharsets.UTF_8),
      ("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.UTF_8)
    };
  }

  private static void collectObjects(
      com.fasterxml.jackson.databind.JsonNode node,
      List<com.fasterxml.jackson.databind.node.ObjectNode> out) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      out.add(o);
    }
    node.elements().forEachRemaining(child -> collectObjects(child, out));
  }

  /**
   * A payload: random JSON, a mutated real event, a form, a deep nest, a huge answer, raw bytes or
   * one of Slack's real shapes.
   */
  private byte[][] payload() throws Exception {
    String type;
    byte[] body;
    if (random.nextInt(4) == 0) {
      return realShape();
    }
    switch (random.nextInt(7)) {
      case 0 -> {
        type = "application/json";
        body = JSON.writeValueAsBytes(randomJson(0));
      }
      case 1 -> {
        Map<String, Object> event = new TreeMap<>();
        event.put("type", random.nextBoolean() ? "message" : randomString(8));
        event.put("channel", random.nextBoolean() ? "C1" : randomJson(2));
        event.put("user", "U" + random.nextInt(5));
        event.put("text", random.nextInt(5) == 0 ? "x".repeat(100_000) : randomString(50));
        event.put("ts", "1." + random.nextInt(999));
        if (random.nextBoolean()) {
          event.put("thread_ts", random.nextBoolean() ? "1000.000100" : randomJson(2));
        }
        Map<String, Object> envelope = new TreeMap<>();
        envelope.put("type", random.nextInt(4) == 0 ? randomString(5) : "event_callback");
        envelope.put("team_id", random.nextBoolean() ? "T1" : randomJson(3));
        envelope.put("event_id", "Ev" + random.nextInt(1_000_000));
        envelope.put("event", random.nextInt(5) == 0 ? randomJson(1) : event);
        type = "application/json";
        body = JSON.writeValueAsBytes(envelope);
      }
      case 2 -> {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("command", random.nextBoolean() ? "/spar" : "/" + randomString(5));
        form.put("text", randomString(random.nextInt(3) == 0 ? 5000 : 40));
        form.put("team_id", random.nextBoolean() ? "T1" : randomString(4));
        form.put("channel_id", random.nextBoolean() ? "C1" : "");
        form.put("user_id", "U" + random.nextInt(5));
        form.put("trigger_id", "t" + random.nextLong());
        StringBuilder b = new StringBuilder();
        form.forEach(
            (k, v) -> {
              if (random.nextInt(8) != 0) {
                b.append(b.length() == 0 ? "" : "&")
                    .append(k)
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
              }
            });
        type = "application/x-www-form-urlencoded";
        body = b.toString().getBytes(StandardCharsets.UTF_8);
      }
      case 3 -> {
        type = "application/x-www-form-urlencoded";
        body =
            ("payload="
                    + URLEncoder.encode(
                        JSON.writeValueAsString(randomJson(0)), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
      }
      case 4 -> {
        int depth = 500 + random.nextInt(3000);
        type = "application/json";
        body =
            ("{\"type\":\"event_callback\",\"event\":"
                    + "[".repeat(depth)
                    + "]".repeat(depth)
                    + "}")
                .getBytes(StandardCharsets.UTF_8);
      }
      case 5 -> {
        type = random.nextBoolean() ? "application/json" : "application/x-www-form-urlencoded";
        body = new byte[random.nextInt(300)];
        random.nextBytes(body);
      }
      default -> {
        type = random.nextBoolean() ? "text/plain" : "application/json; charset=latin1";
        body = randomString(100).getBytes(StandardCharsets.ISO_8859_1);
      }
    }
    return new byte[][] {type.getBytes(StandardCharsets.UTF_8), body};
  }

  @Test
  void randomAndMutatedPayloadsGetOnly2xxOr4xxAndTheBotStaysUp() throws Exception {
    MemoryStore store = new MemoryStore();
    MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    try (SlackApiStandIn api = new SlackApiStandIn();
        SlackAdapter adapter =
            new SlackAdapter(
                    new SlackSettings(SECRET, "xoxb-fuzz", null, null, null, api.url(), 0, false),
                    new Bot(store, clock, Features.all(), Set.of()),
                    store,
                    clock)
                .start();
        HttpServer http = new HttpServer(0, adapter.servlets(), () -> true)) {
      HttpClient client = HttpClient.newHttpClient();
      URI events = URI.create("http://127.0.0.1:" + http.port() + "/slack/events");
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (int i = 0; i < 1500; i++) {
        byte[][] p = payload();
        String ts = Long.toString(Instant.now().getEpochSecond());
        String sig =
            new SlackSignature.Generator(SECRET)
                .generate(ts, new String(p[1], StandardCharsets.UTF_8));
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(events)
                    .header("Content-Type", new String(p[0], StandardCharsets.UTF_8))
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", sig)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(p[1]))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        statuses.merge(r.statusCode(), 1, Integer::sum);
        assertThat(r.statusCode())
            .as("payload %d: %s", i, new String(p[1], StandardCharsets.UTF_8))
            .isLessThan(500);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
      }
      assertThat(statuses.keySet()).allMatch(s -> s < 500);
      // Still serving: a real command works.
      String ts = Long.toString(Instant.now().getEpochSecond());
      String form =
          "team_id=T1&channel_id=C1&user_id=U1&command=%2Fspar&text=help&trigger_id=t-final";
      HttpResponse<String> ok =
          client.send(
              HttpRequest.newBuilder(events)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-Slack-Request-Timestamp", ts)
                  .header(
                      "X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(ts, form))
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("Sparring commands");
    }
  }
}
