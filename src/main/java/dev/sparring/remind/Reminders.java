package dev.sparring.remind;

import dev.sparring.chat.Inline;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.Texts;
import dev.sparring.chat.UserRef;
import dev.sparring.chat.Zones;
import dev.sparring.core.Agenda;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.scoring.PersonalZones;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Document;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /spar remind on HH:MM [ZONE]}, {@code /spar remind off}, {@code /spar remind}, and {@code
 * /spar timezone [ZONE]}: one direct message a local day at the person's time, listing what the
 * {@link Agenda}s it was given find worth doing today, through the outbox (see {@link Nudges}).
 * Nothing is sent on a day with nothing to do or while the person is away. When the platform will
 * not deliver a direct message to the person, their reminder turns itself off.
 */
public final class Reminders implements Feature {

  private static final Logger log = LoggerFactory.getLogger(Reminders.class);

  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
  private static final int TEAM_BATCH = 500;

  private final Nudges nudges;

  /** Reminders listing what {@code agendas} find for each person's day. */
  public Reminders(List<Agenda> agendas) {
    this.nudges = new Nudges(agendas);
  }

  /** Reminders with the drill cards due (read from the store) and {@code more} agendas. */
  public static Reminders withDueDrills(List<Agenda> more) {
    List<Agenda> all = new java.util.ArrayList<>();
    all.add(new DueDrills());
    all.addAll(more);
    return new Reminders(all);
  }

  @Override
  public Set<String> commands() {
    return Set.of("remind", "timezone");
  }

  @Override
  public List<Help> help() {
    return List.of(
        Help.of(
            "remind on HH:MM [ZONE]",
            "a direct message at that local time, once a day, when something is worth doing (due"
                + " drills, an open daily question): none on days with nothing, none while away"),
        Help.of("remind [off]", "your reminder and when it comes next; off stops it"),
        Help.of(
            "timezone [ZONE]", "your time zone (IANA, e.g. Europe/Lisbon), for your reminders"));
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    // The nudge greets the person by the name they go by now.
    Profiles.remember(ctx, in.team().key(), in.actor());
    if (command.name().equals("timezone")) {
      timezone(ctx, in, command.args());
      return;
    }
    List<String> args = command.args();
    if (args.isEmpty()) {
      show(ctx, in);
    } else if (command.arg(0).equals("on")) {
      on(ctx, in, args.subList(1, args.size()));
    } else if (command.arg(0).equals("off") && args.size() == 1) {
      off(ctx, in);
    } else if (args.size() <= 2 && TIME.matcher(args.get(0)).matches()) {
      ctx.out()
          .tell(
              in,
              "Did you mean `/spar remind on "
                  + args.get(0)
                  + "`? `/spar remind on HH:MM [ZONE]` sets your reminder.");
    } else {
      ctx.out().tell(in, ReminderTexts.USAGE);
    }
  }

  @Override
  public void tick(Context ctx) {
    nudges.tick(ctx);
  }

  /** The team removed the bot: its reminders go (their people can no longer be written to). */
  @Override
  public void teamRemoved(Context ctx, TeamRef team) {
    ReminderRecords.deleteAll(ctx.tx(), team.key(), TEAM_BATCH);
  }

  /** The platform will not deliver direct messages to the person: their reminder turns off. */
  @Override
  public void unreachable(Context ctx, TeamRef team, UserRef user, String reason) {
    Optional<Document> doc = ReminderRecords.doc(ctx.tx(), team.key(), user.key());
    if (doc.isEmpty()) {
      return;
    }
    Reminder r = ReminderRecords.read(doc.get());
    if (!r.on()) {
      return;
    }
    ReminderRecords.save(
        ctx.tx(), doc, team.key(), r.off(Texts.clip(reason, 200), ctx.now()), null);
    log.info(
        "reminders of {} in {} turned off: the platform will not deliver direct messages to them"
            + " ({})",
        user.key(),
        team.key(),
        reason);
  }

  // ---- remind

  private void show(Context ctx, Inbound.CommandInvoked in) {
    String team = in.team().key();
    String user = in.actor().user().key();
    Optional<Document> doc = ReminderRecords.doc(ctx.tx(), team, user);
    Reminder r = doc.map(ReminderRecords::read).orElse(null);
    if (r == null) {
      ctx.out()
          .tell(
              in,
              "You have no reminder. `/spar remind on 08:30` sends you a direct message at 08:30"
                  + " on days something is worth doing (drills due, a daily question you have not"
                  + " answered), and nothing on other days.");
      return;
    }
    Nudges.Zone z = Nudges.zoneOf(ctx.tx(), team, r);
    if (!r.on()) {
      String again = "`/spar remind on " + r.time() + "` turns it on again.";
      ctx.out()
          .tell(
              in,
              r.offReason() == null
                  ? "Your reminder is off. " + again
                  : "Your reminder was turned off on "
                      + DATE.format(r.offAt().atZone(z.zone()))
                      + ": the bot could not send you a direct message ("
                      + Inline.data(r.offReason())
                      + "). Check that you accept direct messages from the app, then "
                      + again);
      return;
    }
    Instant next = Nudges.next(r, z.zone(), ctx.now());
    ctx.out()
        .tell(
            in,
            "Your reminder is on: "
                + r.time()
                + " "
                + z.zone().getId()
                + ReminderTexts.source(z)
                + ", on days something is worth doing and you are not away. Next: "
                + ReminderTexts.when(next, z.zone(), ctx.now())
                + ". `/spar remind off` stops it.");
  }

  private void on(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    if (args.isEmpty() || args.size() > 2) {
      ctx.out().tell(in, ReminderTexts.ON_USAGE);
      return;
    }
    LocalTime time = time(args.get(0));
    if (time == null) {
      ctx.out().tell(in, ReminderTexts.badTime(args.get(0)) + " " + ReminderTexts.ON_USAGE);
      return;
    }
    String zone = null;
    if (args.size() == 2) {
      Zones.Parsed parsed = Zones.parse(args.get(1));
      if (parsed.error() != null) {
        ctx.out().tell(in, parsed.error());
        return;
      }
      zone = parsed.zone().getId();
    }
    String team = in.team().key();
    String user = in.actor().user().key();
    Optional<Document> doc = ReminderRecords.doc(ctx.tx(), team, user);
    Reminder before = doc.map(ReminderRecords::read).orElse(null);
    Reminder r = Reminder.on(user, time, zone, in.channel().key(), before);
    Nudges.Zone z = Nudges.zoneOf(ctx.tx(), team, r);
    Instant next = Nudges.next(r, z.zone(), ctx.now());
    ReminderRecords.save(ctx.tx(), doc, team, r, next);
    ctx.out()
        .tell(
            in,
            "Reminder on: "
                + time
                + " "
                + z.zone().getId()
                + ReminderTexts.source(z)
                + ". You get one direct message a day, on days something is worth doing (drills"
                + " due, a daily question you have not answered), none on other days or while you"
                + " are away. Next: "
                + ReminderTexts.when(next, z.zone(), ctx.now())
                + ".");
  }

  private void off(Context ctx, Inbound.CommandInvoked in) {
    String team = in.team().key();
    String user = in.actor().user().key();
    Optional<Document> doc = ReminderRecords.doc(ctx.tx(), team, user);
    Reminder r = doc.map(ReminderRecords::read).orElse(null);
    if (r == null || !r.on()) {
      ctx.out().tell(in, "Your reminder is already off.");
      return;
    }
    ReminderRecords.save(ctx.tx(), doc, team, r.off(null, ctx.now()), null);
    ctx.out().tell(in, "Reminder off. `/spar remind on " + r.time() + "` turns it on again.");
  }

  /** {@code 8:30}, {@code 08:30} or {@code 18:45}; null when it is no time of day. */
  static LocalTime time(String text) {
    Matcher m = TIME.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    if (hour > 23 || minute > 59) {
      return null;
    }
    return LocalTime.of(hour, minute);
  }

  // ---- timezone

  private void timezone(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String team = in.team().key();
    String user = in.actor().user().key();
    if (args.isEmpty()) {
      Optional<ZoneId> mine = PersonalZones.of(ctx.tx(), team, user);
      ctx.out()
          .tell(
              in,
              mine.map(z -> "Your time zone is " + z.getId() + " (it is " + clock(ctx, z) + ").")
                      .orElse(
                          "You have not set a time zone, so your reminder follows the daily"
                              + " question's zone of the channel you set it up in, else UTC.")
                  + " `/spar timezone ZONE` sets it, e.g. `/spar timezone Europe/Lisbon`.");
      return;
    }
    if (args.size() > 1) {
      ctx.out().tell(in, ReminderTexts.TIMEZONE_USAGE);
      return;
    }
    Zones.Parsed parsed = Zones.parse(args.get(0));
    if (parsed.error() != null) {
      ctx.out().tell(in, parsed.error());
      return;
    }
    ZoneId zone = parsed.zone();
    PersonalZones.set(ctx.tx(), team, user, zone);
    StringBuilder said =
        new StringBuilder("Your time zone is now ")
            .append(zone.getId())
            .append(" (it is ")
            .append(clock(ctx, zone))
            .append(").");
    // A reminder that follows the person's zone moves with it.
    Optional<Document> doc = ReminderRecords.doc(ctx.tx(), team, user);
    Reminder r = doc.map(ReminderRecords::read).orElse(null);
    if (r != null && r.on()) {
      Nudges.Zone z = Nudges.zoneOf(ctx.tx(), team, r);
      Instant next = Nudges.next(r, z.zone(), ctx.now());
      ReminderRecords.save(ctx.tx(), doc, team, r, next);
      said.append(
          r.zone() == null
              ? " Your reminder follows it: next "
              : " Your reminder keeps the zone you gave it: next ");
      said.append(ReminderTexts.when(next, z.zone(), ctx.now())).append('.');
    }
    ctx.out().tell(in, said.toString());
  }

  private static String clock(Context ctx, ZoneId zone) {
    return ctx.now()
        .atZone(zone)
        .format(DateTimeFormatter.ofPattern("HH:mm 'on' EEE d MMM", Locale.ENGLISH));
  }
}
