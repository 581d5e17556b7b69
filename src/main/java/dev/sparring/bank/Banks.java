package dev.sparring.bank;

import dev.sparring.store.Tx;

/**
 * The questions each team may be asked: the file packs every team shares plus, in a team's view,
 * that team's own approved questions (the pack {@link QuestionBank#TEAM_PACK}). Features look a
 * question up in the view of the team the event or record belongs to, never in another team's, so
 * one team's questions are never asked, listed, graded against or exported in another.
 */
public interface Banks {

  /**
   * The questions of team {@code teamKey}: the shared packs and the team's own. What is not cached
   * is read in {@code tx}, the event's transaction.
   */
  QuestionBank forTeam(Tx tx, String teamKey);

  /** The file packs alone, which every team shares. */
  QuestionBank shared();

  /** The same bank for every team, with no team questions: for tests and tools without a store. */
  static Banks of(QuestionBank bank) {
    return new Banks() {
      @Override
      public QuestionBank forTeam(Tx tx, String teamKey) {
        return bank;
      }

      @Override
      public QuestionBank shared() {
        return bank;
      }
    };
  }
}
