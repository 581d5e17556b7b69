package dev.sparring.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/messages} takes only activities signed by the Bot Framework for this bot: every
 * forgery gets 401 and reaches neither the bot nor the connector.
 */
class TeamsAuthTest {

  @TempDir Path dir;

  @Test
  void onlyASignedActivityForThisBotIsHandled() throws Exception {
    try (TeamsStandIn ms = new TeamsStandIn();
        TeamsRig rig = new TeamsRig(ms, dir, "memory")) {
      ObjectNode help = rig.command("29:ana", "help");
      Instant later = Instant.now().plusSeconds(3600);
      Map<String, String> forged = new LinkedHashMap<>();
      forged.put("no token", null);
      forged.put("not a JWT", "not.a.jwt");
      forged.put(
          "signed with a stranger's key under the right kid",
          ms.token(ms.stranger, TeamsStandIn.ISSUER, TeamsStandIn.APP_ID, later, ms.serviceUrl()));
      forged.put(
          "a key endorsed for webchat only",
          ms.token(
              ms.webchatOnly, TeamsStandIn.ISSUER, TeamsStandIn.APP_ID, later, ms.serviceUrl()));
      forged.put(
          "wrong issuer",
          ms.token(
              ms.key,
              "https://sts.windows.net/evil/",
              TeamsStandIn.APP_ID,
              later,
              ms.serviceUrl()));
      forged.put(
          "wrong audience",
          ms.token(ms.key, TeamsStandIn.ISSUER, "another-bot", later, ms.serviceUrl()));
      forged.put(
          "expired",
          ms.token(
              ms.key,
              TeamsStandIn.ISSUER,
              TeamsStandIn.APP_ID,
              Instant.now().minusSeconds(600),
              ms.serviceUrl()));
      forged.put(
          "serviceUrl of another host",
          ms.token(
              ms.key, TeamsStandIn.ISSUER, TeamsStandIn.APP_ID, later, "https://evil.example/"));
      for (Map.Entry<String, String> f : forged.entrySet()) {
        assertThat(rig.post(f.getValue(), help.toString()).statusCode())
            .as(f.getKey())
            .isEqualTo(401);
      }
      // A good token, but the activity claims another channel or service URL than the token.
      ObjectNode webchat = rig.command("29:ana", "help").put("channelId", "webchat");
      assertThat(rig.post(webchat).statusCode()).isEqualTo(401);
      ObjectNode moved = rig.command("29:ana", "help").put("serviceUrl", "https://evil.example/");
      assertThat(rig.post(moved).statusCode()).isEqualTo(401);
      assertThat(rig.post(ms.token(), "{not json").statusCode()).isEqualTo(401);
      assertThat(ms.calls()).as("nothing reached the connector").isEmpty();

      assertThat(rig.post(help).statusCode()).isEqualTo(200);
      assertThat(ms.sends()).hasSize(1);
      assertThat(ms.sends().get(0).cardText()).contains("interview");
    }
  }
}
