package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Level;
import dev.sparring.bank.Misconception;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code validate} finds in a bank's rubrics beyond their shape. */
class RubricCheckTest {

  private static Question question(String id, String prompt, KeyPoint point) {
    return new Question(
        id, "p", Level.BEGINNER, List.of(), prompt, "", List.of(), List.of(point), List.of());
  }

  private static KeyPoint timeout(String term) {
    return new KeyPoint(
        "A job stops after 15 minutes.",
        List.of("15 minutes"),
        List.of(
            new Misconception(
                "A job can run for up to an hour.",
                List.of("job can run for up to an hour", term),
                "A job stops after 15 minutes.")));
  }

  private static final Question QUERIES =
      question(
          "queries",
          "How long can a query run?",
          new KeyPoint("A query is stopped after 60 minutes.", List.of("query limit")));

  @Test
  void aMisconceptionTermThatAnotherTrueKeyPointStatesIsTooBroad() {
    QuestionBank bank =
        QuestionBank.of(
            List.of(question("jobs", "How long can a job run?", timeout("60 minutes")), QUERIES));
    List<String> findings =
        new RubricCheck(new RubricGrader()).check(bank).stream().map(Object::toString).toList();
    assertThat(findings)
        .singleElement()
        .asString()
        .contains(
            "jobs step 0 key point 1", "\"60 minutes\"", "A query is stopped after 60 minutes.");
  }

  @Test
  void aTermThatSaysWhatIsFalseIsNoFinding() {
    QuestionBank bank =
        QuestionBank.of(
            List.of(
                question("jobs", "How long can a job run?", timeout("job runs for 60 minutes")),
                QUERIES));
    assertThat(new RubricCheck(new RubricGrader()).check(bank)).isEmpty();
  }

  @Test
  void aMisconceptionTermThatATrueKeyPointsTermStatesIsTooBroad() {
    Question servers =
        question(
            "servers",
            "What do your own servers give you?",
            new KeyPoint("Your own hosts give you full control.", List.of("root access")));
    Question functions =
        question(
            "functions",
            "What does serverless take away?",
            new KeyPoint(
                "The provider runs the machines.",
                List.of("provider runs the machines"),
                List.of(
                    new Misconception(
                        "Serverless gives you root access to the servers.",
                        List.of("serverless gives you root", "root access"),
                        "The provider runs the machines; you get no root access."))));
    List<String> findings =
        new RubricCheck(new RubricGrader())
            .check(QuestionBank.of(List.of(servers, functions))).stream()
                .map(Object::toString)
                .toList();
    assertThat(findings)
        .singleElement()
        .asString()
        .contains("functions step 0", "\"root access\"", "the term \"root access\"");
  }
}
