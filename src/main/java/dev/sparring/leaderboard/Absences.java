package dev.sparring.leaderboard;

import dev.sparring.chat.Dates;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.scoring.Away;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code /spar away until YYYY-MM-DD} and {@code /spar away off}: someone declares an absence of up
 * to a year (kept by {@link Away}), during which missed days do not break their streaks.
 */
final class Absences {

  static final String USAGE = "Usage: `/spar away until YYYY-MM-DD` or `/spar away off`.";

  private Absences() {}

  static void away(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String team = in.team().key();
    String user = in.actor().user().key();
    LocalDate today = ctx.now().atOffset(ZoneOffset.UTC).toLocalDate();
    if (args.size() == 1 && args.get(0).equalsIgnoreCase("off")) {
      ctx.out().tell(in, Away.clear(ctx.tx(), team, user) ? "Welcome back!" : "You were not away.");
      return;
    }
    if (args.size() != 2 || !args.get(0).equalsIgnoreCase("until")) {
      ctx.out().tell(in, USAGE);
      return;
    }
    Dates.Parsed parsed = Dates.parse(args.get(1));
    if (parsed.error() != null) {
      ctx.out().tell(in, parsed.error());
      return;
    }
    LocalDate until = parsed.date();
    if (until.isBefore(today) || until.isAfter(today.plusDays(366))) {
      ctx.out().tell(in, "Pick a date between today and a year from now.");
      return;
    }
    Away.set(ctx.tx(), team, user, today, until);
    ctx.out().tell(in, "You are away until " + until + ". Your streaks wait for you.");
  }

  /** The last day of {@code user}'s absence, unless it is over. */
  static Optional<LocalDate> until(Context ctx, String team, String user) {
    LocalDate today = ctx.now().atOffset(ZoneOffset.UTC).toLocalDate();
    return Away.until(ctx.tx(), team, user).filter(d -> !d.isBefore(today));
  }
}
