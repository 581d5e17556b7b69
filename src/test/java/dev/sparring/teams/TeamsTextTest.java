package dev.sparring.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.app.Platforms;
import org.junit.jupiter.api.Test;

/** A Teams message's text as the core reads it: the bot's mention gone, people as mentions. */
class TeamsTextTest {

  private static ObjectNode message(String text) {
    ObjectNode a = new ObjectMapper().createObjectNode();
    a.put("text", text);
    a.putObject("recipient").put("id", "28:bot");
    ArrayNode entities = a.putArray("entities");
    entities
        .addObject()
        .put("type", "mention")
        .put("text", "<at>Sparring</at>")
        .putObject("mentioned")
        .put("id", "28:bot");
    entities
        .addObject()
        .put("type", "mention")
        .put("text", "<at>Ana Lopez</at>")
        .putObject("mentioned")
        .put("id", "29:1abc-DEF");
    return a;
  }

  @Test
  void theBotsMentionGoesAndAPersonBecomesAMentionTheCoreParses() {
    ObjectNode a = message("<p><at>Sparring</at> stats <at>Ana Lopez</at></p>");
    assertThat(TeamsText.mentionsBot(a)).isTrue();
    String text = TeamsText.command(TeamsText.of(a));
    assertThat(text).isEqualTo("stats <@29:1abc-DEF>");
    assertThat(Platforms.shipped().mentions().parse(TeamsModule.PLATFORM, text.substring(6)))
        .hasValueSatisfying(u -> assertThat(u.key()).isEqualTo("teams:29:1abc-DEF"));
  }

  @Test
  void markupIsDecodedAndALeadingSparIsDropped() {
    ObjectNode a = message("<at>Sparring</at> /spar interview &lt;senior&gt; R&amp;D<br>next");
    assertThat(TeamsText.command(TeamsText.of(a))).isEqualTo("interview <senior> R&D\nnext");
    ObjectNode plain = message("no mention here");
    plain.withArray("entities").removeAll();
    assertThat(TeamsText.mentionsBot(plain)).isFalse();
  }
}
