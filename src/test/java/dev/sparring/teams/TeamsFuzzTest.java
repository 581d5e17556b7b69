package dev.sparring.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odd activities, correctly signed (Teams, another client of the Bot Framework, or a changed
 * schema): missing and mistyped fields, huge and strange text, unknown invokes, forms naming
 * another channel. None takes the bot down or gets a server error; the bot still answers after.
 */
class TeamsFuzzTest {

  private final Random random = new Random(21);

  @TempDir Path dir;

  private String text(int max) {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(max + 1); i > 0; i--) {
      b.append((char) (random.nextInt(5) == 0 ? random.nextInt(0x2000) : 'a' + random.nextInt(26)));
    }
    return b.toString();
  }

  @Test
  void oddActivitiesDoNotTakeTheBotDown() throws Exception {
    try (TeamsStandIn ms = new TeamsStandIn();
        TeamsRig rig = new TeamsRig(ms, dir, "memory")) {
      List<String> fields =
          List.of(
              "id",
              "from",
              "conversation",
              "text",
              "entities",
              "value",
              "name",
              "channelData",
              "recipient");
      for (int i = 0; i < 150; i++) {
        ObjectNode a =
            switch (random.nextInt(5)) {
              case 0 ->
                  rig.command(
                      "29:u" + random.nextInt(5),
                      random.nextInt(10) == 0 ? "x".repeat(100_000) : text(300));
              case 1 -> rig.reply("29:u" + random.nextInt(5), text(12), text(400));
              case 2 -> {
                ObjectNode data =
                    new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                data.put(
                    "sparring",
                    List.of("button", "form", "openform", text(5)).get(random.nextInt(4)));
                data.put("action", random.nextBoolean() ? "daily.answer" : text(20));
                data.put("value", text(50)).put("form", text(10)).put("token", text(8));
                data.put("channel", "slack:C-OTHER");
                data.putArray("answer").add(text(5));
                yield rig.invoke(
                    "29:u1",
                    TeamsRig.CHANNEL,
                    List.of("task/fetch", "task/submit", "adaptiveCard/action", text(6))
                        .get(random.nextInt(4)),
                    data);
              }
              case 3 ->
                  rig.activity(
                      List.of("conversationUpdate", "installationUpdate", "typing", text(6))
                          .get(random.nextInt(4)),
                      "29:u2",
                      TeamsRig.CHANNEL);
              default -> {
                ObjectNode b = rig.command("29:u3", "help");
                b.remove(fields.get(random.nextInt(fields.size())));
                b.put(fields.get(random.nextInt(fields.size())), random.nextBoolean() ? 42 : 0);
                yield b;
              }
            };
        HttpResponse<String> r = rig.post(a);
        assertThat(r.statusCode()).as("%s", a).isLessThan(500);
      }
      int before = ms.sends().size();
      assertThat(rig.post(rig.command("29:ana", "help")).statusCode()).isEqualTo(200);
      assertThat(ms.sends().size()).isGreaterThan(before);
    }
  }
}
