package dev.sparring.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.store.StoreException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages}: the Bot Framework's activities. Every request must carry a JWT that
 * {@link TeamsAuth} accepts for the activity's channel and service URL, or it gets 401 and nothing
 * is read further. Invokes are answered in the response body; everything else with 200.
 */
final class TeamsServlet extends HttpServlet {

  private static final Logger log = LoggerFactory.getLogger(TeamsServlet.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Activities are small; anything bigger is not one. */
  static final int MAX_BODY = 256 * 1024;

  private final transient TeamsAuth auth;
  private final transient TeamsActivities activities;

  TeamsServlet(TeamsAuth auth, TeamsActivities activities) {
    this.auth = auth;
    this.activities = activities;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String authorization = req.getHeader("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      resp.sendError(401, "no bearer token");
      return;
    }
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      resp.sendError(413, "activity too large");
      return;
    }
    JsonNode activity;
    try {
      activity = JSON.readTree(body);
    } catch (IOException e) {
      activity = null;
    }
    if (activity == null || !activity.isObject()) {
      // No activity, no channel and service URL to check the token against: refused alike.
      resp.sendError(401, "unauthorized");
      return;
    }
    String why =
        auth.refusal(
            authorization, text(activity.path("channelId")), text(activity.path("serviceUrl")));
    if (why != null) {
      log.info("refused a Teams activity: {}", why);
      resp.sendError(401, "unauthorized");
      return;
    }
    JsonNode answer;
    try {
      answer = activities.handle(activity);
    } catch (StoreException e) {
      log.warn("store failure on a Teams activity: {}", e.getMessage());
      resp.sendError(503, "try again");
      return;
    } catch (RuntimeException e) {
      log.warn("a Teams activity could not be handled", e);
      resp.sendError(400, "unreadable activity");
      return;
    }
    resp.setStatus(200);
    if (answer != null) {
      resp.setContentType("application/json; charset=utf-8");
      resp.getOutputStream().write(answer.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }
}
