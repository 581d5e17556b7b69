package dev.sparring.daily;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Filter;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Dates;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Texts;
import dev.sparring.chat.Zones;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature.Help;
import dev.sparring.core.Inbound;
import dev.sparring.daily.DailyQuestions.Post;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Document;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The daily question's commands: {@code /spar daily ...} and {@code /spar reveal} read and checked,
 * with their help and usage texts, the setup form's submission and the Reveal button; {@code daily
 * off} is {@link DailyOff}, the form itself {@link DailySetupForm}.
 */
final class DailyCommands {

  static final List<Help> HELP =
      List.of(
          new Help(
              "daily on HH:MM ZONE [days] [pack|level|topic]",
              "post a question here every scheduled day, e.g. `daily on 09:30 Europe/Berlin"
                  + " mon-fri`",
              true),
          new Help(
              "daily off", "stop the daily question in this channel (asks you to confirm)", true),
          Help.of("daily status", "the schedule and the next post time, in local time"),
          new Help("daily skip YYYY-MM-DD", "no question on that date (streaks are kept)", true),
          new Help("daily now [question-id]", "post today's question now", true),
          new Help("daily setup", "set the schedule in a form", true),
          new Help(
              "daily answers private|thread",
              "answer with the private Answer button (hidden until the reveal, the default) or"
                  + " in the thread only",
              true),
          new Help("reveal", "reveal the open daily question: key points, scores, points", true));

  private static final String ON_USAGE =
      "Usage: `/spar daily on HH:MM ZONE [days] [pack|level|topic]`, e.g. `/spar daily on 09:30"
          + " Europe/Berlin mon-fri serverless`. Days: mon-fri, mon,wed,fri, daily, weekends.";
  private static final String SKIP_USAGE =
      "Usage: `/spar daily skip YYYY-MM-DD`, e.g. `/spar daily skip 2026-12-25`.";

  private final Banks banks;
  private final DailyPosts posts;
  private final DailyReveal reveal;

  DailyCommands(Banks banks, DailyPosts posts, DailyReveal reveal) {
    this.banks = banks;
    this.posts = posts;
    this.reveal = reveal;
  }

  void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Profiles.remember(ctx, in.team().key(), in.actor());
    String sub = command.name().equals("reveal") ? "reveal" : command.arg(0);
    if (sub.isEmpty() || sub.equals("status")) {
      status(ctx, in);
      return;
    }
    if (!Set.of("on", "off", "skip", "now", "reveal", "setup", "answers").contains(sub)) {
      ctx.out()
          .tell(
              in,
              Texts.unknown(
                  "`daily` option",
                  sub,
                  "daily",
                  List.of("on", "off", "status", "skip", "now", "setup", "answers"),
                  "Use `daily on`, `daily off`, `daily status`, `daily skip`, `daily now`,"
                      + " `daily setup` or `daily answers`."));
      return;
    }
    if (!ctx.isAdmin(in.actor())) {
      ctx.out()
          .tell(
              in,
              "Only admins can change the daily question ("
                  + (sub.equals("reveal") ? "/spar reveal" : "/spar daily " + sub)
                  + "). Ask a workspace admin, or anyone on the bot's admin list.");
      return;
    }
    List<String> rest =
        command.args().subList(Math.min(1, command.args().size()), command.args().size());
    switch (sub) {
      case "on" -> on(ctx, in, rest);
      case "off" -> DailyOff.ask(ctx, in);
      case "skip" -> skip(ctx, in, rest);
      case "now" -> now(ctx, in, rest);
      case "setup" -> DailySetupForm.show(ctx, in);
      case "answers" -> answering(ctx, in, rest);
      default -> reveal(ctx, in);
    }
  }

  /** The submitted setup form, run as the {@code daily on} command it spells (admins only). */
  void submitted(Context ctx, Inbound.ModalSubmitted submit) {
    if (!ctx.isAdmin(submit.actor())) {
      ctx.out().tell(submit, "Only admins can change the daily question.");
      return;
    }
    command(ctx, DailySetupForm.command(submit));
  }

  // ---- schedule commands

  private void on(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    if (args.size() < 2) {
      ctx.out().tell(in, ON_USAGE);
      return;
    }
    LocalTime time;
    try {
      time = LocalTime.parse(args.get(0).length() == 4 ? "0" + args.get(0) : args.get(0));
    } catch (DateTimeParseException e) {
      ctx.out().tell(in, Inline.code(args.get(0), 20) + " is not a time like 09:30. " + ON_USAGE);
      return;
    }
    Zones.Parsed zone = Zones.parse(args.get(1));
    if (zone.error() != null) {
      ctx.out().tell(in, zone.error());
      return;
    }
    QuestionBank bank = banks.forTeam(ctx.tx(), in.team().key());
    Set<DayOfWeek> days = Set.of(DayOfWeek.values());
    List<String> filterWords = new ArrayList<>(args.subList(2, args.size()));
    if (!filterWords.isEmpty()) {
      String first = filterWords.get(0);
      Set<DayOfWeek> parsed = Schedule.parseDays(first);
      String dayError = Schedule.dayError(first);
      if (parsed != null) {
        days = parsed;
        filterWords.remove(0);
      } else if (dayError != null && !isFilterWord(bank, first)) {
        ctx.out().tell(in, dayError);
        return;
      }
    }
    Filter.Parsed f = Filter.parse(bank, filterWords);
    if (f.error() != null) {
      ctx.out().tell(in, f.error());
      return;
    }
    if (f.filter().select(bank).isEmpty()) {
      ctx.out()
          .tell(
              in,
              f.filter().nothingMatches(bank, "No questions match " + f.filter().describe() + "."));
      return;
    }
    Optional<Document> existing = DailyRecords.scheduleDoc(ctx.tx(), in.channel().key());
    Schedule s =
        new Schedule(
            in.team().key(),
            in.channel().key(),
            time,
            zone.zone().getId(),
            days,
            f.filter().pack(),
            f.filter().level() == null ? null : f.filter().level().label(),
            f.filter().topic(),
            existing.map(d -> DailyRecords.schedule(d).skips()).orElse(null));
    Instant next = DailyPosts.firstDue(s, ctx.now());
    DailyRecords.saveSchedule(ctx.tx(), existing, s, next);
    ctx.out().post(in.channel(), DailyTexts.scheduled(s, next), null);
  }

  private static boolean isFilterWord(QuestionBank bank, String word) {
    return Filter.KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))
        || bank.hasPack(word)
        || bank.hasTopic(word)
        || dev.sparring.bank.Level.parse(word).isPresent();
  }

  private void skip(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    Optional<Document> doc = DailyRecords.scheduleDoc(ctx.tx(), in.channel().key());
    if (doc.isEmpty()) {
      ctx.out().tell(in, "There is no daily question in this channel to skip.");
      return;
    }
    Schedule s = DailyRecords.schedule(doc.get());
    if (args.size() != 1) {
      ctx.out().tell(in, SKIP_USAGE);
      return;
    }
    Dates.Parsed parsed = Dates.parse(args.get(0));
    if (parsed.error() != null) {
      ctx.out().tell(in, parsed.error() + " " + SKIP_USAGE);
      return;
    }
    LocalDate date = parsed.date();
    LocalDate today = s.localDate(ctx.now());
    if (date.isBefore(today)) {
      ctx.out().tell(in, date + " is in the past (today is " + today + " in " + s.zone() + ").");
      return;
    }
    Schedule next = s.withSkip(date);
    DailyRecords.saveSchedule(ctx.tx(), doc, next, DailyPosts.dueAfterChange(next, ctx));
    ctx.out()
        .tell(
            in,
            "No question on "
                + date
                + "; streaks carry over it. Next post: "
                + Optional.ofNullable(next.nextSlot(ctx.now()))
                    .map(i -> DailyTexts.local(next, i))
                    .orElse("none")
                + ".");
  }

  private void now(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    Optional<Schedule> schedule = DailyRecords.schedule(ctx.tx(), in.channel().key());
    ZoneId zone = schedule.map(Schedule::zoneId).orElse(ZoneId.of("UTC"));
    LocalDate today = ctx.now().atZone(zone).toLocalDate();
    Question forced = null;
    if (!args.isEmpty()) {
      forced = banks.forTeam(ctx.tx(), in.team().key()).get(args.get(0)).orElse(null);
      if (forced == null) {
        ctx.out()
            .tell(
                in,
                "No question " + Inline.code(args.get(0), 60) + ". `/spar questions` lists ids.");
        return;
      }
    }
    Filter filter = schedule.map(Schedule::filter).orElse(Filter.ALL);
    if (!posts.post(ctx, in.team().key(), in.channel(), today, filter, forced)) {
      ctx.out()
          .tell(
              in,
              "Today's question ("
                  + today
                  + ", "
                  + zone.getId()
                  + ") is already posted here; nothing was posted. The next one comes on schedule.");
      return;
    }
    ctx.out().tell(in, "Posted today's question.");
  }

  private void status(Context ctx, Inbound.CommandInvoked in) {
    Optional<Document> doc = DailyRecords.scheduleDoc(ctx.tx(), in.channel().key());
    Optional<Post> open =
        DailyRecords.openPostDoc(ctx.tx(), in.channel().key()).map(DailyRecords::post);
    long answers = open.map(p -> DailyRecords.answerCount(ctx.tx(), p.anchor(), 10_000)).orElse(0L);
    dev.sparring.chat.Message status =
        DailyTexts.status(
            doc.map(DailyRecords::schedule),
            doc.map(Document::dueAt).orElse(null),
            ctx.now(),
            open,
            answers);
    boolean thread = DailyRecords.threadAnswers(ctx.tx(), in.channel().key());
    ctx.out()
        .ephemeral(
            in.channel(),
            in.actor().user(),
            new dev.sparring.chat.Message(
                status.title(),
                status.body()
                    + (thread
                        ? "\nAnswers: in the thread (`/spar daily answers private` for an Answer"
                            + " button)."
                        : "\nAnswers: private, with the Answer button (`/spar daily answers"
                            + " thread` for thread replies only)."),
                status.fields(),
                status.buttons()));
  }

  /** {@code daily answers private|thread}: how this channel answers its daily questions. */
  private void answering(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String mode = args.size() == 1 ? args.get(0).toLowerCase(java.util.Locale.ROOT) : "";
    if (!mode.equals("private") && !mode.equals("thread")) {
      ctx.out().tell(in, DailyTexts.ANSWERS_USAGE);
      return;
    }
    DailyRecords.setThreadAnswers(
        ctx.tx(), in.team().key(), in.channel().key(), mode.equals("thread"));
    ctx.out().tell(in, DailyTexts.answering(mode.equals("thread")));
  }

  // ---- reveal

  private void reveal(Context ctx, Inbound.CommandInvoked in) {
    Optional<Document> open = DailyRecords.openPostDoc(ctx.tx(), in.channel().key());
    if (open.isEmpty()) {
      ctx.out().tell(in, "There is no open daily question in this channel to reveal.");
      return;
    }
    reveal.reveal(ctx, open.get(), DailyRecords.post(open.get()));
    ctx.out().tell(in, "Revealed in the question's thread.");
  }

  /** The Reveal button on a daily post (admins): the same as {@code /spar reveal} for that post. */
  void revealPressed(Context ctx, Inbound.ButtonPressed press) {
    if (!ctx.isAdmin(press.actor())) {
      ctx.out()
          .tell(
              press,
              "Only admins can reveal the daily question early; it is revealed with the next one.");
      return;
    }
    Optional<Document> doc = DailyRecords.postDoc(ctx.tx(), press.value());
    if (doc.isEmpty()) {
      ctx.out().tell(press, "That daily question no longer exists.");
      return;
    }
    Post post = DailyRecords.post(doc.get());
    if (!ctx.owns(press, doc.get().team(), post.channel())) {
      return;
    }
    if (post.revealedAt() != null) {
      ctx.out().tell(press, "Already revealed.");
      return;
    }
    reveal.reveal(ctx, doc.get(), post);
  }
}
