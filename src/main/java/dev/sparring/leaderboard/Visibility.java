package dev.sparring.leaderboard;

import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.scoring.Hidden;

/**
 * {@code /spar leaderboard hide} and {@code /spar leaderboard show}: someone leaves the team's
 * public boards, podiums and channel exports (their points still count, for them and their group)
 * or comes back. Both are idempotent and answer the asker only.
 */
final class Visibility {

  static final String HIDDEN =
      "You are now hidden from this team's public boards, podiums and exports. Your points still"
          + " count (and for your group in a competition); `/spar leaderboard` shows you where you"
          + " would rank. `/spar leaderboard show` brings you back.";
  static final String ALREADY_HIDDEN =
      "You are already hidden from public boards. `/spar leaderboard show` brings you back.";
  static final String SHOWN = "You are back on this team's public boards and podiums.";
  static final String NOT_HIDDEN =
      "You are not hidden: you already appear on public boards. `/spar leaderboard hide` leaves"
          + " them.";

  private Visibility() {}

  static void set(Context ctx, Inbound.CommandInvoked in, boolean hide) {
    String team = in.team().key();
    String user = in.actor().user().key();
    if (hide) {
      boolean changed = Hidden.hide(ctx.tx(), team, user, ctx.now());
      ctx.out().tell(in, changed ? HIDDEN : ALREADY_HIDDEN);
    } else {
      boolean changed = Hidden.show(ctx.tx(), team, user);
      ctx.out().tell(in, changed ? SHOWN : NOT_HIDDEN);
    }
  }
}
