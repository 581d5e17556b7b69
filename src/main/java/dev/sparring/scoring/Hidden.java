package dev.sparring.scoring;

import dev.sparring.core.Json;
import dev.sparring.store.Document;
import dev.sparring.store.Standing;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /spar leaderboard hide}: people who keep their scores to themselves, per team. Their
 * points still count (for them, and for their group in a competition), but public boards, podiums
 * and exports posted in a channel leave them out, and the others' ranks close up. One document per
 * person, {@code TEAM#USER}, so {@code sparring erase} removes it with the rest of their data.
 */
public final class Hidden {

  static final String KIND = "board.hidden";

  /** More hidden people than any team is expected to have; a guard, not a product limit. */
  private static final int MAX = 100_000;

  private Hidden() {}

  record Flag(String user, Instant since) {}

  private static String id(String team, String userKey) {
    return team + "#" + userKey;
  }

  /** Hides {@code userKey} in the team; false when they already were. */
  public static boolean hide(Tx tx, String team, String userKey, Instant now) {
    String body = Json.write(new Flag(userKey, now));
    return tx.documents().insert(Document.create(KIND, id(team, userKey), team, body, null));
  }

  /** Shows {@code userKey} on public boards again; false when they were not hidden. */
  public static boolean show(Tx tx, String team, String userKey) {
    return tx.documents().delete(KIND, id(team, userKey));
  }

  public static boolean isHidden(Tx tx, String team, String userKey) {
    return tx.documents().get(KIND, id(team, userKey)).isPresent();
  }

  /** The user keys of the team's hidden people. */
  public static Set<String> in(Tx tx, String team) {
    Set<String> out = new HashSet<>();
    for (Document d : tx.documents().byPrefix(KIND, team + "#", MAX)) {
      out.add(d.id().substring(team.length() + 1));
    }
    return out;
  }

  /** The board without the hidden people, in the same order (so the others' ranks close up). */
  public static List<Standing> without(List<Standing> board, Collection<String> hidden) {
    if (hidden.isEmpty()) {
      return board;
    }
    return board.stream().filter(s -> !hidden.contains(s.name())).toList();
  }
}
