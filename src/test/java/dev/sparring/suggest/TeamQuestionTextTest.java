package dev.sparring.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.FollowUp;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Level;
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
    assertThat(shown.keyPoints()).isEqualTo(q.keyPoints());
    assertThat(Inline.plain(shown.prompt())).isEqualTo("What is *this* <@U1>?");
  }
}
