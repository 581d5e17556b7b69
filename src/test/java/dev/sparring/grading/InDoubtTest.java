package dev.sparring.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Misconception;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Misconceptions stated in other words than their listed terms, and what an answer that has stated
 * something false still earns: each other point then needs two of its own terms.
 */
class InDoubtTest {

  private final RubricGrader grader = new RubricGrader();

  private static final KeyPoint REQUESTS =
      new KeyPoint(
          "You pay a small fee for every invocation or request.",
          List.of("per request", "request charge"),
          List.of(
              new Misconception(
                  "Requests are free; you only pay for compute time.",
                  List.of("requests cost nothing"),
                  "Each request has a small charge on top of duration.")));

  private static final KeyPoint DURATION =
      new KeyPoint(
          "You also pay for execution time multiplied by allocated memory, in GB-seconds.",
          List.of("GB-seconds", "execution time", "allocated memory"));

  private static final KeyPoint IDLE =
      new KeyPoint(
          "On-demand functions cost nothing while idle, and a free tier covers small workloads.",
          List.of("free tier", "no idle cost"));

  private static final List<KeyPoint> BILLING = List.of(REQUESTS, DURATION, IDLE);

  private List<KeyPoint> contradicted(String answer, List<KeyPoint> points) {
    return grader.grade(answer, points).contradicted().stream().map(Contradiction::point).toList();
  }

  @Test
  void aMisconceptionSaidInOtherWordsIsCaughtWithItsCorrection() {
    Grade g = grader.grade("The request itself is free, you pay for the seconds it runs.", BILLING);
    assertThat(g.contradicted())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.point()).isEqualTo(REQUESTS);
              assertThat(c.correction()).isEqualTo(REQUESTS.wrong().get(0).correction());
            });
  }

  @Test
  void whatAMisconceptionIsComparedWithIsNotTheMisconception() {
    KeyPoint oneJob =
        new KeyPoint(
            "A worker handles one job at a time by default.",
            List.of("one job at a time"),
            List.of(
                new Misconception(
                    "Workers run many jobs at once, just like the shared thread pools.",
                    List.of("many jobs at once"),
                    "A worker takes one job at a time unless you opt in to more.")));
    // "the shared thread pools" is what the claim is compared with, true of those pools.
    assertThat(contradicted("The shared thread pools are sized per host.", List.of(oneJob)))
        .isEmpty();
    assertThat(contradicted("Each worker runs many jobs at once.", List.of(oneJob)))
        .containsExactly(oneJob);
  }

  @Test
  void whatAMisconceptionConcedesIsNotTheMisconception() {
    KeyPoint lingering =
        new KeyPoint(
            "A revoked key keeps working until the cache entry expires.",
            List.of("keeps working until expiry"),
            List.of(
                new Misconception(
                    "Revoked keys stop working at once, even when authorizer results are cached.",
                    List.of("stop working at once"),
                    "A cached decision outlives the revocation until it expires.")));
    assertThat(contradicted("Authorizer results are cached for five minutes.", List.of(lingering)))
        .isEmpty();
    assertThat(contradicted("Revoked keys stop working at once.", List.of(lingering)))
        .containsExactly(lingering);
  }

  @Test
  void theSameWordsNegatedOrOnlySupposedAreNotTheMisconception() {
    assertThat(contradicted("Requests are not free: each one adds a tiny charge.", BILLING))
        .as("negated")
        .isEmpty();
    assertThat(contradicted("If requests were free, chatty clients would cost nothing.", BILLING))
        .isEmpty();
  }

  private static final KeyPoint CONFIG =
      new KeyPoint(
          "A serverless.yml file declares the provider, functions, events and extra resources.",
          List.of("serverless.yml"),
          List.of(
              new Misconception(
                  "serverless.yml only lists the functions; tables and queues must be created by"
                      + " hand.",
                  List.of("create tables by hand"),
                  "Its resources section takes raw CloudFormation.")));

  private static final KeyPoint CQRS =
      new KeyPoint(
          "CQRS separates the command model from the query model.",
          List.of("command model", "query model"),
          List.of(
              new Misconception(
                  "CQRS always requires two separate databases, one for reads and one for writes.",
                  List.of("requires two databases"),
                  "The models are separate; the stores may or may not be.")));

  @Test
  void aSweepingClaimNeedsItsSweepingWordAndTwoCommonWordsAreNotAClaim() {
    assertThat(
            contradicted(
                "Your serverless.yml lists the functions, and its resources hold the tables.",
                List.of(CONFIG)))
        .isEmpty();
    assertThat(
            contradicted(
                "serverless.yml lists only the functions and nothing else.", List.of(CONFIG)))
        .containsExactly(CONFIG);
    assertThat(contradicted("It is about separating reads from writes.", List.of(CQRS))).isEmpty();
  }

  private static final KeyPoint WAITS =
      new KeyPoint(
          "With callback handlers the runtime by default waits for the event loop to empty.",
          List.of("event loop"),
          List.of(
              new Misconception(
                  "Lambda returns as soon as the callback is called, whatever still runs.",
                  List.of("returns immediately when you call the callback"),
                  "By default Lambda waits until the event loop is empty.")));

  @Test
  void aMisconceptionInOtherWordsDoesNotOverruleTheAnswerMakingThePoint() {
    String contrast =
        "By default nothing is sent until the event loop is empty. Set the flag to false, so"
            + " Lambda returns as soon as you call back.";
    assertThat(contradicted(contrast, List.of(WAITS))).isEmpty();
    assertThat(grader.grade(contrast, List.of(WAITS)).covered()).containsExactly(WAITS);
    // Without the point made elsewhere, the same words are the misconception.
    assertThat(contradicted("Lambda returns as soon as you call back.", List.of(WAITS)))
        .containsExactly(WAITS);
  }

  @Test
  void afterAFalseStatementAPointNeedsTwoOfItsTerms() {
    String oneTerm = "Requests cost nothing. The bill is the execution time of each run.";
    Grade doubted = grader.grade(oneTerm, BILLING);
    assertThat(doubted.contradicted()).extracting(Contradiction::point).containsExactly(REQUESTS);
    assertThat(doubted.covered()).isEmpty();

    String twoTerms =
        "Requests cost nothing. The bill is the execution time of each run times the allocated"
            + " memory.";
    assertThat(grader.grade(twoTerms, BILLING).covered()).containsExactly(DURATION);

    // With nothing false said, one term is enough.
    assertThat(grader.grade("The bill is the execution time of each run.", BILLING).covered())
        .containsExactly(DURATION);
  }

  @Test
  void twoTermsInTheSameWordsCountOnce() {
    KeyPoint gb =
        new KeyPoint(
            "Duration is billed in GB-seconds.", List.of("GB-seconds", "GB-second", "duration"));
    List<KeyPoint> points = List.of(REQUESTS, gb);
    assertThat(grader.grade("Requests cost nothing. It is billed in GB-seconds.", points).covered())
        .isEmpty();
    assertThat(
            grader
                .grade("Requests cost nothing. The duration is billed in GB-seconds.", points)
                .covered())
        .containsExactly(gb);
  }

  private static final KeyPoint SECRETS_MANAGER =
      new KeyPoint(
          "Secrets Manager stores encrypted secrets with built-in automatic rotation.",
          List.of("Secrets Manager", "rotation"));

  private static final KeyPoint PARAMETER_STORE =
      new KeyPoint(
          "Parameter Store SecureString is a cheaper option, lacking native rotation.",
          List.of("Parameter Store", "SecureString"));

  @Test
  void negatingWhatAnotherPointOfTheStepSaysIsAbsentContradictsNeither() {
    List<KeyPoint> points = List.of(SECRETS_MANAGER, PARAMETER_STORE);
    Grade g =
        grader.grade(
            "Secrets Manager is the managed option. Parameter Store is cheaper, although there's"
                + " no rotation built in.",
            points);
    assertThat(g.contradicted()).isEmpty();
    assertThat(g.covered()).containsExactly(SECRETS_MANAGER, PARAMETER_STORE);
    // Without that other point, the same negation contradicts the point it names.
    assertThat(contradicted("There's no rotation built in.", List.of(SECRETS_MANAGER)))
        .containsExactly(SECRETS_MANAGER);
  }

  private static final KeyPoint EVENTUAL =
      new KeyPoint(
          "Reads are eventually consistent by default.",
          List.of("eventually consistent"),
          List.of(
              new Misconception(
                  "Reads return the latest committed write.",
                  List.of("always the latest write"),
                  "By default a read may miss a write made a moment ago.")));

  private static final KeyPoint CONSISTENT_READ =
      new KeyPoint(
          "Consistent reads return the latest committed write, at twice the cost.",
          List.of("returns the latest committed write", "consistent read"));

  @Test
  void wordsThatMakeAnotherPointOfTheStepDoNotStateAMisconception() {
    String answer = "A consistent read returns the latest committed write.";
    assertThat(contradicted(answer, List.of(EVENTUAL, CONSISTENT_READ))).isEmpty();
    // With no such point in the step, the same words are read as the misconception's claim.
    assertThat(contradicted(answer, List.of(EVENTUAL))).containsExactly(EVENTUAL);
  }

  @Test
  void anAnswerIsOffTheTopicBelowThreeTenthsOfItsContentWordsBeingTheSteps() {
    // twenty content words, five or six of them the step's
    String words =
        "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november"
            + " oscar papa quebec romeo sierra tango";
    Set<String> five = RubricGrader.contentStems(Text.of("alpha bravo charlie delta echo"));
    Set<String> six = RubricGrader.contentStems(Text.of("alpha bravo charlie delta echo foxtrot"));
    assertThat(RubricGrader.offTopic(Text.of(words), five)).isTrue();
    assertThat(RubricGrader.offTopic(Text.of(words), six)).isFalse();
    // nineteen content words are too few to judge by their share
    assertThat(RubricGrader.offTopic(Text.of(words.replace(" tango", "")), Set.of())).isFalse();
  }

  @Test
  void anAnswerMostlyAboutSomethingElseNeedsTwoTermsToo() {
    String elsewhere =
        "For a strangler fig migration you put a routing facade in front of the legacy system,"
            + " move one feature at a time to new code behind it, watch error rates and latency,"
            + " and retire the old module once the new path has carried production traffic for a"
            + " while; the execution time of each run hardly matters there.";
    assertThat(grader.grade(elsewhere, BILLING).covered()).isEmpty();
    // A short answer keeps one term enough, whatever its other words.
    assertThat(
            grader
                .grade(
                    "Mostly the execution time; our chatty webhook bot posts emoji reactions to"
                        + " every pull in three channels.",
                    BILLING)
                .covered())
        .containsExactly(DURATION);
  }
}
