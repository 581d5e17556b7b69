package dev.sparring.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorizes a request of an OAuth (many-workspace) install from the stored installation alone.
 * Bolt's own authorization calls {@code auth.test} for every request (or every few minutes with its
 * cache), before the handler runs, so a slow Slack would delay the acknowledgement Slack expects
 * within 3 s; a token that no longer works shows up when a message is delivered instead.
 */
final class StoreAuthorization implements Middleware {

  private static final Logger log = LoggerFactory.getLogger(StoreAuthorization.class);

  private final InstallationService installations;

  StoreAuthorization(InstallationService installations) {
    this.installations = installations;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (MiddlewareOps.isNoAuthRequiredRequest(req.getRequestType())
        || MiddlewareOps.isNoTokenRequiredRequest(req)) {
      return chain.next(req); // url_verification, app_uninstalled, tokens_revoked
    }
    Context context = req.getContext();
    Bot bot = installations.findBot(context.getEnterpriseId(), context.getTeamId());
    if (bot == null) {
      log.info("Slack request for a workspace without an installation: {}", context.getTeamId());
      if (req.getRequestType() == RequestType.Command) {
        // The person typed /spar: tell them why nothing happens.
        return Response.json(
            200,
            "{\"response_type\":\"ephemeral\",\"text\":\"Sparring is not installed in this"
                + " workspace (any more). An admin can add it again.\"}");
      }
      return Response.json(401, "{\"error\":\"the app is not installed in this workspace\"}");
    }
    context.setBotToken(bot.getBotAccessToken());
    context.setBotId(bot.getBotId());
    context.setBotUserId(bot.getBotUserId());
    return chain.next(req);
  }
}
