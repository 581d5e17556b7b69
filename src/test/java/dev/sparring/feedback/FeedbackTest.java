package dev.sparring.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Step;
import dev.sparring.chat.Inline;
import dev.sparring.grading.Grade;
import dev.sparring.grading.RubricGrader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackTest {

  private static final KeyPoint DLQ =
      new KeyPoint(
          "Failed messages go to a dead letter queue.", List.of("DLQ", "dead letter queue"));
  private static final KeyPoint IDEMPOTENT =
      new KeyPoint("The consumer is idempotent.", List.of("idempotent"));
  private static final KeyPoint BACKOFF = new KeyPoint("retry with backoff", List.of("backoff"));

  /** A long text of numbered sentences, each easy to find whole. */
  static String sentences(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append(b.length() == 0 ? "" : " ")
          .append("Sentence number ")
          .append(i)
          .append(" explains one more detail of the design in plain words.");
    }
    return b.toString();
  }

  @Test
  void theVerdictCountsCoveredPointsAndQuotesEveryContradictionOnItsOwnLine() {
    Grade g =
        new RubricGrader()
            .grade(
                // Two terms for the covered point: after a false statement one is not enough.
                "A DLQ is unnecessary because retries handle everything. The consumer is"
                    + " idempotent, so it is safe to repeat.",
                List.of(
                    DLQ,
                    new KeyPoint(IDEMPOTENT.point(), List.of("idempotent", "safe to repeat")),
                    BACKOFF));
    String verdict = Inline.plain(Feedback.verdict(g));
    assertThat(verdict.lines().toList())
        .containsExactly(
            "Covered 1 of 3 key points.",
            "\u2717 You said \u201cA DLQ is unnecessary\u201d;"
                + " in fact: Failed messages go to a dead letter queue.");
    assertThat(Feedback.verdict(new Grade(100, List.of(DLQ), List.of(), "")))
        .isEqualTo("Covered 1 of 1 key point.");
  }

  @Test
  void longLinesBreakBetweenSentencesNeverInsideOne() {
    String text = sentences(80); // about 5,000 characters
    List<String> lines = Feedback.wrap(text, Feedback.MAX_LINE);
    assertThat(lines).hasSizeGreaterThan(1);
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Feedback.MAX_LINE));
    assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("Sentence number ").endsWith("."));
    assertThat(String.join(" ", lines)).isEqualTo(text);
    // A sentence longer than a line breaks between words.
    String word = "word ".repeat(1_000).strip();
    assertThat(Feedback.wrap(word, 100))
        .allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(100).matches("(word ?)+"));
  }

  @Test
  void fitKeepsWholeLinesAndSaysHowManyWereLeftOut() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      lines.add("- line " + i + " " + "x".repeat(80));
    }
    String fitted = Feedback.fit(lines, 1_000, "answers");
    assertThat(fitted.length()).isLessThanOrEqualTo(1_000);
    List<String> kept = fitted.lines().toList();
    assertThat(kept.subList(0, kept.size() - 1)).allSatisfy(l -> assertThat(lines).contains(l));
    assertThat(kept.get(kept.size() - 1))
        .isEqualTo("_\u2026and " + (100 - (kept.size() - 1)) + " more answers._");
    assertThat(Feedback.fit(lines.subList(0, 3), 1_000, "answers"))
        .isEqualTo(String.join("\n", lines.subList(0, 3)));
  }

  @Test
  void theModelAnswerJoinsTheKeyPointsAsSentencesAndShortensOnlyBetweenThem() {
    Step step = new Step(0, "Why?", List.of(DLQ, IDEMPOTENT, BACKOFF));
    assertThat(Feedback.modelAnswer(step))
        .isEqualTo(
            "Failed messages go to a dead letter queue. The consumer is idempotent. Retry with"
                + " backoff.");
    String note = "(shortened)";
    String shortened = Feedback.shortened(sentences(50), 500, note);
    assertThat(shortened).hasSizeLessThanOrEqualTo(500).endsWith(". " + note);
    assertThat(sentences(50))
        .startsWith(shortened.substring(0, shortened.length() - note.length() - 1));
  }

  @Test
  void hintsGoFromTheHintToEachPointsTopicThenThePoint() {
    assertThat(Hints.levels("Think twice.", List.of(DLQ, IDEMPOTENT)))
        .containsExactly(
            "Think twice.",
            "key point 1 of 2 is about \u201cDLQ\u201d and \u201cdead letter queue\u201d.",
            "key point 1 of 2: Failed messages go to a dead letter queue.",
            "key point 2 of 2 is about \u201cidempotent\u201d.",
            "key point 2 of 2: The consumer is idempotent.");
    // No hint text and a point without terms: straight to the point.
    assertThat(Hints.levels("", List.of(new KeyPoint("Say it.", List.of()))))
        .containsExactly("key point 1 of 1: Say it.");
  }

  @Test
  void sourcesListEachReferenceOnceWithTheLatestDayItWasChecked() {
    java.time.LocalDate older = java.time.LocalDate.of(2026, 1, 5);
    java.time.LocalDate newer = java.time.LocalDate.of(2026, 11, 30);
    List<KeyPoint> points =
        List.of(
            new KeyPoint("a", List.of("x"), List.of(), "https://docs.example/a", older),
            new KeyPoint("b", List.of("y")),
            new KeyPoint("c", List.of("z"), List.of(), "https://docs.example/a", newer),
            new KeyPoint("d", List.of("w"), List.of(), "https://docs.example/d", older));
    assertThat(Feedback.sources(points))
        .containsExactly(
            "- https://docs.example/a (checked 2026-11-30)",
            "- https://docs.example/d (checked 2026-01-05)");
    assertThat(Feedback.sources(List.of(new KeyPoint("b", List.of("y"))))).isEmpty();
  }

  /** A key point a person wrote (a team's question): markup and pings to be shown as typed. */
  private static final KeyPoint TYPED =
      new KeyPoint(
              "Failed messages go to a dead letter queue <!here> **now** `y` @everyone.",
              List.of("DLQ", "*dead* letter queue"))
          .asData();

  /** Brackets a body's data spans and strips nothing: what is data and what is the bot's. */
  private static String marked(String body) {
    return Inline.render(
        body,
        new Inline.Style() {
          @Override
          public String bot(String text) {
            return text;
          }

          @Override
          public String data(String text, boolean inCode) {
            return "\u27e6" + text + "\u27e7";
          }

          @Override
          public String mention(dev.sparring.chat.UserRef user, String name, boolean inCode) {
            return "@" + name;
          }
        });
  }

  @Test
  void aPersonsKeyPointIsDataWhereverFeedbackShowsIt() {
    String point = TYPED.point();
    assertThat(Hints.levels("", List.of(TYPED)).stream().map(FeedbackTest::marked))
        .containsExactly(
            "key point 1 of 1 is about \u201c\u27e6DLQ\u27e7\u201d and"
                + " \u201c\u27e6*dead* letter queue\u27e7\u201d.",
            "key point 1 of 1: \u27e6" + point + "\u27e7");
    assertThat(marked(Feedback.modelAnswer(new Step(0, "Why?", List.of(TYPED, BACKOFF)))))
        .isEqualTo("\u27e6" + point + "\u27e7 Retry with backoff.");
    Grade g =
        new RubricGrader().grade("A DLQ is unnecessary because retries handle it.", List.of(TYPED));
    assertThat(marked(g.missedLine(TYPED))).endsWith("\u201d; in fact: \u27e6" + point + "\u27e7");
    assertThat(marked(Feedback.verdict(g))).endsWith("in fact: \u27e6" + point + "\u27e7");
    assertThat(marked(new Grade(0, List.of(), List.of(TYPED), "").missedLine(TYPED)))
        .isEqualTo("\u27e6" + point + "\u27e7");
    // A misconception's correction of a person's point is theirs too.
    assertThat(
            marked(
                new dev.sparring.grading.Contradiction(TYPED, "no DLQ", "It is **needed** <!here>.")
                    .line()))
        .endsWith("in fact: \u27e6It is **needed** <!here>.\u27e7");
  }

  @Test
  void theNextPointToCoverIsCutAsWrittenThenShownWhole() {
    KeyPoint longTyped =
        new KeyPoint(
                "**Keep** ids <!here> in a durable table" + ", and long".repeat(20), List.of("zz"))
            .asData();
    Grade g =
        new RubricGrader()
            .grade(
                "Make the consumer idempotent so a message handled twice changes nothing at all.",
                List.of(IDEMPOTENT, longTyped));
    String feedback = marked(g.feedback());
    assertThat(feedback)
        .as(g.feedback())
        .endsWith(
            "also cover: \u27e6" + longTyped.point().substring(0, 99).strip() + "\u2026\u27e7");
  }

  @Test
  void wrappingAPersonsLongTextKeepsEveryLineWholeAndTheTextAsTyped() {
    String typed = sentences(30).replace("plain words", "**plain** <!here> words");
    String line = "- " + Inline.data(typed) + " (theirs)";
    List<String> lines = Feedback.wrap(line, 300);
    assertThat(lines).hasSizeGreaterThan(3);
    StringBuilder data = new StringBuilder();
    for (String l : lines) {
      assertThat(l).hasSizeLessThanOrEqualTo(300);
      // Each line stands alone: the bot's text after it is never taken for the person's.
      String m = marked(l + " next");
      assertThat(m).matches("(- )?\u27e6[^\u27e6\u27e7]+\u27e7( \\(theirs\\))? next");
      data.append(data.length() == 0 ? "" : " ")
          .append(m, m.indexOf('\u27e6') + 1, m.indexOf('\u27e7'));
    }
    assertThat(data.toString()).isEqualTo(typed);
    assertThat(marked(lines.get(lines.size() - 1))).endsWith("\u27e7 (theirs)");
  }

  @Test
  void shorteningAPersonsParagraphClosesItBeforeTheNote() {
    String typed = sentences(20).replace("plain words", "**plain** words");
    String shortened = Feedback.shortened(Inline.data(typed) + " Bot's own.", 500, "_(cut)_");
    assertThat(shortened).hasSizeLessThanOrEqualTo(500);
    String m = marked(shortened);
    assertThat(m).startsWith("\u27e6Sentence number 1 ").endsWith(".\u27e7 _(cut)_");
    assertThat(typed).startsWith(m.substring(1, m.indexOf('\u27e7')));
  }
}
