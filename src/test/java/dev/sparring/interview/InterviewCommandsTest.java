package dev.sparring.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.Question;
import dev.sparring.chat.Inline;
import dev.sparring.testing.TestPacks;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterviewCommandsTest {

  private final InterviewCommands commands = new InterviewCommands(TestPacks.demo());

  /** The error as people read it (person-typed words are wrapped as data in the message). */
  private String error(List<String> words) {
    return Inline.unwrap(commands.select(words).error());
  }

  private List<String> ids(InterviewCommands.Selection s) {
    return s.candidates().stream().map(Question::id).toList();
  }

  @Test
  void wordsInAnyOrderAndAnyCaseChooseTheQuestions() {
    assertThat(ids(commands.select(List.of("Beginner", "DEMO")))).containsExactly("demo-basic");
    assertThat(ids(commands.select(List.of("messaging")))).containsExactly("demo-senior");
    assertThat(ids(commands.select(List.of("demo-senior")))).containsExactly("demo-senior");
  }

  @Test
  void theRefusedWordIsTheOneNamedEvenWhenItIsValidOnItsOwn() {
    // "senior" is a level, but the level was already given: it is the word at fault.
    assertThat(commands.select(List.of("demo", "beginner", "senior")).candidates()).isEmpty();
    assertThat(error(List.of("demo", "beginner", "senior")))
        .startsWith("No question, pack, level or topic called `senior`.")
        .contains("Packs: demo;")
        .endsWith("`/spar questions` lists ids.");
    assertThat(error(List.of("demo", "fundamentals", "reliability")))
        .startsWith("No question, pack, level or topic called `reliability`.");
  }
}
