package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.testing.HostileText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * Hostile names and texts through every command, rendered as Discord would receive them: people
 * appear as {@code <@id>} of the people involved, and nothing a person typed becomes a role or
 * everyone mention, a masked link, a heading or invisible text.
 */
class DiscordHostileTextTest {

  private static final Pattern MENTION = Pattern.compile("<@(\\d+)>");
  private static final Pattern UNESCAPED_LT = Pattern.compile("(?<!\\\\)<");
  private static final Pattern BROADCAST = Pattern.compile("(?<!\\\\)@(everyone|here)");
  private static final Pattern MASKED_LINK = Pattern.compile("(?<!\\\\)\\]\\((?i:https?:)");

  @Test
  void peoplesTextIsNeverDiscordMarkup() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add("10000000000000000" + i);
    }
    HostileText.Run run =
        HostileText.run(DiscordModule.PLATFORM, "900000000000000001", "900000000000000002", ids);
    List<String> texts = new ArrayList<>();
    for (Message m : run.said()) {
      for (MessageCreateData d : DiscordRender.render(m, List.of())) {
        texts.add(d.getContent());
        for (MessageEmbed e : d.getEmbeds()) {
          texts.add(e.getTitle() == null ? "" : e.getTitle());
          texts.add(e.getDescription() == null ? "" : e.getDescription());
          e.getFields().forEach(f -> texts.add(f.getName() + "\n" + f.getValue()));
        }
      }
    }
    int mentions = 0;
    for (String t : texts) {
      Matcher m = MENTION.matcher(t);
      while (m.find()) {
        assertThat(run.people()).as("mention in %s", t).contains(m.group(1));
        mentions++;
      }
      // Inside `code` Discord parses nothing, so only text outside code spans can be markup.
      String rest = MENTION.matcher(t).replaceAll("").replaceAll("`[^`]*`", "");
      assertThat(UNESCAPED_LT.matcher(rest).find()).as("a raw < in %s", t).isFalse();
      assertThat(BROADCAST.matcher(rest).find()).as("@everyone in %s", t).isFalse();
      assertThat(MASKED_LINK.matcher(rest).find()).as("masked link in %s", t).isFalse();
      assertThat(t).as("invisible text in %s", t).doesNotContain("\u202E", "\u200B");
    }
    assertThat(mentions).as("people are named as mentions").isGreaterThan(20);
    assertThat(String.join("\n", texts))
        .contains("\\@everyone \\<@&123456789012345678\\> \\[prize\\]\\(https://evil.example\\)");
  }

  @Test
  void mentionsInTitlesAreNamesBecauseDiscordDoesNotRenderThemThere() {
    Message m =
        Message.of(
            "Stats \u00b7 "
                + Inline.mention(
                    new dev.sparring.chat.UserRef(DiscordModule.PLATFORM, "123456789012345678"),
                    "ana"),
            "x");
    MessageEmbed e = DiscordRender.render(m, List.of()).get(0).getEmbeds().get(0);
    assertThat(e.getTitle()).isEqualTo("Stats \u00b7 @ana");
  }

  @Test
  void aBacktickFromAPersonCannotCloseTheBotsCodeSpan() {
    String body = "Unknown option " + Inline.code("x` @everyone `y", 40) + ".";
    assertThat(DiscordRender.markdown(body))
        .isEqualTo("Unknown option `x\u02CB @everyone \u02CBy`.");
  }
}
