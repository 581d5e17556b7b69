package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.PackLoader;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.bank.Step;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped pack's rubrics read the way their authors meant, checked with {@link RubricCheck}.
 */
class ShippedRubricTest {

  static QuestionBank bank;

  @BeforeAll
  static void load() {
    PackLoader.Result result = new PackLoader().load(List.of(Path.of("prompts")));
    assertThat(result.problems())
        .withFailMessage(
            "%s", String.join("\n", result.problems().stream().map(Object::toString).toList()))
        .isEmpty();
    bank = result.bank();
  }

  @Test
  void misconceptionsAreRecognisedAndTheKeyPointsNeverContradictThemselves() {
    List<String> findings =
        new RubricCheck(new RubricGrader()).check(bank).stream().map(Object::toString).toList();
    assertThat(findings).withFailMessage("%s", String.join("\n", findings)).isEmpty();
  }

  @Test
  void everyKeyPointListsAtLeastOneMisconception() {
    List<String> without = new ArrayList<>();
    for (Question q : bank.questions()) {
      for (Step s : q.steps()) {
        for (KeyPoint kp : s.keyPoints()) {
          if (kp.wrong().isEmpty()) {
            without.add(q.id() + "/" + s.index() + ": " + kp.point());
          }
        }
      }
    }
    assertThat(without)
        .withFailMessage("key points without a misconception:\n%s", String.join("\n", without))
        .isEmpty();
  }
}
