package dev.sparring.daily;

import dev.sparring.chat.Texts;
import dev.sparring.core.Confirmations;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.store.Document;
import java.util.Optional;

/**
 * {@code daily off}: it only asks, and an admin's Confirm stops the schedule if it is still the one
 * asked about (history, streaks and points are kept).
 */
final class DailyOff {

  private DailyOff() {}

  /** Asks whether to stop the channel's schedule; {@link #confirmed} stops it. */
  static void ask(Context ctx, Inbound.CommandInvoked in) {
    Optional<Document> doc = DailyRecords.scheduleDoc(ctx.tx(), in.channel().key());
    if (doc.isEmpty()) {
      ctx.out().tell(in, "There is no daily question in this channel.");
      return;
    }
    Schedule s = DailyRecords.schedule(doc.get());
    Confirmations.ask(
        ctx,
        in,
        DailyQuestions.CONFIRM,
        "off",
        fingerprint(doc.get()),
        "Stop the daily question in this channel ("
            + s.time()
            + " "
            + s.zone()
            + ", "
            + s.describeDays()
            + ")? History, streaks and points are kept.");
  }

  /**
   * What a {@code daily off} confirmation is about: the schedule's settings. Not its version, which
   * every post moves on (a question posted while the admin reads the confirmation is no change).
   */
  private static String fingerprint(Document schedule) {
    return Long.toHexString(Texts.spread(schedule.body()));
  }

  /** A confirmed {@code daily off}, if the schedule is still the one it was asked about. */
  static void confirmed(Context ctx, Inbound.ButtonPressed press) {
    Optional<Confirmations.Pending> p = Confirmations.take(ctx, press);
    if (p.isEmpty()) {
      return;
    }
    Optional<Document> doc = DailyRecords.scheduleDoc(ctx.tx(), p.get().channel());
    if (doc.isEmpty()) {
      ctx.out().tell(press, "There is no daily question in this channel any more.");
      return;
    }
    if (!fingerprint(doc.get()).equals(p.get().target())) {
      ctx.out()
          .tell(
              press,
              "The schedule changed since you asked, so nothing was stopped. Run `/spar daily off`"
                  + " again if you still want it.");
      return;
    }
    DailyRecords.deleteSchedule(ctx.tx(), p.get().channel());
    ctx.out().tell(press, "Daily question stopped here. History, streaks and points are kept.");
  }
}
