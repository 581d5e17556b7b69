package dev.sparring.compete;

import dev.sparring.chat.Texts;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Balanced groups ({@code compete start ... balanced N}). Each joiner goes, among the groups that
 * are at most one member bigger than the smallest, to the one whose members earned the fewest
 * points in the 90 days before they joined; then to the one with the fewest members; ties broken by
 * a stable hash of the competition and the person. So group sizes stay within two of each other
 * (points alone would pile every newcomer into the group without the veteran), the groups' past
 * points stay close, newcomers (0 points) spread evenly, and no group starts as the veterans'
 * group: a group of newcomers can win. Late joiners are placed the same way; nobody is moved once
 * placed. Points earned in the competition itself do not weigh.
 */
final class Balance {

  /** The fewest and the most groups a competition can be split into. */
  static final int MIN_GROUPS = 2;

  static final int MAX_GROUPS = 10;

  /** How far back a joiner's points weigh. */
  static final Duration LOOKBACK = Duration.ofDays(90);

  /** Group names, in order: the first {@code N} are a competition's groups. */
  static final List<String> NAMES =
      List.of(
          "amber", "blue", "coral", "dune", "emerald", "fern", "garnet", "harbor", "iris", "jade");

  /** Entries read back per person: far more than 90 days of practice. */
  private static final int MAX_ENTRIES = 10_000;

  private Balance() {}

  /** The competition's group names. */
  static List<String> groups(int n) {
    return NAMES.subList(0, n);
  }

  /** What {@code user} earned in the team in the 90 days before {@code now}, outside {@code c}. */
  static long past(Tx tx, Contest c, String user, Instant now) {
    Instant since = now.minus(LOOKBACK);
    long sum = 0;
    for (LedgerEntry e : tx.ledger().entries(c.team(), user, MAX_ENTRIES)) {
      if (e.at().isBefore(since)) {
        break; // newest first
      }
      if (!c.id().equals(e.competition())) {
        sum += e.points();
      }
    }
    return sum;
  }

  /** The group for a joiner, given who is already in (see the class comment). */
  static String pick(Contest c, List<CompeteRecords.Member> members, String user) {
    List<String> names = groups(c.balanced());
    long[] points = new long[names.size()];
    int[] count = new int[names.size()];
    for (CompeteRecords.Member m : members) {
      int i = m.group() == null ? -1 : names.indexOf(m.group());
      if (i >= 0) {
        points[i] += m.past();
        count[i]++;
      }
    }
    int smallest = Arrays.stream(count).min().orElse(0);
    List<Integer> best = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (count[i] > smallest + 1) {
        continue; // already ahead in members
      }
      if (best.isEmpty()) {
        best.add(i);
        continue;
      }
      int b = best.get(0);
      int cmp =
          points[i] != points[b]
              ? Long.compare(points[i], points[b])
              : Integer.compare(count[i], count[b]);
      if (cmp < 0) {
        best.clear();
        best.add(i);
      } else if (cmp == 0) {
        best.add(i);
      }
    }
    return names.get(best.get(Texts.pick(c.id() + "#" + user, best.size())));
  }
}
