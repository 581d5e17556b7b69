package dev.sparring.review;

import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.core.Context;
import dev.sparring.fsrs.Fsrs;
import dev.sparring.grading.Contradiction;
import dev.sparring.grading.Grade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What graded answers leave on a person's cards, from every mode: the key points an answer missed
 * or contradicted are remembered on the question's card (one entry per point, merged with what is
 * there) and make the card due now; the points it covered are cleared. The cards with missed points
 * are the person's weak points, weakest first.
 */
public final class Reviews {

  /** Where a missed point was seen. */
  public static final String DAILY = "daily";

  public static final String INTERVIEW = "interview";
  public static final String COMPETE = "compete";
  public static final String DRILL = "drill";

  private static final Pattern GIVING_UP =
      Pattern.compile("\\b(idk|dunno|skip|pass|no idea|no clue|not sure|(don'?t|do not) know)\\b");

  /**
   * What an answer did to the card: the points missed before that it covered now, and the points
   * still open on the card (empty when there is no card).
   */
  public record Outcome(List<MissedPoint> cleared, List<MissedPoint> open) {
    static final Outcome NONE = new Outcome(List.of(), List.of());
  }

  private Reviews() {}

  /**
   * Records {@code user}'s answer {@code answer} to step {@code step} of {@code q}, graded {@code
   * g}, from {@code source}: its missed and contradicted key points go on the question's card (a
   * new card if none) and make it due now; the points it covered are cleared. An answer that does
   * not try (blank, a skip, "idk", a few words that cover nothing) changes nothing: the person may
   * not have read the question.
   */
  public static Outcome missed(
      Context ctx,
      String team,
      String user,
      Question q,
      int step,
      Grade g,
      String answer,
      String source) {
    if (!attempted(answer, g) || step < 0 || step >= q.stepCount()) {
      return Outcome.NONE;
    }
    List<KeyPoint> points = q.step(step).keyPoints();
    Optional<ReviewCard> found = ReviewCards.get(ctx.tx(), team, user, q.id());
    List<MissedPoint> open = new ArrayList<>(found.map(ReviewCard::missed).orElse(List.of()));
    List<MissedPoint> cleared = clear(open, points, step, g);
    boolean missedAny = false;
    for (KeyPoint k : g.missed()) {
      int i = points.indexOf(k);
      if (i < 0) {
        continue;
      }
      missedAny = true;
      boolean contradicted =
          g.contradicted().stream().map(Contradiction::point).anyMatch(k::equals);
      int at = position(open, step, i, k);
      MissedPoint before = at < 0 ? null : open.get(at);
      MissedPoint now =
          new MissedPoint(
              step,
              i,
              k.point(),
              contradicted || (before != null && before.contradicted()),
              before == null ? 1 : before.times() + 1,
              ctx.now(),
              source);
      if (at < 0) {
        open.add(now);
      } else {
        open.set(at, now);
      }
    }
    if (!missedAny && found.isEmpty()) {
      return Outcome.NONE;
    }
    open.sort(Comparator.comparingInt(MissedPoint::step).thenComparingInt(MissedPoint::index));
    ReviewCard card = found.orElseGet(() -> ReviewCard.fresh(q.id(), ctx.now())).withMissed(open);
    if (missedAny && card.due().isAfter(ctx.now())) {
      card = card.withDue(ctx.now());
    }
    if (missedAny || !cleared.isEmpty()) {
      ReviewCards.save(ctx.tx(), team, user, card);
    }
    return new Outcome(cleared, card.missed());
  }

  /**
   * Clears the points of step {@code step} of {@code q} that {@code g} covered from the person's
   * card, adding nothing (an answer that was not asked this step). Returns the points cleared.
   */
  public static List<MissedPoint> covered(
      Context ctx, String team, String user, Question q, int step, Grade g) {
    Optional<ReviewCard> found = ReviewCards.get(ctx.tx(), team, user, q.id());
    if (found.isEmpty() || step < 0 || step >= q.stepCount()) {
      return List.of();
    }
    List<MissedPoint> open = new ArrayList<>(found.get().missed());
    List<MissedPoint> cleared = clear(open, q.step(step).keyPoints(), step, g);
    if (!cleared.isEmpty()) {
      ReviewCards.save(ctx.tx(), team, user, found.get().withMissed(open));
    }
    return cleared;
  }

  /** Removes from {@code open} the points of {@code step} that {@code g} covered. */
  private static List<MissedPoint> clear(
      List<MissedPoint> open, List<KeyPoint> points, int step, Grade g) {
    List<MissedPoint> cleared = new ArrayList<>();
    for (KeyPoint k : g.covered()) {
      int i = points.indexOf(k);
      int at = i < 0 ? -1 : position(open, step, i, k);
      if (at >= 0) {
        cleared.add(open.remove(at));
      }
    }
    return cleared;
  }

  /** Where the entry for key point {@code k} (step {@code step}, index {@code i}) is, or -1. */
  private static int position(List<MissedPoint> open, int step, int i, KeyPoint k) {
    for (int at = 0; at < open.size(); at++) {
      if (open.get(at).is(step, i) && open.get(at).point().equals(k.point())) {
        return at;
      }
    }
    for (int at = 0; at < open.size(); at++) {
      if (open.get(at).is(step, i)) {
        return at; // the point was reworded in its pack: still the same point
      }
    }
    return -1;
  }

  /**
   * Whether {@code answer} tries to answer: it covers or contradicts a key point, or says something
   * (five words or more) other than giving up.
   */
  public static boolean attempted(String answer, Grade g) {
    if (!g.covered().isEmpty() || !g.contradicted().isEmpty()) {
      return true;
    }
    String text = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
    long words =
        java.util.Arrays.stream(text.split("[^\\p{L}\\p{N}']+"))
            .filter(w -> w.length() > 1)
            .count();
    return words >= 5 && !(words <= 8 && GIVING_UP.matcher(text).find());
  }

  /**
   * The cards with missed points, weakest first: lowest recall now (a card never drilled counts as
   * 0), then most points missed, then by question.
   */
  public static List<ReviewCard> weakest(Collection<ReviewCard> cards, Fsrs fsrs, Instant now) {
    return cards.stream()
        .filter(c -> !c.missed().isEmpty())
        .sorted(
            Comparator.comparingDouble((ReviewCard c) -> fsrs.recall(c.fsrs(), now))
                .thenComparing(c -> -c.missed().size())
                .thenComparing(ReviewCard::questionId))
        .toList();
  }
}
