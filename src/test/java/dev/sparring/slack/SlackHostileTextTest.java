package dev.sparring.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.sparring.chat.Message;
import dev.sparring.testing.HostileText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile names and texts through every command, rendered as Slack would receive them: in mrkdwn
 * and in the notification text, the only {@code <...>} are mentions of the people involved, and
 * every {@code &} is an escape.
 */
class SlackHostileTextTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)>");
  private static final Pattern AMP = Pattern.compile("&(?!amp;|lt;|gt;)");

  @Test
  void peoplesTextIsNeverSlackMarkup() throws Exception {
    List<String> ids = List.of("UH0", "UH1", "UH2", "UH3", "UH4", "UH5", "UH6", "UH7");
    HostileText.Run run = HostileText.run(SlackModule.PLATFORM, "T1", "C1", ids);
    assertThat(run.said()).hasSizeGreaterThan(200);
    List<String> texts = new ArrayList<>();
    for (Message m : run.said()) {
      for (BlockKit.Rendered r : BlockKit.render(m)) {
        texts.add(r.text());
        collectMrkdwn(JSON.readTree(GSON.toJson(r.blocks())), texts);
      }
    }
    int mentions = 0;
    for (String t : texts) {
      Matcher m = MENTION.matcher(t);
      while (m.find()) {
        // The people in the run, and the one a help example names with `stats @user`.
        assertThat(m.group(1)).as("mention in %s", t).isIn(with(run.people(), "UZED"));
        mentions++;
      }
      String rest = MENTION.matcher(t).replaceAll("");
      assertThat(rest).as("markup left in %s", t).doesNotContain("<", ">");
      assertThat(AMP.matcher(rest).find()).as("bare & in %s", t).isFalse();
      for (String bad : HostileText.INVISIBLE) {
        assertThat(t).as("invisible characters in %s", t).doesNotContain(bad);
      }
    }
    String all = String.join("\n", texts);
    assertThat(mentions).as("people are named as mentions").isGreaterThan(20);
    assertThat(all).contains("&lt;!channel&gt;", "R&amp;D &lt;b&gt;", "admingnp.exe");
  }

  @Test
  void aCompetitionNameIsEscapedInTheNotificationTextToo() {
    Message m =
        Message.of("\uD83C\uDFC6 " + dev.sparring.chat.Inline.data("<!here>") + " is over", "x");
    assertThat(BlockKit.render(m).get(0).text()).startsWith("\uD83C\uDFC6 &lt;!here&gt; is over");
    // Headers are plain text, which Slack shows as it is: nothing to escape, nothing parsed.
    assertThat(GSON.toJson(BlockKit.render(m).get(0).blocks())).contains("<!here> is over");
  }

  @Test
  void aBacktickFromAPersonCannotCloseTheBotsCodeSpan() {
    String body = "Unknown option " + dev.sparring.chat.Inline.code("x` <!channel> `y", 40) + ".";
    String rendered = BlockKit.mrkdwn(body);
    assertThat(rendered).isEqualTo("Unknown option `x\u02CB &lt;!channel&gt; \u02CBy`.");
  }

  static java.util.Set<String> with(java.util.Set<String> people, String more) {
    java.util.Set<String> all = new java.util.HashSet<>(people);
    all.add(more);
    return all;
  }

  private static void collectMrkdwn(JsonNode node, List<String> out) {
    if (node.isObject()) {
      if ("mrkdwn".equals(node.path("type").asText()) && node.has("text")) {
        out.add(node.get("text").asText());
      }
      node.elements().forEachRemaining(n -> collectMrkdwn(n, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(n -> collectMrkdwn(n, out));
    }
  }
}
