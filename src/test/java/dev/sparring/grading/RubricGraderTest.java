package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class RubricGraderTest {

  private final RubricGrader grader = new RubricGrader();

  private static final List<KeyPoint> QUEUE_CONSUMER =
      List.of(
          new KeyPoint(
              "Failed messages go to a dead letter queue.",
              List.of("DLQ", "dead letter queue", "redrive policy")),
          new KeyPoint(
              "The consumer is idempotent.",
              List.of("idempotent", "idempotency", "deduplicate", "dedup")),
          new KeyPoint(
              "Retries back off exponentially.",
              List.of("exponential backoff", "backoff", "jitter")),
          new KeyPoint(
              "Infrastructure is declared as code.",
              List.of("IaC", "infrastructure as code", "CloudFormation", "Terraform")),
          new KeyPoint(
              "Database connections go through a proxy.",
              List.of("RDS Proxy", "connection pooling", "connection pool")));

  private Grade grade(String answer) {
    return grader.grade(answer, QUEUE_CONSUMER);
  }

  @Test
  void caseePunctuationPluralsAndStemsDoNotMatter() {
    Grade g =
        grade(
            "Failures land in DLQs; consumers DEDUPLICATE by id, and retrying uses Exponential"
                + " Back-off. Connection-pooling is through an rds-proxy, all defined with IaC.");
    assertThat(g.covered()).hasSize(5);
    assertThat(g.missed()).isEmpty();
  }

  @Test
  void aTermsWordsDoNotSpanAContrast() {
    KeyPoint indexed = new KeyPoint("Metadata is indexed as well.", List.of("indexed metadata"));
    assertThat(
            grader
                .grade("Annotations are indexed, whereas metadata is kept aside.", List.of(indexed))
                .covered())
        .isEmpty();
    assertThat(grader.grade("Both have indexed metadata.", List.of(indexed)).covered())
        .containsExactly(indexed);
  }

  @Test
  void abbreviationsAndTheirExpansionsBothCount() {
    assertThat(grade("We send poison messages to the dead-letter queue.").covered())
        .extracting(KeyPoint::point)
        .containsExactly("Failed messages go to a dead letter queue.");
    assertThat(grade("All of it is infrastructure as code in Terraform.").covered()).hasSize(1);
    assertThat(grade("The handler uses RDS Proxy for its database.").covered()).hasSize(1);
  }

  @Test
  void commonTyposAreForgivenButShortWordsMustMatchExactly() {
    assertThat(grade("Make the consumer idempotant so retries are safe.").covered())
        .extracting(KeyPoint::point)
        .contains("The consumer is idempotent.");
    assertThat(grade("Use expnential backoff between attempts.").covered()).hasSize(1);
    assertThat(TermMatch.similar("dlq", "dlx")).isFalse();
    assertThat(TermMatch.similar("proxy", "praxy")).isTrue();
    assertThat(TermMatch.similar("cache", "cachee")).isTrue();
    assertThat(TermMatch.similar("lambda", "layer")).isFalse();
  }

  @Test
  void aPronounInATermStandsForWhatTheAnswerNamesThere() {
    KeyPoint billing =
        new KeyPoint(
            "Charges follow actual usage instead of idle capacity.",
            List.of("only pay when it runs", "they count toward the bill"));
    List<KeyPoint> points = List.of(billing);
    assertThat(grader.grade("You only pay when it runs.", points).covered()).hasSize(1);
    assertThat(grader.grade("You only pay when your code actually runs.", points).covered())
        .hasSize(1);
    assertThat(grader.grade("Requests count toward the bill.", points).covered()).hasSize(1);
    // a slot is a few words of one clause, never a negation or another sentence
    assertThat(grader.grade("You only pay when nothing runs.", points).covered()).isEmpty();
    assertThat(grader.grade("You only pay when. The code runs.", points).covered()).isEmpty();
    assertThat(
            grader
                .grade("You only pay when the build and the tests and the code runs.", points)
                .covered())
        .isEmpty();
  }

  @Test
  void inALongAnswerAOneWordTermNeedsAWordOfItsPointInItsSentence() {
    KeyPoint cache =
        new KeyPoint(
            "API Gateway can cache responses to cut load on the backend.",
            List.of("caching", "response cache"));
    KeyPoint dlq =
        new KeyPoint(
            "Failed messages go to a dead letter queue.", List.of("DLQ", "dead letter queue"));
    dev.sparring.bank.Step step =
        new dev.sparring.bank.Step(0, "What does API Gateway do for you?", List.of(cache, dlq));
    // on the topic, with a word of the point, but in a sentence of its own
    String padding =
        " Failed messages from the backend land in a dead letter queue, watched by an alarm that"
            + " pages the team.";
    // "caching" named as the subject of something else: no word of its point in the sentence
    Grade subject =
        grader.grade(
            "API Gateway is really a global CDN layer where all the caching happens at edge"
                + " locations automatically."
                + padding,
            step);
    assertThat(subject.covered()).doesNotContain(cache);
    // the same word next to what the point claims about it
    Grade claim =
        grader.grade(
            "API Gateway does caching of responses, so repeated calls never reach the backend."
                + padding,
            step);
    assertThat(claim.covered()).contains(cache);
    // a short answer is about what it names
    assertThat(grader.grade("It does caching.", step).covered()).contains(cache);
    // an abbreviation of another term of the point names it as fully as that term
    assertThat(
            grader
                .grade("API Gateway routes some of our work to an SQS DLQ." + padding, step)
                .covered())
        .contains(dlq);
  }

  @Test
  void negatedMentionsDoNotCount() {
    assertThat(grade("I would not use a DLQ here; messages just get dropped.").covered()).isEmpty();
    assertThat(grade("We don't need idempotency for this.").covered()).isEmpty();
    assertThat(grade("Without backoff the retries hammer the API.").covered()).isEmpty();
    // A negation in an earlier sentence does not reach this one.
    assertThat(grade("That is not all. A DLQ catches poison messages.").covered()).hasSize(1);
    // "not only" does not negate.
    assertThat(grade("You need not only retries but a DLQ too.").covered()).hasSize(1);
  }

  @Test
  void aBareListOfBuzzwordsScoresClearlyBelowAnExplanation() {
    Grade list = grade("DLQ, idempotency, exponential backoff, IaC, RDS Proxy");
    Grade prose =
        grade(
            "I would send messages that keep failing to a DLQ so they do not block the queue, make"
                + " the consumer idempotent because delivery is at least once, retry with"
                + " exponential backoff, define all of it as IaC, and reach the database through"
                + " RDS Proxy so that bursts do not exhaust its connections.");
    assertThat(list.covered()).hasSize(5);
    assertThat(prose.covered()).hasSize(5);
    assertThat(prose.score()).isGreaterThanOrEqualTo(90);
    assertThat(list.score()).isLessThanOrEqualTo(prose.score() - 30);
    assertThat(list.feedback()).contains("as a list of terms");
  }

  @Test
  void emptyFineAndIdkScoreZero() {
    for (String nothing : new String[] {"", "   ", "fine", "idk", "I don't know", "?", "ok sure"}) {
      Grade g = grade(nothing);
      assertThat(g.score()).as(nothing).isZero();
      assertThat(g.covered()).isEmpty();
    }
    assertThat(grade("idk").feedback()).startsWith("Too short to grade");
    assertThat(grader.grade(null, QUEUE_CONSUMER).score()).isZero();
  }

  @Test
  void anAnswerToADifferentQuestionScoresLow() {
    Grade g =
        grade(
            "Cold starts happen when a new execution environment is created: the runtime boots and"
                + " the init code runs. Provisioned concurrency and SnapStart reduce them, and"
                + " smaller deployment packages help too.");
    assertThat(g.score()).isLessThanOrEqualTo(20);
    assertThat(g.feedback()).startsWith("None of the key points came up");
  }

  @Test
  void gradingIsDeterministicAndReportsWhatWasMissed() {
    String answer = "Retries use exponential backoff with jitter, and the consumer deduplicates.";
    Grade first = grade(answer);
    for (int i = 0; i < 5; i++) {
      assertThat(grade(answer)).isEqualTo(first);
    }
    assertThat(first.covered()).hasSize(2);
    assertThat(first.missed()).hasSize(3);
    assertThat(first.feedback())
        .startsWith(
            "Covered 2 of 5 key points; also cover: failed messages go to a dead letter queue");
    assertThat(first.score()).isBetween(0, 100);
  }

  @Test
  void hugeAndHostileInputsAreHandled() {
    String huge = "dlq ".repeat(50_000) + "\u0000\uD83D\uDE80 \u202E";
    assertThat(grade(huge).covered()).hasSize(1);
    assertThat(grader.grade("anything", List.of()).score()).isZero();
  }
}
