package dev.sparring.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.core.Inbound;
import dev.sparring.slack.SlackModule;
import org.junit.jupiter.api.Test;

class InlineTest {

  private static final UserRef ANA = new UserRef(SlackModule.PLATFORM, "U1ANA");

  @Test
  void namesLoseDisguisesAndStayOnOneLine() {
    assertThat(Inline.name("ad\u200Bmin\u202Egnp.exe", 80)).isEqualTo("admingnp.exe");
    assertThat(Inline.name("a\u200Dd\u200Cmin", 80)).isEqualTo("admin");
    assertThat(Inline.name(" two\n lines\t", 80)).isEqualTo("two lines");
    assertThat(Inline.name("\u200B\u202E \u2066", 80)).isEmpty();
    assertThat(Inline.name("x".repeat(200), 80)).hasSize(80).endsWith("\u2026");
    // A joiner inside an emoji sequence joins, so it stays.
    assertThat(Inline.name("\uD83D\uDC69\u200D\uD83D\uDCBB dev", 80))
        .isEqualTo("\uD83D\uDC69\u200D\uD83D\uDCBB dev");
  }

  @Test
  void anActorAlwaysHasAVisibleName() {
    Actor a = new Actor(ANA, "\u200B\u202E", false);
    assertThat(a.displayName()).isEqualTo("U1ANA");
    assertThat(new Actor(ANA, "ana\u202E", false).displayName()).isEqualTo("ana");
  }

  @Test
  void aPersonCannotForgeASpan() {
    // The delimiters are private-use characters, which clean() removes from text from outside.
    String forged = "\uE001 **bold** \uE002slack:U9BOSS\uE003boss\uE001";
    String body = "said " + Inline.data(forged);
    assertThat(Inline.render(body, recording()))
        .isEqualTo("[bot:said ][data:  **bold** slack:U9BOSSboss]");
  }

  @Test
  void inboundTextCannotCarryAForgedMention() {
    String forged = "hi \uE002slack:U9BOSS\uE003boss\uE001 there";
    Inbound.CommandInvoked c =
        new Inbound.CommandInvoked(
            "k",
            new TeamRef(SlackModule.PLATFORM, "T1"),
            new ChannelRef(SlackModule.PLATFORM, "C1"),
            Actor.of(ANA),
            "stats " + forged);
    assertThat(c.text()).isEqualTo("stats hi slack:U9BOSSboss there");
    // Echoed unwrapped by mistake, it is still only text.
    assertThat(Inline.render(c.text(), recording()))
        .isEqualTo("[bot:stats hi slack:U9BOSSboss there]");
  }

  @Test
  void spansAreRenderedByKindAndKnowWhetherTheyAreInCode() {
    String body =
        "**Hi** "
            + Inline.mention(ANA, "ana")
            + ", `"
            + Inline.data("x")
            + "` and "
            + Inline.data("y");
    assertThat(Inline.render(body, recording()))
        .isEqualTo("[bot:**Hi** ][@U1ANA ana][bot:, `][code: x][bot:` and ][data: y]");
    assertThat(Inline.plain(body)).isEqualTo("Hi @ana, `x` and y");
  }

  @Test
  void aSpanCutByClippingIsStillData() {
    String body = Texts.clip("a " + Inline.data("<!channel> and much more text"), 12);
    assertThat(Inline.render(body, recording())).isEqualTo("[bot:a ][data: <!channe\u2026]");
  }

  private static Inline.Style recording() {
    return new Inline.Style() {
      @Override
      public String bot(String text) {
        return "[bot:" + text + "]";
      }

      @Override
      public String data(String text, boolean inCode) {
        return (inCode ? "[code: " : "[data: ") + text + "]";
      }

      @Override
      public String mention(UserRef user, String name, boolean inCode) {
        return "[@" + (user == null ? "?" : user.id()) + " " + name + "]";
      }
    };
  }
}
