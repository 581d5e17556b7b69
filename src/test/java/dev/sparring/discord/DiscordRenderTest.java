package dev.sparring.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.chat.Message;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class DiscordRenderTest {

  private static int total(MessageCreateData d) {
    return d.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum();
  }

  @Test
  void aShortMessageIsOneEmbedWithItsButtons() {
    Message m =
        new Message(
            "Mock interview \u00b7 s1-q01",
            "**Question** (1 of 4)\nExplain the execution model.",
            List.of(new Message.Field("Level", "senior", true)),
            List.of(
                new Message.Button(
                    "interview.hint", "Hint", "iv-abc", Message.Button.Style.SECONDARY),
                new Message.Button(
                    "interview.stop", "Stop", "iv-abc", Message.Button.Style.DANGER)));
    List<MessageCreateData> parts = DiscordRender.render(m, List.of());
    assertThat(parts).hasSize(1);
    MessageEmbed e = parts.get(0).getEmbeds().get(0);
    assertThat(e.getTitle()).isEqualTo("Mock interview \u00b7 s1-q01");
    assertThat(e.getDescription()).startsWith("**Question**");
    assertThat(e.getFields()).hasSize(1);
    assertThat(parts.get(0).getComponents()).hasSize(1);
    assertThat(parts.get(0).getComponents().toString())
        .contains("interview.hint|iv-abc")
        .contains("interview.stop|iv-abc");
  }

  @Test
  void longBodiesManyFieldsAndManyButtonsAreSplitWithinEveryLimit() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      body.append("- point ").append(i).append(' ').append("y".repeat(40)).append('\n');
    }
    List<Message.Field> fields = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      fields.add(new Message.Field("Field " + i, "v".repeat(900), false));
    }
    List<Message.Button> buttons = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      buttons.add(
          new Message.Button("drill.rate", "B" + i, "dr-" + i, Message.Button.Style.SECONDARY));
    }
    buttons.add(new Message.Button("x", "too long", "z".repeat(200), Message.Button.Style.PRIMARY));
    List<MessageCreateData> parts =
        DiscordRender.render(
            new Message("T".repeat(300), body.toString(), fields, buttons), List.of());
    assertThat(parts.size()).isGreaterThan(3);
    for (MessageCreateData d : parts) {
      assertThat(d.getEmbeds()).hasSize(1);
      MessageEmbed e = d.getEmbeds().get(0);
      assertThat(e.getTitle()).hasSizeLessThanOrEqualTo(256);
      if (e.getDescription() != null) {
        assertThat(e.getDescription()).hasSizeLessThanOrEqualTo(4096);
      }
      assertThat(e.getFields()).hasSizeLessThanOrEqualTo(25);
      assertThat(total(d)).isLessThanOrEqualTo(6000);
      assertThat(d.getComponents()).hasSizeLessThanOrEqualTo(5);
    }
    String all =
        parts.stream()
            .map(p -> String.valueOf(p.getEmbeds().get(0).getDescription()))
            .reduce("", String::concat);
    assertThat(all).contains("point 0 ").contains("point 599 ");
    assertThat(parts.stream().mapToLong(p -> p.getEmbeds().get(0).getFields().size()).sum())
        .isEqualTo(60);
    // Buttons ride on the last part only; the one whose id cannot fit is left out.
    assertThat(parts.get(parts.size() - 1).getComponents()).hasSize(5);
    assertThat(parts.subList(0, parts.size() - 1))
        .allSatisfy(p -> assertThat(p.getComponents()).isEmpty());
    assertThat(parts.get(parts.size() - 1).getComponents().toString()).doesNotContain("zzzz");
  }

  @Test
  void emojiAreNeverCutInHalf() {
    String s = "ab\uD83D\uDE80cd";
    assertThat(dev.sparring.chat.Texts.clip(s, 4)).isEqualTo("ab\u2026");
    assertThat(dev.sparring.chat.Texts.chunks("\uD83D\uDE80".repeat(3000), 4000))
        .allSatisfy(c -> assertThat(Character.isHighSurrogate(c.charAt(c.length() - 1))).isFalse());
  }
}
