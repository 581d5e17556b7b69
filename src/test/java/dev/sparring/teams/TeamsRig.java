package dev.sparring.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.app.Platforms;
import dev.sparring.app.Server;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sparring as {@code sparring run} runs it, with Teams pointed at a {@link TeamsStandIn}: the
 * shipped platforms, a config file with the stand-in's URLs, {@code TEAMS_*} in the environment.
 * Builds activities as Teams sends them and posts them signed to {@code /api/messages}.
 */
final class TeamsRig implements AutoCloseable {

  static final String TEAM = "19:team-general@thread.tacv2";
  static final String CHANNEL = "19:practice@thread.tacv2";
  static final String TENANT = "tenant-1";
  private static final ObjectMapper JSON = new ObjectMapper();

  final TeamsStandIn ms;
  final Path dir;
  final Map<String, String> env;
  final Server server;
  private final HttpClient http = HttpClient.newHttpClient();
  private static final AtomicInteger IDS = new AtomicInteger(1);

  TeamsRig(TeamsStandIn ms, Path dir, String store) throws Exception {
    this.ms = ms;
    this.dir = dir;
    this.env =
        Map.of(
            TeamsModule.APP_ID,
            TeamsStandIn.APP_ID,
            TeamsModule.APP_PASSWORD,
            "s3cret-password",
            TeamsModule.TENANT_ID,
            TENANT);
    Path file = dir.resolve("sparring.yaml");
    Files.writeString(
        file,
        "store:\n  type: "
            + store
            + "\nbank:\n  paths: ['"
            + TestPacks.root().toString().replace("'", "''")
            + "']\nscheduler:\n  tick: 1s\noutbox:\n  baseBackoff: 1s\n"
            + "teams:\n  openIdMetadata: "
            + ms.base()
            + "/openid\n  tokenEndpoint: "
            + ms.base()
            + "/token?tenant={tenant}\n  admins: ['29:admin']\n");
    Platforms platforms = Platforms.shipped();
    SparringConfig config = platforms.loadConfig(file, env);
    List<PlatformModule.Configured> on = platforms.configure(config, env);
    server = Server.start(platforms, on, config, dir, Clock.systemUTC(), 0);
  }

  /** Posts {@code activity} with {@code token} (null: none); status and body. */
  HttpResponse<String> post(String token, String activity) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(activity));
    if (token != null) {
      req.header("Authorization", "Bearer " + token);
    }
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts {@code activity} signed as the Bot Framework signs it. */
  HttpResponse<String> post(ObjectNode activity) throws Exception {
    return post(ms.token(), activity.toString());
  }

  /** An activity of {@code type} from {@code user} in {@code conversation} of the channel. */
  ObjectNode activity(String type, String user, String conversation) {
    ObjectNode a = JSON.createObjectNode();
    a.put("type", type).put("id", "act-" + IDS.incrementAndGet()).put("channelId", "msteams");
    a.put("serviceUrl", ms.serviceUrl());
    a.putObject("from")
        .put("id", user)
        .put("name", "Name of " + user)
        .put("aadObjectId", "aad-" + user);
    a.putObject("recipient").put("id", "28:" + TeamsStandIn.APP_ID).put("name", "Sparring");
    a.putObject("conversation")
        .put("id", conversation)
        .put("conversationType", "channel")
        .put("tenantId", TENANT);
    ObjectNode data = a.putObject("channelData");
    data.putObject("team").put("id", TEAM);
    data.putObject("channel").put("id", CHANNEL);
    data.putObject("tenant").put("id", TENANT);
    return a;
  }

  /** {@code @Sparring <text>} posted at the top of the channel. */
  ObjectNode command(String user, String text) {
    ObjectNode a = activity("message", user, CHANNEL);
    a.put("text", "<at>Sparring</at> " + text);
    a.putArray("entities")
        .addObject()
        .put("type", "mention")
        .put("text", "<at>Sparring</at>")
        .putObject("mentioned")
        .put("id", "28:" + TeamsStandIn.APP_ID)
        .put("name", "Sparring");
    return a;
  }

  /** A reply in the channel thread under activity {@code root}. */
  ObjectNode reply(String user, String root, String text) {
    ObjectNode a = activity("message", user, CHANNEL + ";messageid=" + root);
    a.put("text", text);
    return a;
  }

  /** A {@code task/fetch} or {@code task/submit} invoke carrying card data {@code data}. */
  ObjectNode invoke(String user, String conversation, String name, ObjectNode data) {
    ObjectNode a = activity("invoke", user, conversation);
    a.put("name", name);
    a.putObject("value").set("data", data);
    return a;
  }

  @Override
  public void close() {
    server.close();
  }
}
