package dev.sparring.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.FollowUp;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Level;
import dev.sparring.bank.Misconception;
import dev.sparring.bank.Question;
import dev.sparring.chat.Inline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A team question's texts came from a person: they are posted as data, never as markup. */
class TeamQuestionTextTest {

  @Test
  void promptHintAndFollowUpsAreMarkedAsData() {
    KeyPoint kp = new KeyPoint("A point.", List.of("point"));
    Question q =
        new Question(
            "team-1",
            "team",
            Level.BEGINNER,
            List.of(),
            "What is *this* <@U1>?",
            "_think_",
            List.of(),
            List.of(kp),
            List.of(new FollowUp("And `that`?", List.of(kp), List.of())));
    Question shown = TeamBanks.asData(q);
    assertThat(shown.prompt()).isEqualTo(Inline.data("What is *this* <@U1>?"));
    assertThat(shown.hint()).isEqualTo(Inline.data("_think_"));
    assertThat(shown.followUps().get(0).prompt()).isEqualTo(Inline.data("And `that`?"));
    assertThat(Inline.plain(shown.prompt())).isEqualTo("What is *this* <@U1>?");
  }

  @Test
  void keyPointsKeepTheirTextsAndAreShownAsData() {
    KeyPoint kp =
        new KeyPoint(
            "<!channel> **b** `y` @everyone",
            List.of("*t*"),
            List.of(new Misconception("it is *free*", List.of("free"), "It costs <@U1>.")));
    Question q =
        new Question(
            "team-1",
            "team",
            Level.BEGINNER,
            List.of(),
            "What?",
            "",
            List.of(),
            List.of(kp),
            List.of(new FollowUp("And?", List.of(kp), List.of())));
    Question shown = TeamBanks.asData(q);
    for (KeyPoint k :
        List.of(shown.keyPoints().get(0), shown.followUps().get(0).keyPoints().get(0))) {
      // Grading and stored records read the texts as written...
      assertThat(k.point()).isEqualTo(kp.point());
      assertThat(k.terms()).isEqualTo(kp.terms());
      assertThat(k.wrong()).isEqualTo(kp.wrong());
      // ...and every message shows them as data.
      assertThat(k.fromPerson()).isTrue();
      assertThat(k.shown()).isEqualTo(Inline.data("<!channel> **b** `y` @everyone"));
      assertThat(k.shown("It costs <@U1>.")).isEqualTo(Inline.data("It costs <@U1>."));
    }
    // A pack file's point is the bot's own text.
    assertThat(kp.fromPerson()).isFalse();
    assertThat(kp.shown()).isEqualTo(kp.point());
  }
}
