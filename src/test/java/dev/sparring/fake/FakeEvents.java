package dev.sparring.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparring.chat.Actor;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Outbound;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.ThreadRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Bot;
import dev.sparring.core.Inbound;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The fake platform's inbound transport: {@code {"id": "e1", "user": "ana", "channel": "c1",
 * "text": "/spar interview"}} is a command, with {@code "thread": "m1"} a message in that thread.
 * Answers with the ephemeral texts the bot returned, one per line; 401 without the token, 400 for
 * JSON it cannot read.
 */
final class FakeEvents extends HttpServlet {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final transient Bot bot;
  private final String token;
  private final TeamRef team;

  FakeEvents(Bot bot, String token, String workspace) {
    this.bot = bot;
    this.token = token;
    this.team = new TeamRef(FakeModule.PLATFORM, workspace);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!("Bearer " + token).equals(req.getHeader("Authorization"))) {
      resp.sendError(401, "bad token");
      return;
    }
    JsonNode e;
    try {
      e = JSON.readTree(req.getInputStream());
    } catch (IOException bad) {
      resp.sendError(400, "not JSON");
      return;
    }
    if (e == null || !e.hasNonNull("id") || !e.hasNonNull("user") || !e.hasNonNull("channel")) {
      resp.sendError(400, "id, user and channel are needed");
      return;
    }
    String key = "fake:" + e.get("id").asText();
    ChannelRef channel = new ChannelRef(FakeModule.PLATFORM, e.get("channel").asText());
    String user = e.get("user").asText();
    Actor actor = new Actor(new UserRef(FakeModule.PLATFORM, user), user, false);
    String text = e.path("text").asText("");
    Inbound event =
        e.hasNonNull("thread")
            ? new Inbound.MessagePosted(
                key,
                team,
                channel,
                new ThreadRef(FakeModule.PLATFORM, e.get("thread").asText()),
                actor,
                text)
            : new Inbound.CommandInvoked(
                key, team, channel, actor, text.replaceFirst("^/spar\\s*", ""));
    Bot.Result result = bot.handle(event);
    result.after().forEach(Runnable::run);
    StringBuilder out = new StringBuilder();
    for (Outbound.Ephemeral said : result.ephemerals()) {
      out.append(said.message().bodyText().replace('\n', ' ')).append('\n');
    }
    resp.setContentType("text/plain; charset=utf-8");
    resp.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
