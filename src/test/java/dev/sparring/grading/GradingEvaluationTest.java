package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sparring.bank.PackLoader;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The grader against a labelled set (src/test/resources/eval/grading-eval.yaml): answers of several
 * qualities to questions of the shipped pack, including long answers that say nothing concrete and
 * strong answers to other questions. For every pair of answers to the same step with different
 * labels, the better-labelled answer must score higher; the share of pairs ordered right (ties
 * count half) must stay at 0.9 or more.
 */
class GradingEvaluationTest {

  /** Label ranks: higher must score higher. Labels of equal rank are not compared. */
  static final Map<String, Integer> RANK =
      Map.of(
          "strong", 4,
          "good", 3,
          "partial", 2,
          "buzzwords", 1,
          "weak", 1,
          "fluff", 0,
          "offtopic", 0,
          "empty", 0);

  record Labelled(String question, int step, String label, String text) {}

  static List<Labelled> load() throws Exception {
    try (InputStream in =
        GradingEvaluationTest.class.getResourceAsStream("/eval/grading-eval.yaml")) {
      assertThat(in).as("the evaluation set").isNotNull();
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      List<Labelled> out = new ArrayList<>();
      for (JsonNode item : root.get("items")) {
        int step = item.has("step") ? item.get("step").asInt() : 0;
        for (JsonNode a : item.get("answers")) {
          String label = a.get("label").asText().toLowerCase(Locale.ROOT);
          assertThat(RANK)
              .as("label of an answer to %s", item.get("question").asText())
              .containsKey(label);
          out.add(new Labelled(item.get("question").asText(), step, label, a.get("text").asText()));
        }
      }
      return out;
    }
  }

  /** Pairwise ordering accuracy of the grader on the set. */
  static double accuracy(
      List<Labelled> set, QuestionBank bank, Grader grader, List<String> misses) {
    double right = 0;
    int pairs = 0;
    for (int i = 0; i < set.size(); i++) {
      for (int j = i + 1; j < set.size(); j++) {
        Labelled a = set.get(i);
        Labelled b = set.get(j);
        if (!a.question().equals(b.question())
            || a.step() != b.step()
            || RANK.get(a.label()).equals(RANK.get(b.label()))) {
          continue;
        }
        Question q =
            bank.get(a.question())
                .orElseThrow(() -> new AssertionError("no question " + a.question()));
        var step = q.step(a.step());
        int sa = grader.grade(a.text(), step).score();
        int sb = grader.grade(b.text(), step).score();
        Labelled better = RANK.get(a.label()) > RANK.get(b.label()) ? a : b;
        int sBetter = better == a ? sa : sb;
        int sWorse = better == a ? sb : sa;
        pairs++;
        if (sBetter > sWorse) {
          right += 1;
        } else if (sBetter == sWorse) {
          right += 0.5;
          misses.add(a.question() + ": tie " + sa + " (" + a.label() + " vs " + b.label() + ")");
        } else {
          Labelled worse = better == a ? b : a;
          misses.add(
              a.question()
                  + ": "
                  + better.label()
                  + " "
                  + sBetter
                  + " < "
                  + worse.label()
                  + " "
                  + sWorse);
        }
      }
    }
    assertThat(pairs).isGreaterThan(100);
    return right / pairs;
  }

  @Test
  void pairwiseOrderingAccuracyIsAtLeastNinetyPercent() throws Exception {
    List<Labelled> set = load();
    QuestionBank bank = new PackLoader().load(List.of(Path.of("prompts"))).bank();
    assertThat(set.stream().map(Labelled::question).distinct().count()).isGreaterThanOrEqualTo(20);
    List<String> misses = new ArrayList<>();
    double terms = accuracy(set, bank, new RubricGrader(), new ArrayList<>());
    double accuracy = accuracy(set, bank, SharedMeaning.grader(), misses);
    var log = org.slf4j.LoggerFactory.getLogger(GradingEvaluationTest.class);
    log.info(
        "grading evaluation: pairwise accuracy {} over {} answers (terms alone: {})",
        String.format(Locale.ROOT, "%.3f", accuracy),
        set.size(),
        String.format(Locale.ROOT, "%.3f", terms));
    misses.forEach(m -> log.info("grading evaluation, miss: {}", m));
    assertThat(accuracy).as("pairwise accuracy; misses: %s", misses).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void fluffAndOffTopicAnswersScoreLow() throws Exception {
    QuestionBank bank = new PackLoader().load(List.of(Path.of("prompts"))).bank();
    RubricGrader grader = SharedMeaning.grader();
    for (Labelled l : load()) {
      if (l.label().equals("fluff") || l.label().equals("offtopic") || l.label().equals("empty")) {
        int score =
            grader.grade(l.text(), bank.get(l.question()).orElseThrow().step(l.step())).score();
        assertThat(score)
            .as("%s answer to %s: %s", l.label(), l.question(), l.text())
            .isLessThanOrEqualTo(40);
      }
    }
  }
}
