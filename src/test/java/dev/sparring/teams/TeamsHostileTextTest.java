package dev.sparring.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.UserRef;
import dev.sparring.testing.HostileText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * People's text in Adaptive Cards shows as typed: no markdown, no links, no forged {@code <at>}
 * mentions (a mention is real only with its entity, which only the bot's own mentions get), and
 * every card stays under Teams' size limit.
 */
class TeamsHostileTextTest {

  private static final Pattern AT = Pattern.compile("<at>([^<]*)</at>");
  private static final Pattern UNESCAPED = Pattern.compile("(?<!\\\\)[<\\[`*_]");

  @Test
  void peoplesTextIsNeverTeamsMarkup() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add("29:user-" + i);
    }
    HostileText.Run run = HostileText.run(TeamsModule.PLATFORM, "T1", "19:c@thread.tacv2", ids);
    int mentions = 0;
    for (Message m : run.said()) {
      for (ObjectNode activity : TeamsCards.render(m)) {
        assertThat(TeamsCards.bytes(activity)).isLessThanOrEqualTo(TeamsCards.MAX_BYTES);
        JsonNode card = activity.path("attachments").path(0).path("content");
        List<String> entityTexts = new ArrayList<>();
        for (JsonNode e : card.path("msteams").path("entities")) {
          assertThat(run.people()).contains(e.path("mentioned").path("id").asText());
          entityTexts.add(e.path("text").asText());
        }
        for (String t : texts(card)) {
          Matcher at = AT.matcher(t);
          while (at.find()) {
            assertThat(entityTexts)
                .as("a mention without its entity in %s", t)
                .contains(at.group());
            mentions++;
          }
          // The bot's own markdown (bold, italics, code) is in its own words; what remains after
          // removing them must have no raw markup character left from people.
          String rest =
              AT.matcher(t).replaceAll("").replace("**", "").replaceAll("(?<!\\\\)`[^`]*`", "");
          rest = rest.replaceAll("(?<![\\\\\\w])_[^_\\n]+_(?!\\w)", "");
          assertThat(rest).as("invisible text in %s", t).doesNotContain("\u202E", "\u200B");
          assertThat(rest)
              .as("a link from a person in %s", t)
              .doesNotContainPattern("(?<!\\\\)\\]\\(");
          assertThat(rest).as("a raw < in %s", t).doesNotContainPattern("(?<!\\\\)<");
        }
      }
    }
    assertThat(mentions).as("people are named as mentions").isGreaterThan(20);
  }

  @Test
  void escapingKeepsTheTextAndALongBodyIsSplitIntoCardsUnderTheLimit() {
    assertThat(TeamsCards.escape("[prize](https://evil.example) <at>Boss</at> *x*"))
        .isEqualTo("\\[prize\\]\\(https://evil.example\\) \\<at\\>Boss\\</at\\> \\*x\\*");
    assertThat(UNESCAPED.matcher(TeamsCards.escape("- a `b` _c_ [d] <e>")).find()).isFalse();

    String line = "\u4e2d".repeat(900); // three bytes each in UTF-8
    String body = String.join("\n", java.util.Collections.nCopies(40, Inline.data(line)));
    Message big =
        Message.of("Export", body)
            .withButtons(List.of(new Message.Button("x.go", "Go", "v", null)))
            .withFields(
                List.of(
                    new Message.Field(
                        "by",
                        Inline.mention(new UserRef(TeamsModule.PLATFORM, "29:a"), "Ana"),
                        true)));
    List<ObjectNode> parts = TeamsCards.render(big);
    assertThat(parts).hasSizeGreaterThan(1);
    StringBuilder all = new StringBuilder();
    for (ObjectNode p : parts) {
      assertThat(TeamsCards.bytes(p)).isLessThanOrEqualTo(TeamsCards.MAX_BYTES);
      for (String t : texts(p.path("attachments").path(0).path("content"))) {
        all.append(t);
      }
    }
    assertThat(all.toString().replace("\n", "")).contains(line.repeat(40));
    ObjectNode last = parts.get(parts.size() - 1);
    JsonNode content = last.path("attachments").path(0).path("content");
    assertThat(content.path("actions").path(0).path("title").asText()).isEqualTo("Go");
    assertThat(
            content.path("msteams").path("entities").path(0).path("mentioned").path("id").asText())
        .isEqualTo("29:a");
    assertThat(parts.get(0).path("attachments").path(0).path("content").has("actions")).isFalse();
  }

  private static List<String> texts(JsonNode card) {
    List<String> out = new ArrayList<>();
    for (JsonNode b : card.path("body")) {
      if (b.has("text")) {
        out.add(b.path("text").asText());
      }
      for (JsonNode f : b.path("facts")) {
        out.add(f.path("title").asText());
        out.add(f.path("value").asText());
      }
    }
    return out;
  }
}
