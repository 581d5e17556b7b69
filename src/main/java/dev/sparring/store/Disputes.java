package dev.sparring.store;

import java.util.List;

/** Disputed grades: at most one per person, answer and key point. */
public interface Disputes {

  /**
   * Records {@code d} unless the same person already disputed the same key point of the same
   * answer; returns false then (the first dispute stands).
   */
  boolean add(Dispute d);

  /** The team's disputes, newest first. */
  List<Dispute> latest(String team, int limit);

  /** How many disputes the team has. */
  long count(String team);

  /** Every team's disputes, newest first (for pack authors' reports). */
  List<Dispute> all(int limit);
}
