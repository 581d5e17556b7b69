package dev.sparring.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.core.Inbound;
import dev.sparring.slack.SlackModule;
import java.util.List;
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
  void aSpanCutByClippingIsStillDataAndClosed() {
    String body = Texts.clip("a " + Inline.data("<!channel> and much more text"), 12);
    assertThat(body).hasSize(12);
    assertThat(Inline.render(body + " next", recording()))
        .isEqualTo("[bot:a ][data: <!chann\u2026][bot: next]");
  }

  @Test
  void clippingNeverLeavesASpanOpen() {
    String body =
        "a "
            + Inline.data("<!channel> *x* and \uD83D\uDE00 more")
            + " b "
            + Inline.mention(ANA, "ana maria")
            + " end";
    for (int max = 1; max < body.length(); max++) {
      String clipped = Texts.clip(body, max);
      assertThat(clipped).as("clipped to %d", max).hasSizeLessThanOrEqualTo(max);
      assertThat(Inline.open(clipped)).as("%s is open", clipped).isFalse();
      String rendered = Inline.render(clipped + " tail", recording());
      // What follows the clipped text is the bot's own, never swallowed by a span.
      assertThat(rendered.substring(rendered.lastIndexOf('[')))
          .as(rendered)
          .startsWith("[bot:")
          .endsWith(" tail]");
    }
  }

  @Test
  void piecesOfACutBodyAreEachWholeAndKeepThePersonsText() {
    String body = "said " + Inline.data("<!channel> *x* `y`") + " then";
    for (int at = 0; at <= body.length(); at++) {
      List<String> pieces = Inline.balanced(List.of(body.substring(0, at), body.substring(at)));
      assertThat(pieces).as("cut at %d", at).noneMatch(Inline::open);
      // The person's text is data on both sides of the cut, the bot's is not, and nothing is lost.
      assertThat(only(pieces, true)).as("cut at %d", at).isEqualTo("<!channel> *x* `y`");
      assertThat(only(pieces, false)).as("cut at %d", at).isEqualTo("said  then");
    }
    List<String> name =
        Inline.balanced(
            List.of(
                "hi " + Inline.mention(ANA, "ana maria").substring(0, 12),
                Inline.mention(ANA, "ana maria").substring(12) + " there"));
    assertThat(name).noneMatch(Inline::open);
    assertThat(Inline.render(name.get(1), recording())).endsWith("[bot: there]");
  }

  /** The data ({@code data}) or the bot's text of {@code pieces}, each rendered on its own. */
  private static String only(List<String> pieces, boolean data) {
    Inline.Style style =
        new Inline.Style() {
          @Override
          public String bot(String text) {
            return data ? "" : text;
          }

          @Override
          public String data(String text, boolean inCode) {
            return data ? text : "";
          }

          @Override
          public String mention(UserRef user, String name, boolean inCode) {
            return "";
          }
        };
    StringBuilder b = new StringBuilder();
    pieces.forEach(p -> b.append(Inline.render(p, style)));
    return b.toString();
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
