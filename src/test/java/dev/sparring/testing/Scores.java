package dev.sparring.testing;

import dev.sparring.core.Context;
import dev.sparring.core.Effects;
import dev.sparring.feedback.History;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.Store;
import java.time.Instant;
import java.util.Set;

/**
 * Points and graded practice written straight to a store, as the features would have recorded them,
 * for tests of the views over them (boards, progress charts) on any platform.
 */
public final class Scores {

  private Scores() {}

  /**
   * {@code user} scored {@code points} in {@code channel} during season S1 (the first season) at
   * {@code at}, for a drill answer to {@code questionId} graded {@code grade}.
   */
  public static void graded(
      Store store,
      String team,
      String channel,
      String user,
      String questionId,
      int grade,
      int points,
      Instant at) {
    store.transact(
        tx -> {
          tx.ledger()
              .append(
                  new LedgerEntry(
                      "test:" + team + ":" + user + ":" + questionId + ":" + at,
                      team,
                      channel,
                      user,
                      null,
                      "S1",
                      null,
                      "drill",
                      points,
                      at));
          History.record(
              new Context(tx, new Effects(), at, Set.of()),
              team,
              user,
              new History.Entry(
                  History.Mode.DRILL,
                  questionId,
                  grade,
                  1,
                  1,
                  History.Outcome.GRADED,
                  channel,
                  at));
          return null;
        });
  }
}
