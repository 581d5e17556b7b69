package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.PackLoader;
import dev.sparring.bank.QuestionBank;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the grader on an own-words evaluation set
 * (src/test/resources/eval/grading-eval-v2.yaml): for every step a strong and a partial answer
 * labelled with the key points they truly cover, a fluent wrong answer, a vague echo of the
 * question and a good answer to a neighbouring question (these three cover nothing). Prints
 * key-point recall on own-words answers, precision of covered marks over all answers and pairwise
 * ordering, and fails when a figure drops below its floor.
 *
 * <p>The floors sit just below the figures measured when the set was written, so they guard against
 * regressions; the goals of issue 16 are recall 0.85, precision 0.90, ordering 0.95, strong above
 * fluent wrong in 0.90 of steps and partial above fluent wrong in 0.85.
 */
class GradingMeasurementTest {

  private static final Logger log = LoggerFactory.getLogger(GradingMeasurementTest.class);

  /** Kinds of answer, best first; the last three cover nothing and rank equal. */
  static final List<String> KINDS = List.of("strong", "partial", "wrong", "echo", "neighbour");

  static final Map<String, Integer> RANK =
      Map.of("strong", 2, "partial", 1, "wrong", 0, "echo", 0, "neighbour", 0);

  // Floors just below the figures measured with the shipped grader (terms and meaning), so they
  // guard against regressions. History, all on this set of 32 steps:
  //   terms only, as of commit 45f9f2c: recall 0.592, precision 0.500, ordering 0.730,
  //     strong > wrong 0.438, partial > wrong 0.000;
  //   + generic contradictions: recall 0.592, precision 0.534, ordering 0.770, 0.563, 0.188;
  //   + misconceptions for every key point, plain-language terms, meaning (MiniLM, threshold 0.55,
  //     anchored to the point's own words), contradictions costing 1.5 points, the relevance
  //     share counted on the points' own words: recall 0.845, precision 0.570, ordering 0.821,
  //     strong > wrong 0.750, partial > wrong 0.313;
  //   + reversals (opposites of a point's own words, judgements said in reverse, asserting what a
  //     point denies), a sentence that contradicts a point covering nothing else, negations further
  //     back in a clause, per-term negativity: recall 0.845, precision 0.650, ordering 0.864,
  //     strong > wrong 0.781, partial > wrong 0.531 (with the whole sentence of a contradiction
  //     tainted; only its clause and the clauses tied to it by "so", "because" or a colon, as
  //     now, credits "a queue decouples them, and retries are optional" with its first half);
  //   + the question's own words repeated back cover nothing (graded with the step's prompt), the
  //     clause-level taint: recall 0.845, precision 0.665, ordering 0.873, strong > wrong 0.844,
  //     partial > wrong 0.438;
  //   + "has no effect" dismisses, shrink/trim the opposite of bigger: precision 0.671, ordering
  //     0.877, partial > wrong 0.469 (the held-out set, re-measured without reading its failures,
  //     is unchanged);
  //   + stance, defaults, no vocabulary share when contradicted: precision 0.674, ordering 0.904,
  //     strong > wrong 0.875, partial > wrong 0.625;
  //   + in doubt (once an answer contradicts a point, another point needs two of its terms in
  //     separate words, and neither meaning nor the claim's words credit it): precision 0.778,
  //     ordering 0.926, partial > wrong 0.781 (one phrase plus one of the point's words in its
  //     sentence instead: 0.739; either: 0.731); misconceptions also read from their claim's own
  //     words, other points' absences respected: precision 0.795, the rest unchanged;
  //   + a dismissal shared by a list of subjects ("X and Y are unnecessary"): precision 0.812,
  //     ordering 0.933, strong > wrong 0.906, partial > wrong 0.813;
  //   + in doubt also when under a quarter of the answer's content words are the step's own (a
  //     neighbour's answer): precision 0.860, ordering 0.946 (a fifth or three tenths measured the
  //     same; three twentieths 0.826 and 0.933);
  //   + more general pairs of opposites (add/remove, include/exclude, enable/disable, safe/unsafe,
  //     warm/cold, keep/drop, internal/external and the like): precision 0.875, ordering 0.951,
  //     partial > wrong 0.844 (with many/single too: recall 0.839, ordering 0.940, as "a single
  //     event to many consumers" holds both); the held-out set unchanged;
  //   + a point that negates one thing ("without custom code") no longer shields its other terms
  //     from a dismissal (0.891 alone), and a negator may stand before the point's own function
  //     words ("never after idle periods", 0.886 alone): together precision 0.902, ordering 0.964,
  //     strong > wrong 0.938, partial > wrong 0.906; the held-out set unchanged;
  //   + a pronoun in a term stands for up to three words ("only pay when it runs"): recall 0.851.
  //   + in an answer of twenty content words or more, a one-word term needs a word of its point in
  //     its sentence (chosen on this set and grading-eval-v3.yaml together): unchanged here.
  //   + off the topic below three tenths of the step's own words, not a quarter (chosen on both own
  //     sets): unchanged here.
  //   + the bank's sweeping misconceptions ("always cheaper", "retried forever") read in every
  //     answer, putting it in doubt (chosen on both own sets): precision 0.908, ordering 0.973,
  //     strong > wrong 0.969, partial > wrong 0.938 (every misconception term read everywhere:
  //     recall 0.839).
  // Goals of issue 16: recall 0.85, precision 0.90, ordering 0.95, strong > wrong 0.90, partial >
  // wrong 0.85. Fluent wrong answers that swap facts without a listed misconception or a number
  // are what keeps precision down: raise a floor whenever the grader improves.
  static final double RECALL_FLOOR = 0.845;
  static final double PRECISION_FLOOR = 0.90;
  static final double ORDERING_FLOOR = 0.965;
  static final double STRONG_OVER_WRONG_FLOOR = 0.93;
  static final double PARTIAL_OVER_WRONG_FLOOR = 0.90;

  record Answer(String kind, String text, Set<Integer> covers) {}

  record Step(
      String question,
      int step,
      dev.sparring.bank.Step asked,
      List<KeyPoint> points,
      Map<String, Answer> answers) {
    String key() {
      return question + "/" + step;
    }
  }

  record Graded(Step step, Answer answer, Grade grade, Set<Integer> marked) {}

  /** The figures of one run. */
  record Figures(
      double recall,
      double precision,
      double ordering,
      double strongOverWrong,
      double partialOverWrong,
      Map<String, String> perKind,
      List<String> failures) {}

  static List<Step> steps;
  static Figures figures;

  @BeforeAll
  static void measure() throws Exception {
    QuestionBank bank = new PackLoader().load(List.of(Path.of("prompts"))).bank();
    steps = load(bank);
    figures = measure(steps, SharedMeaning.grader());
    report(log, "grading measurement", steps, figures);
  }

  /** Logs the figures of a set, then each kind's counts and each failure, under {@code what}. */
  static void report(Logger log, String what, List<Step> steps, Figures figures) {
    log.info(
        "{} over {} steps: own-words recall {}, precision {}, pairwise ordering {}, strong > wrong"
            + " {}, partial > wrong {}",
        what,
        steps.size(),
        f(figures.recall()),
        f(figures.precision()),
        f(figures.ordering()),
        f(figures.strongOverWrong()),
        f(figures.partialOverWrong()));
    figures.perKind().forEach((kind, line) -> log.info("{}, {}: {}", what, kind, line));
    figures.failures().forEach(line -> log.info("{}, failure: {}", what, line));
  }

  /** The steps of a set and its figures. */
  record Measured(List<Step> steps, Figures figures) {}

  /**
   * Loads the set at {@code resource} against the shipped pack, grades it with terms and meaning,
   * and logs its figures under {@code what}.
   */
  static Measured measureSet(Logger log, String what, String resource) throws Exception {
    QuestionBank bank = new PackLoader().load(List.of(Path.of("prompts"))).bank();
    List<Step> steps = load(bank, resource);
    Figures figures = measure(steps, SharedMeaning.grader());
    report(log, what, steps, figures);
    return new Measured(steps, figures);
  }

  /** Fails when recall, precision or ordering is below its floor. */
  static void assertFloors(Figures figures, double recall, double precision, double ordering) {
    assertThat(figures.recall()).as("own-words recall").isGreaterThanOrEqualTo(recall);
    assertThat(figures.precision()).as("precision").isGreaterThanOrEqualTo(precision);
    assertThat(figures.ordering()).as("pairwise ordering").isGreaterThanOrEqualTo(ordering);
  }

  static List<Step> load(QuestionBank bank) throws Exception {
    return load(bank, "/eval/grading-eval-v2.yaml");
  }

  static List<Step> load(QuestionBank bank, String resource) throws Exception {
    JsonNode root;
    try (InputStream in = GradingMeasurementTest.class.getResourceAsStream(resource)) {
      assertThat(in).as("the evaluation set").isNotNull();
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    Map<String, JsonNode> items = new LinkedHashMap<>();
    for (JsonNode item : root.get("items")) {
      String key = item.get("question").asText() + "/" + item.get("step").asInt();
      assertThat(items.put(key, item)).as("duplicate step %s", key).isNull();
    }
    List<Step> out = new ArrayList<>();
    for (var e : items.entrySet()) {
      JsonNode item = e.getValue();
      String question = item.get("question").asText();
      int index = item.get("step").asInt();
      dev.sparring.bank.Step asked =
          bank.get(question)
              .orElseThrow(() -> new AssertionError("no question " + question))
              .step(index);
      List<KeyPoint> points = asked.keyPoints();
      Map<String, Answer> answers = new LinkedHashMap<>();
      for (String kind : List.of("strong", "partial")) {
        JsonNode a = item.get(kind);
        assertThat(a).as("%s answer of %s", kind, e.getKey()).isNotNull();
        Set<Integer> covers = new HashSet<>();
        a.get("covers").forEach(n -> covers.add(n.asInt()));
        assertThat(covers)
            .as("labels of the %s answer of %s", kind, e.getKey())
            .isNotEmpty()
            .allMatch(i -> i >= 0 && i < points.size());
        answers.put(kind, new Answer(kind, a.get("text").asText(), covers));
      }
      answers.put("wrong", new Answer("wrong", item.get("wrong").asText(), Set.of()));
      answers.put("echo", new Answer("echo", item.get("echo").asText(), Set.of()));
      String neighbour = item.get("neighbour").asText();
      assertThat(neighbour).as("neighbour of %s", e.getKey()).isNotEqualTo(e.getKey());
      assertThat(items).as("neighbour of %s", e.getKey()).containsKey(neighbour);
      answers.put(
          "neighbour",
          new Answer(
              "neighbour", items.get(neighbour).get("strong").get("text").asText(), Set.of()));
      out.add(new Step(question, index, asked, points, answers));
    }
    return out;
  }

  static Figures measure(List<Step> steps, Grader grader) {
    Map<String, List<Graded>> byKind = new LinkedHashMap<>();
    KINDS.forEach(k -> byKind.put(k, new ArrayList<>()));
    List<String> failures = new ArrayList<>();
    double ordered = 0;
    int pairs = 0;
    int strongOverWrong = 0;
    int partialOverWrong = 0;
    for (Step step : steps) {
      Map<String, Graded> graded = new HashMap<>();
      for (Answer a : step.answers().values()) {
        Grade grade = grader.grade(a.text(), step.asked());
        Set<Integer> marked = new HashSet<>();
        for (KeyPoint p : grade.covered()) {
          marked.add(step.points().indexOf(p));
        }
        Graded g = new Graded(step, a, grade, marked);
        graded.put(a.kind(), g);
        byKind.get(a.kind()).add(g);
        for (int i : marked) {
          if (!a.covers().contains(i)) {
            failures.add(
                String.format(
                    Locale.ROOT,
                    "%s %s (%d): false mark %d \"%s\" on \"%s\"",
                    step.key(),
                    a.kind(),
                    grade.score(),
                    i,
                    step.points().get(i).point(),
                    excerpt(a.text())));
          }
        }
        for (int i : a.covers()) {
          if (!marked.contains(i)) {
            failures.add(
                String.format(
                    Locale.ROOT,
                    "%s %s (%d): missed %d \"%s\"",
                    step.key(),
                    a.kind(),
                    grade.score(),
                    i,
                    step.points().get(i).point()));
          }
        }
      }
      for (int i = 0; i < KINDS.size(); i++) {
        for (int j = i + 1; j < KINDS.size(); j++) {
          String better = KINDS.get(i);
          String worse = KINDS.get(j);
          if (RANK.get(better).equals(RANK.get(worse))) {
            continue;
          }
          int sb = graded.get(better).grade().score();
          int sw = graded.get(worse).grade().score();
          pairs++;
          ordered += sb > sw ? 1 : sb == sw ? 0.5 : 0;
          if (sb <= sw) {
            failures.add(
                String.format(
                    Locale.ROOT, "%s: %s %d <= %s %d", step.key(), better, sb, worse, sw));
          }
        }
      }
      int wrong = graded.get("wrong").grade().score();
      strongOverWrong += graded.get("strong").grade().score() > wrong ? 1 : 0;
      partialOverWrong += graded.get("partial").grade().score() > wrong ? 1 : 0;
    }
    int labelled = 0;
    int found = 0;
    for (String kind : List.of("strong", "partial")) {
      for (Graded g : byKind.get(kind)) {
        labelled += g.answer().covers().size();
        found += (int) g.answer().covers().stream().filter(g.marked()::contains).count();
      }
    }
    int marks = 0;
    int rightMarks = 0;
    Map<String, String> perKind = new LinkedHashMap<>();
    for (String kind : KINDS) {
      int kindMarks = 0;
      int kindRight = 0;
      int kindLabelled = 0;
      int kindFound = 0;
      double scores = 0;
      int contradicting = 0;
      for (Graded g : byKind.get(kind)) {
        contradicting += g.grade().contradicted().isEmpty() ? 0 : 1;
        kindMarks += g.marked().size();
        kindRight += (int) g.marked().stream().filter(g.answer().covers()::contains).count();
        kindLabelled += g.answer().covers().size();
        kindFound += (int) g.answer().covers().stream().filter(g.marked()::contains).count();
        scores += g.grade().score();
      }
      marks += kindMarks;
      rightMarks += kindRight;
      perKind.put(
          kind,
          String.format(
              Locale.ROOT,
              "mean score %.1f, covered marks %d of which right %d, labelled points %d of which"
                  + " found %d, answers with a contradiction %d of %d",
              scores / byKind.get(kind).size(),
              kindMarks,
              kindRight,
              kindLabelled,
              kindFound,
              contradicting,
              byKind.get(kind).size()));
    }
    return new Figures(
        labelled == 0 ? 0 : (double) found / labelled,
        marks == 0 ? 1 : (double) rightMarks / marks,
        pairs == 0 ? 0 : ordered / pairs,
        (double) strongOverWrong / steps.size(),
        (double) partialOverWrong / steps.size(),
        perKind,
        failures);
  }

  private static String excerpt(String text) {
    return text.length() <= 90 ? text : text.substring(0, 90) + "…";
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  @Test
  void theSetCoversAtLeastThirtyStepsAcrossThePack() {
    assertThat(steps).hasSizeGreaterThanOrEqualTo(30);
    assertThat(steps.stream().map(Step::question).distinct().count()).isGreaterThanOrEqualTo(20);
    assertThat(steps.stream().filter(s -> s.step() > 0).count()).isGreaterThanOrEqualTo(10);
    assertThat(steps.stream().filter(s -> s.step() == 0).count()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void ownWordsRecallStaysAboveItsFloor() {
    assertThat(figures.recall()).as("own-words recall").isGreaterThanOrEqualTo(RECALL_FLOOR);
  }

  @Test
  void precisionOfCoveredMarksStaysAboveItsFloor() {
    assertThat(figures.precision()).as("precision").isGreaterThanOrEqualTo(PRECISION_FLOOR);
  }

  @Test
  void pairwiseOrderingStaysAboveItsFloor() {
    assertThat(figures.ordering()).as("pairwise ordering").isGreaterThanOrEqualTo(ORDERING_FLOOR);
  }

  @Test
  void ownWordsAnswersOutscoreFluentWrongOnesAtLeastAsOftenAsToday() {
    assertThat(figures.strongOverWrong())
        .as("share of steps with strong > fluent wrong")
        .isGreaterThanOrEqualTo(STRONG_OVER_WRONG_FLOOR);
    assertThat(figures.partialOverWrong())
        .as("share of steps with partial > fluent wrong")
        .isGreaterThanOrEqualTo(PARTIAL_OVER_WRONG_FLOOR);
  }
}
