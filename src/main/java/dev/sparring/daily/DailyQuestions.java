package dev.sparring.daily;

import dev.sparring.bank.Filter;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Dates;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.Texts;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Command;
import dev.sparring.core.Confirmations;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.core.Json;
import dev.sparring.feedback.Disputable;
import dev.sparring.feedback.DisputeSubject;
import dev.sparring.feedback.Disputes;
import dev.sparring.feedback.Feedback;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.scoring.Streaks;
import dev.sparring.store.Document;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.Tx;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The daily question: one post per channel per local day on the channel's schedule, answers in its
 * thread, and a reveal (at the next post or on {@code /spar reveal}) that grades every answer and
 * awards points and streaks through the ledger.
 *
 * <p>Exactly one post per local date holds across restarts and replicas because a post is first a
 * claim: inserting the document {@code daily.post/<channel>#<date>}, which only one transaction can
 * do.
 */
public final class DailyQuestions implements Feature, Disputable {

  static final String THREAD_KIND = "daily";
  static final String SCHEDULE = "daily.schedule";
  static final String POST = "daily.post";
  static final String ANSWER = "daily.answer";
  static final String LATE = "daily.late";
  static final String CHANNEL = "daily.channel";
  private static final String ANCHOR_PREFIX = "dp:";
  private static final int TICK_BATCH = 100;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private final QuestionBank bank;
  private final Grader grader;
  private final Points points;
  private final int maxAnswerChars;

  public DailyQuestions(QuestionBank bank, Grader grader, Points points, int maxAnswerChars) {
    this.bank = bank;
    this.grader = grader;
    this.points = points;
    this.maxAnswerChars = maxAnswerChars;
  }

  // ---- stored records

  /** A posted daily question. */
  record Post(
      String team,
      String channel,
      LocalDate date,
      String questionId,
      String anchor,
      Instant postedAt,
      Instant revealedAt) {
    Post revealed(Instant at) {
      return new Post(team, channel, date, questionId, anchor, postedAt, at);
    }
  }

  /** Someone's latest answer to a post. */
  record Answer(String user, String name, String text, Instant at) {
    /** Who answered, as a mention (names are shown by the platform, never as markup). */
    String who() {
      try {
        return Inline.mention(dev.sparring.chat.UserRef.parse(user), name);
      } catch (IllegalArgumentException e) {
        return Inline.data(name);
      }
    }
  }

  /** Per channel: the open post, questions already used, and the dates posted. */
  record ChannelState(String open, List<String> used, List<LocalDate> dates) {
    ChannelState {
      used = List.copyOf(used == null ? List.of() : used);
      dates = List.copyOf(dates == null ? List.of() : dates);
    }
  }

  // ---- feature wiring

  @Override
  public Set<String> commands() {
    return Set.of("daily", "reveal");
  }

  @Override
  public List<Help> help() {
    return List.of(
        new Help(
            "daily on HH:MM ZONE [days] [pack|level|topic]",
            "post a question here every scheduled day, e.g. `daily on 09:30 Europe/Berlin mon-fri`",
            true),
        new Help(
            "daily off", "stop the daily question in this channel (asks you to confirm)", true),
        Help.of("daily status", "the schedule and the next post time, in local time"),
        new Help("daily skip YYYY-MM-DD", "no question on that date (streaks are kept)", true),
        new Help("daily now [question-id]", "post today's question now", true),
        new Help("daily setup", "set the schedule in a form", true),
        new Help("reveal", "reveal the open daily question: key points, scores, points", true));
  }

  @Override
  public Set<String> threadKinds() {
    return Set.of(THREAD_KIND);
  }

  static final String FORM = "daily.schedule";
  static final String REVEAL = "daily.reveal";
  static final String CONFIRM = "daily.confirm";

  /** The Reveal button on a daily post (admins): the same as {@code /spar reveal} for that post. */
  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (press.action().equals(CONFIRM)) {
      confirmed(ctx, press);
      return;
    }
    if (!press.action().equals(REVEAL)) {
      return;
    }
    if (!ctx.isAdmin(press.actor())) {
      ctx.out()
          .tell(
              press,
              "Only admins can reveal the daily question early; it is revealed with the next one.");
      return;
    }
    Optional<Document> doc = ctx.tx().documents().get(POST, press.value());
    if (doc.isEmpty()) {
      ctx.out().tell(press, "That daily question no longer exists.");
      return;
    }
    Post post = Json.read(doc.get().body(), Post.class);
    if (!ctx.owns(press, doc.get().team(), post.channel())) {
      return;
    }
    if (post.revealedAt() != null) {
      ctx.out().tell(press, "Already revealed.");
      return;
    }
    reveal(ctx, doc.get(), post);
  }

  @Override
  public String buttonPrefix() {
    return "daily.";
  }

  /** {@code daily setup}: the schedule as a form, filled with the current settings. */
  private void setup(Context ctx, Inbound.CommandInvoked in) {
    Optional<Schedule> s =
        ctx.tx()
            .documents()
            .get(SCHEDULE, in.channel().key())
            .map(d -> Json.read(d.body(), Schedule.class));
    String filter =
        s.map(x -> x.filter().isAll() ? "" : x.filter().describe().replace(" \u00b7 ", " "))
            .orElse("");
    ctx.out()
        .form(
            new dev.sparring.chat.Form(
                FORM,
                "Daily question",
                "Save",
                in.channel().key(),
                List.of(
                    new dev.sparring.chat.Form.Input(
                        "time",
                        "Time (HH:MM)",
                        "09:30",
                        s.map(x -> x.time().toString()).orElse("09:30"),
                        false,
                        5),
                    new dev.sparring.chat.Form.Input(
                        "zone",
                        "Time zone (IANA)",
                        "Europe/Berlin",
                        s.map(Schedule::zone).orElse(""),
                        false,
                        60),
                    new dev.sparring.chat.Form.Input(
                        "days",
                        "Days",
                        "mon-fri",
                        s.map(Schedule::describeDays)
                            .orElse("mon-fri")
                            .replace(", ", ",")
                            .replace("every day", "daily"),
                        false,
                        40),
                    new dev.sparring.chat.Form.Input(
                        "filter",
                        "Pack, level or topic (optional)",
                        "serverless senior",
                        filter,
                        false,
                        100))));
  }

  @Override
  public void modal(Context ctx, Inbound.ModalSubmitted submit) {
    if (!submit.modal().equals(FORM)) {
      return;
    }
    if (!ctx.isAdmin(submit.actor())) {
      ctx.out().tell(submit, "Only admins can change the daily question.");
      return;
    }
    List<String> words = new ArrayList<>();
    words.add("on");
    for (String field : List.of("time", "zone", "days", "filter")) {
      String v = submit.fields().getOrDefault(field, "").strip();
      if (!v.isEmpty()) {
        words.addAll(List.of(v.split("\\s+")));
      }
    }
    command(
        ctx,
        new Command(
            "daily",
            words,
            new Inbound.CommandInvoked(
                submit.key(),
                submit.team(),
                submit.channel(),
                submit.actor(),
                "daily " + String.join(" ", words))));
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Profiles.remember(ctx, in.team().key(), in.actor());
    String sub = command.name().equals("reveal") ? "reveal" : command.arg(0);
    if (sub.isEmpty() || sub.equals("status")) {
      status(ctx, in);
      return;
    }
    if (!Set.of("on", "off", "skip", "now", "reveal", "setup").contains(sub)) {
      ctx.out()
          .tell(
              in,
              Texts.unknown(
                  "`daily` option",
                  sub,
                  "daily",
                  List.of("on", "off", "status", "skip", "now", "setup"),
                  "Use `daily on`, `daily off`, `daily status`, `daily skip`, `daily now` or"
                      + " `daily setup`."));
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
      case "off" -> off(ctx, in);
      case "skip" -> skip(ctx, in, rest);
      case "now" -> now(ctx, in, rest);
      case "setup" -> setup(ctx, in);
      default -> reveal(ctx, in);
    }
  }

  // ---- schedule commands

  private void on(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String usage =
        "Usage: `/spar daily on HH:MM ZONE [days] [pack|level|topic]`, e.g. `/spar daily on 09:30"
            + " Europe/Berlin mon-fri serverless`. Days: mon-fri, mon,wed,fri, daily, weekends.";
    if (args.size() < 2) {
      ctx.out().tell(in, usage);
      return;
    }
    LocalTime time;
    try {
      time = LocalTime.parse(args.get(0).length() == 4 ? "0" + args.get(0) : args.get(0));
    } catch (DateTimeParseException e) {
      ctx.out().tell(in, Inline.code(args.get(0), 20) + " is not a time like 09:30. " + usage);
      return;
    }
    Zones.Parsed zone = Zones.parse(args.get(1));
    if (zone.error() != null) {
      ctx.out().tell(in, zone.error());
      return;
    }
    Set<DayOfWeek> days = Set.of(DayOfWeek.values());
    List<String> filterWords = new ArrayList<>(args.subList(2, args.size()));
    if (!filterWords.isEmpty()) {
      String first = filterWords.get(0);
      Set<DayOfWeek> parsed = Schedule.parseDays(first);
      String dayError = Schedule.dayError(first);
      if (parsed != null) {
        days = parsed;
        filterWords.remove(0);
      } else if (dayError != null && !isFilterWord(first)) {
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
      ctx.out().tell(in, "No questions match " + f.filter().describe() + ".");
      return;
    }
    Optional<Document> existing = ctx.tx().documents().get(SCHEDULE, in.channel().key());
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
            existing.map(d -> Json.read(d.body(), Schedule.class).skips()).orElse(null));
    Instant next = firstDue(s, ctx.now());
    String body = Json.write(s);
    ctx.tx().documents().put(Document.saved(existing, SCHEDULE, s.channel(), s.team(), body, next));
    ctx.out()
        .post(
            in.channel(),
            Message.of(
                "Daily question on",
                capitalized(s.filter().phrase())
                    + " will be posted here at "
                    + time
                    + " "
                    + zone.zone().getId()
                    + ", "
                    + s.describeDays()
                    + ". Answer in its thread; the reveal comes with the next question."
                    + (next == null ? "" : "\nNext: " + local(s, next) + ".")),
            null);
  }

  private boolean isFilterWord(String word) {
    return bank.hasPack(word)
        || bank.hasTopic(word)
        || dev.sparring.bank.Level.parse(word).isPresent();
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * When the schedule is next due: today's slot if it is still ahead, or (set up after today's
   * slot) the next one. Setting a schedule never posts immediately; {@code daily now} does.
   */
  private static Instant firstDue(Schedule s, Instant now) {
    return s.nextSlot(now);
  }

  /** {@code daily off} only asks; {@link #confirmed} stops the schedule. */
  private void off(Context ctx, Inbound.CommandInvoked in) {
    Optional<Document> doc = ctx.tx().documents().get(SCHEDULE, in.channel().key());
    if (doc.isEmpty()) {
      ctx.out().tell(in, "There is no daily question in this channel.");
      return;
    }
    Schedule s = Json.read(doc.get().body(), Schedule.class);
    Confirmations.ask(
        ctx,
        in,
        CONFIRM,
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
  private void confirmed(Context ctx, Inbound.ButtonPressed press) {
    Optional<Confirmations.Pending> p = Confirmations.take(ctx, press);
    if (p.isEmpty()) {
      return;
    }
    Optional<Document> doc = ctx.tx().documents().get(SCHEDULE, p.get().channel());
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
    ctx.tx().documents().delete(SCHEDULE, p.get().channel());
    ctx.out().tell(press, "Daily question stopped here. History, streaks and points are kept.");
  }

  private void skip(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    Optional<Document> doc = ctx.tx().documents().get(SCHEDULE, in.channel().key());
    if (doc.isEmpty()) {
      ctx.out().tell(in, "There is no daily question in this channel to skip.");
      return;
    }
    Schedule s = Json.read(doc.get().body(), Schedule.class);
    String usage = "Usage: `/spar daily skip YYYY-MM-DD`, e.g. `/spar daily skip 2026-12-25`.";
    if (args.size() != 1) {
      ctx.out().tell(in, usage);
      return;
    }
    Dates.Parsed parsed = Dates.parse(args.get(0));
    if (parsed.error() != null) {
      ctx.out().tell(in, parsed.error() + " " + usage);
      return;
    }
    LocalDate date = parsed.date();
    LocalDate today = s.localDate(ctx.now());
    if (date.isBefore(today)) {
      ctx.out().tell(in, date + " is in the past (today is " + today + " in " + s.zone() + ").");
      return;
    }
    Schedule next = s.withSkip(date);
    ctx.tx().documents().put(doc.get().next(Json.write(next), dueAfterChange(next, ctx)));
    ctx.out()
        .tell(
            in,
            "No question on "
                + date
                + "; streaks carry over it. Next post: "
                + Optional.ofNullable(next.nextSlot(ctx.now()))
                    .map(i -> local(next, i))
                    .orElse("none")
                + ".");
  }

  /** After a change: the next slot, but today's late post stays due if today is still owed. */
  private Instant dueAfterChange(Schedule s, Context ctx) {
    LocalDate today = s.localDate(ctx.now());
    Instant slot = s.slot(today);
    if (s.postsOn(today) && !slot.isAfter(ctx.now()) && !posted(ctx.tx(), s.channel(), today)) {
      return slot;
    }
    return s.nextSlot(ctx.now());
  }

  private void now(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    Optional<Schedule> schedule =
        ctx.tx()
            .documents()
            .get(SCHEDULE, in.channel().key())
            .map(d -> Json.read(d.body(), Schedule.class));
    ZoneId zone = schedule.map(Schedule::zoneId).orElse(ZoneId.of("UTC"));
    LocalDate today = ctx.now().atZone(zone).toLocalDate();
    Question forced = null;
    if (!args.isEmpty()) {
      forced = bank.get(args.get(0)).orElse(null);
      if (forced == null) {
        ctx.out()
            .tell(
                in,
                "No question " + Inline.code(args.get(0), 60) + ". `/spar questions` lists ids.");
        return;
      }
    }
    Filter filter = schedule.map(Schedule::filter).orElse(Filter.ALL);
    if (!post(ctx, in.team().key(), in.channel(), today, filter, forced)) {
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
    Optional<Document> doc = ctx.tx().documents().get(SCHEDULE, in.channel().key());
    StringBuilder b = new StringBuilder();
    if (doc.isEmpty()) {
      b.append("No daily question in this channel. An admin can start one with `/spar daily on")
          .append(" 09:30 Europe/Berlin mon-fri`.");
    } else {
      Schedule s = Json.read(doc.get().body(), Schedule.class);
      Instant due = doc.get().dueAt();
      b.append("**When:** ")
          .append(s.time())
          .append(' ')
          .append(s.zone())
          .append(", ")
          .append(s.describeDays())
          .append("\n**Questions:** ")
          .append(s.filter().describe())
          .append("\n**Next post:** ")
          .append(
              due == null ? "none scheduled" : local(s, due) + " (" + until(ctx.now(), due) + ")");
      List<LocalDate> upcoming =
          s.skips().stream().filter(d -> !d.isBefore(s.localDate(ctx.now()))).toList();
      if (!upcoming.isEmpty()) {
        b.append("\n**Skipped:** ")
            .append(String.join(", ", upcoming.stream().map(LocalDate::toString).toList()));
      }
    }
    channelState(ctx.tx(), in.channel().key())
        .map(ChannelState::open)
        .flatMap(id -> ctx.tx().documents().get(POST, id))
        .map(d -> Json.read(d.body(), Post.class))
        .ifPresent(
            p -> {
              long answers = ctx.tx().documents().byPrefix(ANSWER, p.anchor() + "#", 10_000).size();
              b.append("\n**Open question:** `")
                  .append(p.questionId())
                  .append("` from ")
                  .append(p.date())
                  .append(", ")
                  .append(answers)
                  .append(answers == 1 ? " answer" : " answers")
                  .append(" so far");
            });
    ctx.out()
        .ephemeral(in.channel(), in.actor().user(), Message.of("Daily question", b.toString()));
  }

  // ---- posting

  /**
   * Posts the channel's question for {@code date} unless one is already posted (returns false
   * then). The open question, if any, is revealed first.
   */
  private boolean post(
      Context ctx,
      String team,
      ChannelRef channel,
      LocalDate date,
      Filter filter,
      Question forced) {
    String anchor = ANCHOR_PREFIX + channel.key() + "#" + date;
    List<Question> candidates = filter.select(bank);
    if (forced == null && candidates.isEmpty()) {
      candidates = bank.questions();
    }
    if (forced == null && candidates.isEmpty()) {
      return false;
    }
    ChannelState state =
        channelState(ctx.tx(), channel.key()).orElse(new ChannelState(null, List.of(), List.of()));
    Question q = forced != null ? forced : pick(candidates, state.used(), channel.key());
    Post post = new Post(team, channel.key(), date, q.id(), anchor, ctx.now(), null);
    if (!ctx.tx().documents().insert(Document.create(POST, anchor, team, Json.write(post), null))) {
      return false;
    }
    if (state.open() != null) {
      ctx.tx()
          .documents()
          .get(POST, state.open())
          .ifPresent(d -> reveal(ctx, d, Json.read(d.body(), Post.class)));
    }
    Set<String> inFilter = new HashSet<>();
    candidates.forEach(c -> inFilter.add(c.id()));
    List<String> used = new ArrayList<>(state.used());
    if (inFilter.stream().allMatch(used::contains)) {
      used.removeIf(inFilter::contains); // the filter is exhausted: start a new round
    }
    used.add(q.id());
    List<LocalDate> dates = new ArrayList<>(state.dates());
    dates.add(date);
    if (dates.size() > 400) {
      dates = dates.subList(dates.size() - 400, dates.size());
    }
    if (used.size() > 5000) {
      used = used.subList(used.size() - 5000, used.size());
    }
    saveChannel(ctx.tx(), team, channel.key(), new ChannelState(anchor, used, dates));
    ctx.tx().threads().open(anchor, channel.key(), THREAD_KIND, ctx.now());
    String topics = q.topics().isEmpty() ? "" : " \u00b7 " + String.join(", ", q.topics());
    ctx.out()
        .post(
            channel,
            Message.of(
                    "Daily question \u00b7 " + date + " \u00b7 " + q.level().label() + topics,
                    q.prompt()
                        + "\n\n_Answer in this thread. Your last answer before the reveal counts;"
                        + " the reveal comes with the next question._")
                .withButtons(
                    List.of(
                        new Message.Button(
                            REVEAL, "Reveal", anchor, Message.Button.Style.SECONDARY))),
            anchor);
    return true;
  }

  /** The first question of the filter not used in this round, in a stable per-channel order. */
  private static Question pick(List<Question> candidates, List<String> used, String channel) {
    Set<String> seen = new HashSet<>(used);
    List<Question> fresh = candidates.stream().filter(q -> !seen.contains(q.id())).toList();
    List<Question> pool = fresh.isEmpty() ? candidates : fresh;
    return pool.stream()
        .min(
            Comparator.comparingLong((Question q) -> Texts.spread(channel + "|" + q.id()))
                .thenComparing(Question::id))
        .orElseThrow();
  }

  private static boolean posted(Tx tx, String channel, LocalDate date) {
    return tx.documents().get(POST, ANCHOR_PREFIX + channel + "#" + date).isPresent();
  }

  // ---- answers

  @Override
  public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
    if (m.text().isBlank()) {
      return;
    }
    Optional<Document> doc = ctx.tx().documents().get(POST, thread.anchor());
    if (doc.isEmpty()) {
      return;
    }
    Post post = Json.read(doc.get().body(), Post.class);
    if (!ctx.owns(m, doc.get().team(), post.channel())) {
      return;
    }
    Profiles.remember(ctx, m.team().key(), m.actor());
    String text = m.text();
    boolean cut = text.length() > maxAnswerChars;
    if (cut) {
      text = Texts.clip(text, maxAnswerChars);
    }
    if (post.revealedAt() != null) {
      latePractice(ctx, m, post, text);
      return;
    }
    String id = post.anchor() + "#" + m.actor().user().key();
    String body =
        Json.write(new Answer(m.actor().user().key(), m.actor().displayName(), text, ctx.now()));
    Optional<Document> previous = ctx.tx().documents().get(ANSWER, id);
    ctx.tx().documents().put(Document.saved(previous, ANSWER, id, post.team(), body, null));
    ctx.out()
        .answerAccepted(
            m.channel(),
            m.actor().user(),
            Message.text(
                (previous.isPresent()
                        ? "Answer updated: your latest answer before the reveal is the one that counts."
                        : "Answer received. You can refine it until the reveal; the last one counts.")
                    + (cut ? " (Cut to the first " + maxAnswerChars + " characters.)" : "")));
  }

  /**
   * An answer in the thread of a revealed question (often yesterday's, answered by habit after
   * today's was posted). It is kept and graded for the person alone, scores nothing (the reveal has
   * shown everyone the key points), and the answer says where today's question is.
   */
  private void latePractice(Context ctx, Inbound.MessagePosted m, Post post, String text) {
    String id = post.anchor() + "#" + m.actor().user().key();
    String body =
        Json.write(new Answer(m.actor().user().key(), m.actor().displayName(), text, ctx.now()));
    Optional<Document> previous = ctx.tx().documents().get(LATE, id);
    ctx.tx().documents().put(Document.saved(previous, LATE, id, post.team(), body, null));
    StringBuilder b = new StringBuilder();
    b.append("The ")
        .append(post.date())
        .append(" question was already revealed, so this answer is practice: it is kept and graded")
        .append(" for you only, and earns no points.");
    bank.get(post.questionId())
        .ifPresent(
            q -> {
              Grade g = grader.grade(text, q.keyPoints());
              b.append("\n**Your practice score:** ").append(g.score()).append("/100");
              g.covered().forEach(k -> b.append("\n- \u2713 ").append(k.point()));
              g.missed().forEach(k -> b.append("\n- \u2717 ").append(g.missedLine(k)));
            });
    b.append("\n\n").append(whereToAnswer(ctx, post.channel()));
    ctx.out().ephemeral(m.channel(), m.actor().user(), Message.text(b.toString()));
  }

  /** Where the channel's current question is, or when the next one comes. */
  private static String whereToAnswer(Context ctx, String channel) {
    Optional<Post> open =
        channelState(ctx.tx(), channel)
            .map(ChannelState::open)
            .flatMap(id -> ctx.tx().documents().get(POST, id))
            .map(d -> Json.read(d.body(), Post.class));
    if (open.isPresent()) {
      return "To score, answer today's question ("
          + open.get().date()
          + ", `"
          + open.get().questionId()
          + "`) in the thread of the newest daily question in this channel.";
    }
    Optional<Document> schedule = ctx.tx().documents().get(SCHEDULE, channel);
    if (schedule.isPresent() && schedule.get().dueAt() != null) {
      Schedule s = Json.read(schedule.get().body(), Schedule.class);
      return "The next daily question comes "
          + local(s, schedule.get().dueAt())
          + " ("
          + until(ctx.now(), schedule.get().dueAt())
          + ").";
    }
    return "There is no daily question scheduled in this channel right now.";
  }

  // ---- reveal

  private void reveal(Context ctx, Inbound.CommandInvoked in) {
    Optional<Document> open =
        channelState(ctx.tx(), in.channel().key())
            .map(ChannelState::open)
            .flatMap(id -> ctx.tx().documents().get(POST, id));
    if (open.isEmpty()) {
      ctx.out().tell(in, "There is no open daily question in this channel to reveal.");
      return;
    }
    reveal(ctx, open.get(), Json.read(open.get().body(), Post.class));
    ctx.out().tell(in, "Revealed in the question's thread.");
  }

  /** Grades every latest answer, awards points once per person, and posts the key points. */
  private void reveal(Context ctx, Document doc, Post post) {
    if (post.revealedAt() != null) {
      return;
    }
    Post revealed = post.revealed(ctx.now());
    if (!ctx.tx().documents().compareAndSet(doc.next(Json.write(revealed), null), doc.version())) {
      throw new dev.sparring.store.ConcurrentUpdateException("daily post " + post.anchor());
    }
    channelState(ctx.tx(), post.channel())
        .filter(s -> post.anchor().equals(s.open()))
        .ifPresent(
            s ->
                saveChannel(
                    ctx.tx(),
                    post.team(),
                    post.channel(),
                    new ChannelState(null, s.used(), s.dates())));
    // Answers to this post and every earlier one are closed now: stats can tell a broken streak.
    Streaks.closed(
        ctx.tx(),
        post.team(),
        post.channel(),
        channelState(ctx.tx(), post.channel()).map(ChannelState::dates).orElse(List.of()).stream()
            .filter(d -> !d.isAfter(post.date()))
            .toList());
    Optional<Question> q = bank.get(post.questionId());
    List<KeyPoint> keyPoints = q.map(Question::keyPoints).orElse(List.of());
    List<Answer> answers =
        ctx.tx().documents().byPrefix(ANSWER, post.anchor() + "#", 100_000).stream()
            .map(d -> Json.read(d.body(), Answer.class))
            .toList();
    record Row(Answer answer, Grade grade, int points, int streak) {}
    List<Row> rows = new ArrayList<>();
    for (Answer a : answers) {
      Grade g =
          keyPoints.isEmpty()
              ? new Grade(0, List.of(), List.of(), "The question left the bank.")
              : grader.grade(a.text(), keyPoints);
      // Junk (a blank, "x", "idk") earns nothing and neither extends nor records a streak.
      int streak = points.rules().earns(g.score()) ? streak(ctx, post, a.user()) : 0;
      int pts = points.rules().dailyPoints(g.score(), streak);
      String key = "daily:" + post.channel() + ":" + post.date() + ":" + a.user();
      boolean counted =
          pts > 0
              && points.award(
                  ctx,
                  new Points.Award(
                      key, post.team(), post.channel(), a.user(), "daily", pts, null, null));
      rows.add(new Row(a, g, counted ? pts : 0, streak));
    }
    rows.sort(
        Comparator.comparingInt((Row r) -> -r.grade().score())
            .thenComparing(r -> r.answer().at())
            .thenComparing(r -> r.answer().user()));
    StringBuilder b = new StringBuilder();
    if (q.isEmpty()) {
      b.append(
          "_This question is no longer in the question bank; answers cannot be graded and earn no"
              + " points._\n");
    } else {
      b.append("**Key points**\n");
      // Whole points, never clipped: a long one is broken between its sentences.
      keyPoints.forEach(
          k ->
              Feedback.wrap("- " + k.point(), Feedback.MAX_LINE)
                  .forEach(l -> b.append(l).append('\n')));
    }
    b.append('\n');
    if (rows.isEmpty()) {
      b.append("Nobody answered this one.");
    } else {
      b.append("**Answers**\n");
      List<String> entries = new ArrayList<>();
      for (Row r : rows) {
        entries.add(
            answerLine(r.answer(), r.grade(), r.points(), r.streak(), !keyPoints.isEmpty()));
      }
      b.append(Feedback.fit(entries, Math.max(1_000, Feedback.MAX_BODY - b.length()), "answers"));
    }
    ChannelRef channel = ChannelRef.parse(post.channel());
    Message reveal =
        Message.of(
            "Reveal \u00b7 "
                + post.questionId()
                + " \u00b7 "
                + rows.size()
                + (rows.size() == 1 ? " answer" : " answers"),
            b.toString().strip());
    if (q.isPresent() && !rows.isEmpty()) {
      reveal =
          reveal.withButtons(
              List.of(Disputes.button("Dispute my grade", DISPUTE_PREFIX + post.anchor())));
    }
    ctx.out().reply(channel, post.anchor(), reveal);
  }

  /**
   * One answer in the reveal: who, score, points and streak, the first key point missed (whole)
   * and, on a line of its own, the first thing the answer said against a key point.
   */
  private static String answerLine(Answer a, Grade g, int pts, int streak, boolean graded) {
    StringBuilder line =
        new StringBuilder("- ")
            .append(a.who())
            .append(": ")
            .append(g.score())
            .append("/100, +")
            .append(pts)
            .append(" points")
            .append(streak > 1 ? ", streak " + streak : "");
    if (graded) {
      List<KeyPoint> missed =
          g.missed().stream()
              .filter(k -> g.contradicted().stream().noneMatch(c -> c.point().equals(k)))
              .toList();
      if (!missed.isEmpty()) {
        line.append(" (missed: ")
            .append(missed.get(0).point())
            .append(missed.size() > 1 ? "; and " + (missed.size() - 1) + " more" : "")
            .append(")");
      }
      String contradiction = Feedback.firstContradiction(g);
      if (!contradiction.isEmpty()) {
        line.append("\n  \u2717 ").append(contradiction);
      }
    }
    return String.join("\n", Feedback.wrap(line.toString(), Feedback.MAX_LINE));
  }

  static final String DISPUTE_PREFIX = "dy:";

  @Override
  public String disputePrefix() {
    return DISPUTE_PREFIX;
  }

  /** {@code who}'s graded answer to a revealed daily question: the one that counted. */
  @Override
  public Optional<DisputeSubject> disputed(Context ctx, String ref, UserRef who) {
    String anchor = ref.substring(DISPUTE_PREFIX.length());
    Optional<Document> doc = ctx.tx().documents().get(POST, anchor);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    Post post = Json.read(doc.get().body(), Post.class);
    Optional<Question> q = bank.get(post.questionId());
    if (post.revealedAt() == null || q.isEmpty()) {
      return Optional.empty();
    }
    return ctx.tx()
        .documents()
        .get(ANSWER, anchor + "#" + who.key())
        .map(d -> Json.read(d.body(), Answer.class))
        .map(
            a ->
                new DisputeSubject(
                    ref,
                    doc.get().team(),
                    post.channel(),
                    a.user(),
                    post.questionId(),
                    0,
                    q.get().keyPoints(),
                    a.text()));
  }

  /** The person's streak in this channel including {@code post}. */
  private int streak(Context ctx, Post post, String user) {
    List<LocalDate> dates =
        channelState(ctx.tx(), post.channel()).map(ChannelState::dates).orElse(List.of());
    return Streaks.answered(ctx.tx(), post.team(), user, post.channel(), post.date(), dates);
  }

  // ---- the clock

  @Override
  public void tick(Context ctx) {
    for (Document doc : ctx.tx().documents().due(SCHEDULE, ctx.now(), TICK_BATCH)) {
      Schedule s = Json.read(doc.body(), Schedule.class);
      LocalDate today = s.localDate(ctx.now());
      Instant slot = s.slot(today);
      if (s.postsOn(today) && !slot.isAfter(ctx.now())) {
        // Late (after downtime) is fine the same local day; earlier missed days are not replayed.
        post(
            ctx.forTeam(doc.team()),
            s.team(),
            ChannelRef.parse(s.channel()),
            today,
            s.filter(),
            null);
      }
      Instant next = s.nextSlot(ctx.now());
      if (!ctx.tx().documents().compareAndSet(doc.next(doc.body(), next), doc.version())) {
        throw new dev.sparring.store.ConcurrentUpdateException("schedule " + s.channel());
      }
    }
  }

  /**
   * The team removed the bot: its schedules go, as after {@code daily off} (posts, answers and
   * streaks stay), so nothing more is posted; {@code daily on} starts again after a reinstall.
   */
  @Override
  public void teamRemoved(Context ctx, TeamRef team) {
    for (List<Document> batch;
        !(batch = ctx.tx().documents().byTeam(SCHEDULE, team.key(), TICK_BATCH)).isEmpty(); ) {
      batch.forEach(d -> ctx.tx().documents().delete(SCHEDULE, d.id()));
    }
  }

  // ---- helpers

  private static Optional<ChannelState> channelState(Tx tx, String channel) {
    return tx.documents().get(CHANNEL, channel).map(d -> Json.read(d.body(), ChannelState.class));
  }

  private static void saveChannel(Tx tx, String team, String channel, ChannelState state) {
    Optional<Document> doc = tx.documents().get(CHANNEL, channel);
    String body = Json.write(state);
    tx.documents().put(Document.saved(doc, CHANNEL, channel, team, body, null));
  }

  static String local(Schedule s, Instant at) {
    return WHEN.format(at.atZone(s.zoneId())) + " " + s.zone();
  }

  static String until(Instant now, Instant at) {
    return at.isAfter(now) ? Texts.until(now, at) : "due now";
  }
}
