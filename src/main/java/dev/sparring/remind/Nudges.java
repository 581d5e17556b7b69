package dev.sparring.remind;

import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Agenda;
import dev.sparring.core.Context;
import dev.sparring.scoring.Away;
import dev.sparring.scoring.PersonalZones;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Document;
import dev.sparring.store.LedgerEntry;
import dev.sparring.store.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clock's side of reminders. Each tick reads the settings due by now from the due index (a
 * bounded batch, soonest first), and for each: if today's time has come, the person has not had
 * today's nudge, is not away, and some {@link Agenda} has something for them, it claims the day
 * ({@code remind.sent/TEAM#USER#DATE}) and queues the direct message, in the tick's transaction;
 * then it moves the setting on to its next time, compare-and-set. A replica that raced for the same
 * setting loses the compare-and-set and rolls back (its message with it); a restart finds the claim
 * and the moved setting.
 */
final class Nudges {

  private static final Logger log = LoggerFactory.getLogger(Nudges.class);

  /** Settings handled per tick; a full batch asks for another tick at once. */
  static final int BATCH = 50;

  /** Recent ledger entries read for the channels a person takes part in. */
  private static final int RECENT_ENTRIES = 50;

  private static final ZoneId UTC = ZoneId.of("UTC");

  private final List<Agenda> agendas;

  Nudges(List<Agenda> agendas) {
    this.agendas = List.copyOf(agendas);
  }

  /** Where a reminder's zone came from. */
  enum Source {
    NAMED,
    YOURS,
    CHANNEL,
    DEFAULT
  }

  /** A reminder's zone and where it came from. */
  record Zone(ZoneId zone, Source source) {}

  /** The zone named in the reminder, else the person's, else its channel's, else UTC. */
  static Zone zoneOf(Tx tx, String team, Reminder r) {
    if (r.zone() != null) {
      try {
        return new Zone(ZoneId.of(r.zone()), Source.NAMED);
      } catch (java.time.DateTimeException e) {
        // a zone this Java no longer knows: the person's, else the channel's, as with none
      }
    }
    return PersonalZones.of(tx, team, r.user())
        .map(z -> new Zone(z, Source.YOURS))
        .or(() -> ChannelZones.of(tx, r.channel()).map(z -> new Zone(z, Source.CHANNEL)))
        .orElse(new Zone(UTC, Source.DEFAULT));
  }

  /** Whether {@code r} sent a nudge on the local day {@code today} (in {@code zone}) already. */
  static boolean nudgedOn(Reminder r, LocalDate today, ZoneId zone) {
    return r.lastAt() != null && !r.lastAt().isBefore(ReminderTimes.startOf(today, zone));
  }

  /**
   * When {@code r} next nudges, as of {@code now}: its next time, but not on a local day it nudged
   * already (a time moved later the same day waits for tomorrow); null when it is off.
   */
  static Instant next(Reminder r, ZoneId zone, Instant now) {
    if (!r.on()) {
      return null;
    }
    Instant at = ReminderTimes.next(r.time(), zone, now);
    LocalDate day = at.atZone(zone).toLocalDate();
    if (nudgedOn(r, day, zone)) {
      at = ReminderTimes.at(day.plusDays(1), r.time(), zone);
    }
    return at;
  }

  void tick(Context ctx) {
    Tx tx = ctx.tx();
    List<Document> due = ReminderRecords.due(tx, ctx.now(), BATCH);
    for (Document doc : due) {
      Reminder r;
      try {
        r = ReminderRecords.read(doc);
      } catch (IllegalStateException e) {
        // Parked rather than failing every tick (and every feature's work in it) from now on.
        log.warn("reminder {} is unreadable; it is set aside", doc.id(), e);
        ReminderRecords.park(tx, doc);
        continue;
      }
      Zone z = zoneOf(tx, doc.team(), r);
      LocalDate today = ctx.now().atZone(z.zone()).toLocalDate();
      Reminder after = r;
      if (r.on()
          && !ReminderTimes.at(today, r.time(), z.zone()).isAfter(ctx.now())
          && !nudgedOn(r, today, z.zone())
          && !Away.isAway(tx, doc.team(), r.user(), today)) {
        after = nudge(ctx.forTeam(doc.team()), doc.team(), r, z.zone(), today);
      }
      ReminderRecords.advance(tx, doc, after, next(after, z.zone(), ctx.now()));
    }
    int pruned = ReminderRecords.prune(tx, ctx.now(), BATCH);
    if (due.size() == BATCH || pruned == BATCH) {
      ctx.out().again();
    }
  }

  /** Sends today's nudge if there is something to do; returns the reminder as it is after. */
  private Reminder nudge(Context ctx, String teamKey, Reminder r, ZoneId zone, LocalDate today) {
    TeamRef team;
    UserRef user;
    try {
      team = TeamRef.parse(teamKey);
      user = UserRef.parse(r.user());
    } catch (IllegalArgumentException e) {
      log.warn("reminder {}#{} names no team or person; skipped", teamKey, r.user());
      return r;
    }
    Agenda.Day day = new Agenda.Day(team, user, today, zone, channels(ctx.tx(), teamKey, r));
    List<Agenda.Item> items = new ArrayList<>();
    for (Agenda a : agendas) {
      items.addAll(a.today(ctx, day));
    }
    if (items.isEmpty()) {
      return r; // nothing worth a message today
    }
    Instant dayEnds = ReminderTimes.startOf(today.plusDays(1), zone);
    if (!ReminderRecords.claim(ctx.tx(), teamKey, r.user(), today, dayEnds)) {
      return r.nudged(today, ctx.now()); // sent already, by another replica or run
    }
    String name = Profiles.name(ctx.tx(), teamKey, r.user());
    ctx.out().direct(team, user, ReminderTexts.nudge(name, today, items, r.time(), zone));
    return r.nudged(today, ctx.now());
  }

  /** The channels the person is known in: where they set the reminder, where they scored lately. */
  private static Set<ChannelRef> channels(Tx tx, String team, Reminder r) {
    Set<ChannelRef> out = new LinkedHashSet<>();
    add(out, r.channel());
    for (LedgerEntry e : tx.ledger().entries(team, r.user(), RECENT_ENTRIES)) {
      add(out, e.channel());
    }
    return out;
  }

  private static void add(Set<ChannelRef> out, String key) {
    if (key == null) {
      return;
    }
    try {
      out.add(ChannelRef.parse(key));
    } catch (IllegalArgumentException e) {
      // a stored key from before refs were checked: not a channel to look in
    }
  }
}
