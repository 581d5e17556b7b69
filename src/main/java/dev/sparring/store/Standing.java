package dev.sparring.store;

import java.time.Instant;
import java.util.Comparator;

/**
 * One row of a leaderboard: a user (or a group) with its total. Ranked by points, then by who got
 * there first ({@code last} earlier), then by name, so ties always sort the same way.
 */
public record Standing(String name, long points, long entries, Instant last) {

  /** Leaderboard order: points desc, then who got there first, then name. */
  public static final Comparator<Standing> ORDER =
      Comparator.comparingLong(Standing::points)
          .reversed()
          .thenComparing(Standing::last)
          .thenComparing(Standing::name);
}
