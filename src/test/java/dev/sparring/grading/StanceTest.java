package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Claims said in reverse: opposites of a point's own words, a sentence that gets something wrong
 * earning nothing else, negations further back in a clause, and the contrasts and double negatives
 * that must not be misread as reversals.
 */
class StanceTest {

  private final RubricGrader grader = new RubricGrader();

  private static final KeyPoint REPLICATION =
      new KeyPoint(
          "By default replication is asynchronous, so a read in another region can be stale.",
          List.of("global tables", "replication lag", "stale read"));
  private static final KeyPoint LAST_WRITER =
      new KeyPoint(
          "Concurrent updates are settled by last writer wins.", List.of("last writer wins"));

  @Test
  void aClauseUsingTheOppositeOfThePointsWordContradictsIt() {
    Grade g =
        grader.grade(
            "Global tables replicate synchronously, so every region sees the write at once.",
            List.of(REPLICATION));
    assertThat(g.covered()).isEmpty();
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(REPLICATION);
  }

  @Test
  void theSameClaimInOtherWordsIsNoReversal() {
    Grade g =
        grader.grade(
            "Global tables copy writes asynchronously, so a read elsewhere may be stale for a"
                + " second.",
            List.of(REPLICATION));
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.covered()).containsExactly(REPLICATION);
  }

  @Test
  void aReversalWithoutSharedWordsIsAboutSomethingElse() {
    Grade g =
        grader.grade(
            "Global tables exist. A synchronous API call waits for its result.",
            List.of(REPLICATION));
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.covered()).containsExactly(REPLICATION);
  }

  @Test
  void aSentenceThatGetsOnePointWrongEarnsNothingForAnother() {
    String wrong = "Global tables replicate synchronously and last writer wins is never needed.";
    Grade g = grader.grade(wrong, List.of(REPLICATION, LAST_WRITER));
    assertThat(g.covered()).doesNotContain(LAST_WRITER);

    // In a sentence of its own the point still counts, given two of its terms (the answer has said
    // something false, so one is not enough: see InDoubtTest).
    KeyPoint lastWriter =
        new KeyPoint(LAST_WRITER.point(), List.of("last writer wins", "concurrent updates"));
    Grade apart =
        grader.grade(
            "Global tables replicate synchronously. Concurrent updates: last writer wins.",
            List.of(REPLICATION, lastWriter));
    assertThat(apart.covered()).containsExactly(lastWriter);
    assertThat(apart.contradicted()).extracting(Contradiction::point).containsExactly(REPLICATION);
  }

  @Test
  void aNegationFurtherBackInTheClauseKeepsATermFromCounting() {
    KeyPoint dlq =
        new KeyPoint(
            "Failed async events can go to a dead-letter queue.", List.of("dead-letter queue"));
    assertThat(
            grader
                .grade("Failed events can never go to a dead-letter queue.", List.of(dlq))
                .covered())
        .isEmpty();
    assertThat(grader.grade("Failed events can go to a dead-letter queue.", List.of(dlq)).covered())
        .containsExactly(dlq);
    assertThat(
            grader
                .grade(
                    "Failed events are not only retried but go to a dead-letter queue.",
                    List.of(dlq))
                .covered())
        .containsExactly(dlq);
  }

  @Test
  void anArticleIsNotANegatingPrefix() {
    KeyPoint async =
        new KeyPoint(
            "Asynchronous sources queue the event and the platform retries.",
            List.of("asynchronous"));
    assertThat(grader.grade("With a synchronous call the caller waits.", List.of(async)).covered())
        .isEmpty();
  }

  @Test
  void theOtherHalfOfAContrastIsNoReversal() {
    KeyPoint sync =
        new KeyPoint(
            "Synchronous callers wait for the result and retry themselves.",
            List.of("synchronous", "caller retries"));
    KeyPoint async =
        new KeyPoint(
            "Asynchronous sources queue the event and the platform retries it.",
            List.of("asynchronous", "platform retries"));
    Grade g =
        grader.grade(
            "Synchronous callers wait and retry on their own. Asynchronous events are queued and"
                + " the platform retries them.",
            List.of(sync, async));
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.covered()).containsExactly(sync, async);

    Grade swapped =
        grader.grade(
            "Synchronous invocation queues the event and the platform retries it.",
            List.of(sync, async));
    assertThat(swapped.contradicted()).extracting(Contradiction::point).contains(async);
  }

  @Test
  void aJudgementSaidInReverseContradicts() {
    KeyPoint stateful =
        new KeyPoint(
            "Stateful workloads needing persistent connections are a poor match.",
            List.of("stateful", "persistent connections"));
    Grade g =
        grader.grade("Stateful websocket apps fit perfectly on functions.", List.of(stateful));
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(stateful);
  }

  @Test
  void aWordOfTheQuestionTiesNoClauseToAReversal() {
    KeyPoint egress =
        new KeyPoint(
            "Inside a VPN, outbound web calls need a proxy, while VPN tunnels keep partner calls"
                + " private.",
            List.of("proxy", "outbound web calls"));
    dev.sparring.bank.Step step =
        new dev.sparring.bank.Step(0, "Should every worker run inside the VPN?", List.of(egress));
    // "loses" is the opposite of "keep", but the only word it shares with that clause is the VPN
    // the question asks about.
    Grade g =
        grader.grade("Once it joins the VPN it loses direct web access, so use a proxy.", step);
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.covered()).containsExactly(egress);
    Grade reversed = grader.grade("In the VPN, tunnels drop partner calls on the floor.", step);
    assertThat(reversed.contradicted()).extracting(Contradiction::point).containsExactly(egress);
  }

  @Test
  void aHookSaidToFireOnSuccessWhenThePointSaysFailureContradictsIt() {
    KeyPoint alerts =
        new KeyPoint(
            "The alert hook fires on failure and carries the error details.",
            List.of("alert hook", "error details"));
    Grade g =
        grader.grade(
            "The alert hook only fires on successful runs, with the error details.",
            List.of(alerts));
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(alerts);
    Grade both =
        grader.grade(
            "The alert hook fires on failure with the error details, and stays quiet on success.",
            List.of(alerts));
    assertThat(both.contradicted()).isEmpty();
    assertThat(both.covered()).containsExactly(alerts);
  }

  @Test
  void sayingAPointRemovesWhatItAddsContradictsIt() {
    KeyPoint complexity =
        new KeyPoint(
            "Microservices add distributed complexity like network calls and tracing.",
            List.of("distributed complexity", "distributed tracing"));
    Grade g =
        grader.grade(
            "Splitting into microservices removes network calls and tracing.", List.of(complexity));
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(complexity);
    Grade right =
        grader.grade(
            "Microservices add network calls that can fail, plus distributed tracing to run.",
            List.of(complexity));
    assertThat(right.contradicted()).isEmpty();
    assertThat(right.covered()).containsExactly(complexity);
  }

  @Test
  void aPointThatNegatesOneThingStillHasItsOtherTermsDismissed() {
    KeyPoint direct =
        new KeyPoint(
            "Simple integrations can go direct from API Gateway to services without custom code.",
            List.of("service integration", "no glue code needed", "write no custom code"));
    Grade g =
        grader.grade(
            "Service integrations from API Gateway are deprecated, so everything needs a function.",
            List.of(direct));
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(direct);
    // a negation of what the point itself negates agrees with it
    Grade agrees =
        grader.grade(
            "You can write no custom code at all: API Gateway calls the service directly.",
            List.of(direct));
    assertThat(agrees.contradicted()).isEmpty();
    assertThat(agrees.covered()).containsExactly(direct);
  }

  @Test
  void aNegationBeforeThePointsOwnPrepositionIsAboutThePoint() {
    KeyPoint when =
        new KeyPoint(
            "It happens after idle periods or when traffic spikes force new instances.",
            List.of("idle", "traffic spike"));
    Grade g =
        grader.grade("It happens during steady traffic, never after idle periods.", List.of(when));
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(when);
    Grade right =
        grader.grade("It happens after idle periods, not on every request.", List.of(when));
    assertThat(right.contradicted()).isEmpty();
    assertThat(right.covered()).containsExactly(when);
  }

  @Test
  void aCountOnEachSideOfAPointIsNoReversal() {
    // "one event to many consumers": quantity words sit on both sides of such points, so "single"
    // is not read as the opposite of "many".
    KeyPoint fanOut =
        new KeyPoint(
            "Fan-out uses SNS to deliver one event to many independent consumers.",
            List.of("fan-out", "SNS"));
    Grade g =
        grader.grade(
            "Publish a single event to SNS so many services react to it independently.",
            List.of(fanOut));
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.covered()).containsExactly(fanOut);
  }

  @Test
  void aNegationTogetherWithAnOppositeIsNotReadAsAReversal() {
    KeyPoint vpc =
        new KeyPoint(
            "VPC attachment is only needed when private resources must be reached.",
            List.of("VPC attachment", "private resources"));
    Grade g = grader.grade("Functions calling public services don't need a VPC.", List.of(vpc));
    assertThat(g.contradicted()).isEmpty();
  }

  @Test
  void agreeingWithWhatThePointItselfDeniesIsNoContradiction() {
    KeyPoint revision =
        new KeyPoint(
            "A change creates a new immutable revision; nothing is edited in place.",
            List.of("revision", "immutable"));
    Grade g = grader.grade("Revisions cannot be edited after they are created.", List.of(revision));
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.covered()).containsExactly(revision);
  }

  @Test
  void assertingWhatThePointDeniesContradictsIt() {
    KeyPoint choreography =
        new KeyPoint(
            "A choreographed saga reacts to events on a bus, with no central coordinator.",
            List.of("choreographed saga", "choreography"));
    Grade g =
        grader.grade(
            "A choreographed saga always needs a central coordinator.", List.of(choreography));
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(choreography);
  }

  @Test
  void aFalseConclusionTaintsItsPremiseAndAListItemBeforeIt() {
    KeyPoint twoPhase =
        new KeyPoint(
            "Two-phase commit does not work across managed services.",
            List.of("two-phase commit", "2PC"));
    KeyPoint saga =
        new KeyPoint("A saga runs local steps, each with a compensating action.", List.of("saga"));
    Grade g =
        grader.grade(
            "Two-phase commit works across managed services, so sagas are unnecessary.",
            List.of(twoPhase, saga));
    assertThat(g.covered()).isEmpty();
    assertThat(g.contradicted()).extracting(Contradiction::point).contains(saga);

    KeyPoint spiky =
        new KeyPoint("Spiky or bursty traffic fits functions well.", List.of("spiky", "bursty"));
    Grade list = grader.grade("Spiky, bursty traffic is the bad case.", List.of(spiky));
    assertThat(list.covered()).isEmpty();
    assertThat(list.contradicted()).extracting(Contradiction::point).containsExactly(spiky);
  }

  @Test
  void callingAPointImpossibleDismissesIt() {
    KeyPoint loop =
        new KeyPoint(
            "Recursive triggers, such as writing back to the source bucket, can loop forever.",
            List.of("recursive loop", "loop forever"));
    assertThat(grader.grade("A recursive loop is impossible here.", List.of(loop)).contradicted())
        .extracting(Contradiction::point)
        .containsExactly(loop);
    assertThat(grader.grade("A recursive loop can run forever.", List.of(loop)).covered())
        .containsExactly(loop);
  }

  @Test
  void sayingAPointHasNoEffectDismissesItAndGrowingIsTheReverseOfShrinking() {
    KeyPoint provisioned =
        new KeyPoint(
            "Provisioned concurrency keeps environments initialised so requests skip the cold path.",
            List.of("provisioned concurrency"));
    assertThat(
            grader
                .grade(
                    "Provisioned concurrency has no effect on cold starts.", List.of(provisioned))
                .contradicted())
        .extracting(Contradiction::point)
        .containsExactly(provisioned);

    KeyPoint artifact =
        new KeyPoint(
            "Shrink the artifact so less code is loaded before the first request.",
            List.of("smaller package", "artifact size"));
    assertThat(
            grader
                .grade("Bigger artifact size means faster starts.", List.of(artifact))
                .contradicted())
        .extracting(Contradiction::point)
        .containsExactly(artifact);
  }

  private static final KeyPoint STATELESS =
      new KeyPoint(
          "Executions are stateless; any data that must survive goes to an external store.",
          List.of("stateless", "external store", "database"));
  private static final KeyPoint STRONG_MODE =
      new KeyPoint(
          "A multi-Region strong consistency mode exists for global tables, at a latency cost.",
          List.of("strong consistency", "multi-region strong consistency"));

  private List<KeyPoint> contradicted(String answer, KeyPoint point) {
    return grader.grade(answer, List.of(point)).contradicted().stream()
        .map(Contradiction::point)
        .toList();
  }

  @Test
  void aShortClauseOfThePointRestatedInReverseContradictsIt() {
    // One shared word ("executions") is anchor enough when it is the whole rest of that clause.
    Grade g =
        grader.grade(
            "Executions are stateful, so local memory is the right database.", List.of(STATELESS));
    assertThat(g.contradicted()).extracting(Contradiction::point).containsExactly(STATELESS);
    assertThat(g.covered()).isEmpty();
  }

  @Test
  void oneSharedWordOfALongerClauseIsNoAnchor() {
    // "replication" is one of two other words of "by default replication is asynchronous".
    assertThat(
            contradicted(
                "Our replication into the audit store is synchronous, but that is our own code.",
                REPLICATION))
        .isEmpty();
  }

  @Test
  void whatHappensByDefaultDoesNotReverseAPointAboutAnOption() {
    assertThat(
            contradicted(
                "By default global tables replicate asynchronously, so across regions you get"
                    + " eventual consistency.",
                STRONG_MODE))
        .isEmpty();
  }

  @Test
  void aReversedDefaultStillContradictsAPointAboutTheDefault() {
    assertThat(
            contradicted(
                "By default global tables replicate synchronously, so no read is ever stale.",
                REPLICATION))
        .containsExactly(REPLICATION);
  }

  @Test
  void vocabularyEarnsNothingInAnAnswerThatContradictsAPoint() {
    String words = "Global tables, replication lag, stale read, last writer wins.";
    Grade honest = grader.grade("Concurrent updates: " + words, List.of(REPLICATION, LAST_WRITER));
    Grade wrong =
        grader.grade(
            "Global tables replicate synchronously, so no region is ever stale. Nothing else.",
            List.of(REPLICATION, LAST_WRITER));
    assertThat(wrong.contradicted()).isNotEmpty();
    assertThat(wrong.score()).isZero();
    assertThat(honest.score()).isPositive();
  }
}
