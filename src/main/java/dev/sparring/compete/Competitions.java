package dev.sparring.compete;

import dev.sparring.bank.Filter;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.Durations;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.Texts;
import dev.sparring.core.Command;
import dev.sparring.core.Confirmations;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.core.Json;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.Document;
import dev.sparring.store.LedgerQuery;
import dev.sparring.store.Standing;
import dev.sparring.store.ThreadLink;
import dev.sparring.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Study-group competitions: a named, time-boxed contest in a channel that posts questions on a
 * cadence; members (optionally in groups) score by answering in the question threads; standings are
 * kept per person and per group, and a podium post closes it.
 */
public final class Competitions implements Feature {

  static final String KIND = "compete";
  static final String MEMBER = "compete.member";
  static final String POST = "compete.post";
  static final String THREAD_KIND = "compete";
  private static final Duration MAX_LENGTH = Duration.ofDays(90);

  /** The longest competition name; longer ones are cut. */
  static final int MAX_NAME = 60;

  private final QuestionBank bank;
  private final Grader grader;
  private final Points points;
  private final int maxAnswerChars;

  public Competitions(QuestionBank bank, Grader grader, Points points, int maxAnswerChars) {
    this.bank = bank;
    this.grader = grader;
    this.points = points;
    this.maxAnswerChars = maxAnswerChars;
  }

  /** A competition as stored. */
  record Contest(
      String id,
      String team,
      String channel,
      String name,
      Instant startedAt,
      Instant endsAt,
      Duration cadence,
      String pack,
      String level,
      String topic,
      boolean ended,
      List<String> used) {
    Contest {
      used = List.copyOf(used == null ? List.of() : used);
    }

    /** The name as it goes into a message: an admin typed it, so it is data, not markup. */
    String shown() {
      return Inline.data(name);
    }

    Filter filter() {
      return new Filter(
          pack, level == null ? null : dev.sparring.bank.Level.parse(level).orElse(null), topic);
    }

    Contest with(boolean isEnded, List<String> usedIds) {
      return new Contest(
          id, team, channel, name, startedAt, endsAt, cadence, pack, level, topic, isEnded,
          usedIds);
    }
  }

  record Member(String user, String group) {}

  record Posted(String contest, String questionId) {}

  /** What other features need to know about a competition. */
  public record Info(String id, String name) {}

  @Override
  public Set<String> commands() {
    return Set.of("compete");
  }

  @Override
  public List<Help> help() {
    return List.of(
        new Help(
            "compete start NAME DURATION [pack|level|topic] [every CADENCE]",
            "start a competition here, e.g. `compete start \"Week 3\" 7d advanced every 1d`",
            true),
        Help.of("compete join [GROUP]", "join this channel's competition, optionally in a group"),
        Help.of("compete status", "standings for people and groups, and time left"),
        new Help("compete end", "end it now and post the podium (asks you to confirm)", true));
  }

  @Override
  public Set<String> threadKinds() {
    return Set.of(THREAD_KIND);
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Profiles.remember(ctx, in.team().key(), in.actor());
    String sub = command.arg(0);
    List<String> rest =
        command.args().isEmpty() ? List.of() : command.args().subList(1, command.args().size());
    switch (sub) {
      case "start" -> {
        if (admin(ctx, in, "start")) {
          start(ctx, in, rest);
        }
      }
      case "join" -> join(ctx, in, rest);
      case "end" -> {
        if (admin(ctx, in, "end")) {
          active(ctx.tx(), in.channel().key())
              .ifPresentOrElse(
                  d -> askToEnd(ctx, in, Json.read(d.body(), Contest.class)),
                  () -> ctx.out().tell(in, "There is no running competition in this channel."));
        }
      }
      case "", "status" -> status(ctx, in);
      default ->
          ctx.out()
              .tell(
                  in,
                  Texts.unknown(
                      "option",
                      sub,
                      "compete",
                      List.of("start", "join", "status", "end"),
                      "Use `compete start`, `compete join`, `compete status` or `compete end`."));
    }
  }

  static final String CONFIRM = "compete.confirm";

  @Override
  public String buttonPrefix() {
    return "compete.";
  }

  /** {@code compete end} only asks; the confirmation is bound to the competition it would end. */
  private void askToEnd(Context ctx, Inbound.CommandInvoked in, Contest c) {
    Confirmations.ask(
        ctx,
        in,
        CONFIRM,
        "end",
        c.id(),
        "End this channel's competition now and post the podium? It has "
            + Texts.duration(Duration.between(ctx.now(), c.endsAt()))
            + " left; it cannot be restarted.");
  }

  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (!press.action().equals(CONFIRM)) {
      return;
    }
    Optional<Confirmations.Pending> p = Confirmations.take(ctx, press);
    if (p.isEmpty()) {
      return;
    }
    Optional<Document> d =
        active(ctx.tx(), p.get().channel())
            .filter(x -> Json.read(x.body(), Contest.class).id().equals(p.get().target()));
    if (d.isEmpty()) {
      ctx.out().tell(press, "That competition is already over; nothing was done.");
      return;
    }
    end(ctx, d.get());
  }

  private boolean admin(Context ctx, Inbound.CommandInvoked in, String what) {
    if (ctx.isAdmin(in.actor())) {
      return true;
    }
    ctx.out()
        .tell(
            in,
            "Only admins can "
                + what
                + " a competition. Ask a workspace admin, or anyone on"
                + " the bot's admin list.");
    return false;
  }

  // ---- start

  private void start(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    String usage =
        "Usage: `/spar compete start NAME DURATION [pack|level|topic] [every CADENCE]`,"
            + " e.g. `/spar compete start \"Week 3\" 7d advanced every 1d` (quote names with spaces).";
    if (args.size() < 2) {
      ctx.out().tell(in, usage);
      return;
    }
    String name = Inline.name(args.get(0), MAX_NAME);
    if (name.isEmpty()) {
      ctx.out().tell(in, "Give the competition a name with something visible in it. " + usage);
      return;
    }
    Duration length;
    try {
      length = Durations.parse(args.get(1));
    } catch (RuntimeException e) {
      ctx.out()
          .tell(in, Inline.code(args.get(1), 20) + " is not a duration like 7d or 48h. " + usage);
      return;
    }
    if (length.compareTo(Duration.ofHours(1)) < 0 || length.compareTo(MAX_LENGTH) > 0) {
      ctx.out().tell(in, "A competition lasts between 1 hour and 90 days.");
      return;
    }
    Duration cadence = Duration.ofDays(1);
    List<String> words = new ArrayList<>(args.subList(2, args.size()));
    boolean cadenceGiven = false;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).toLowerCase(Locale.ROOT);
      if (!w.equals("every") && !w.equals("daily")) {
        continue;
      }
      if (cadenceGiven) {
        ctx.out().tell(in, "Give the cadence once (`every 1d`, or `daily`). " + usage);
        return;
      }
      cadenceGiven = true;
      if (w.equals("daily")) {
        words.remove(i--);
        continue;
      }
      if (i + 1 >= words.size()) {
        ctx.out().tell(in, "`every` needs a cadence like 1d or 12h. " + usage);
        return;
      }
      try {
        cadence = Durations.parse(words.get(i + 1));
      } catch (RuntimeException e) {
        ctx.out()
            .tell(
                in,
                "`every` "
                    + Inline.code(words.get(i + 1), 20)
                    + ": give a cadence like 1d or 12h. "
                    + usage);
        return;
      }
      words.remove(i + 1);
      words.remove(i--);
    }
    if (cadence.compareTo(Duration.ofMinutes(30)) < 0) {
      ctx.out().tell(in, "Post at most every 30 minutes.");
      return;
    }
    if (cadence.compareTo(length) > 0) {
      ctx.out()
          .tell(
              in,
              "A question every "
                  + human(cadence)
                  + " in a competition of "
                  + human(length)
                  + " would post only the first question. Make the cadence at most as long as"
                  + " the competition. "
                  + usage);
      return;
    }
    Filter.Parsed f = Filter.parse(bank, words);
    if (f.error() != null) {
      ctx.out().tell(in, f.error() + " " + usage);
      return;
    }
    if (f.filter().select(bank).isEmpty()) {
      ctx.out().tell(in, "No questions match " + f.filter().describe() + ".");
      return;
    }
    if (active(ctx.tx(), in.channel().key()).isPresent()) {
      ctx.out()
          .tell(
              in,
              "A competition is already running in this channel; end it first with `/spar compete end`.");
      return;
    }
    String id = in.team().key() + "#" + slug(name);
    if (ctx.tx().documents().get(KIND, id).isPresent()) {
      ctx.out()
          .tell(
              in,
              "This team already had a competition called "
                  + Inline.code(name, MAX_NAME)
                  + "; pick another name.");
      return;
    }
    Filter filter = f.filter();
    Contest c =
        new Contest(
            id,
            in.team().key(),
            in.channel().key(),
            name,
            ctx.now(),
            ctx.now().plus(length),
            cadence,
            filter.pack(),
            filter.level() == null ? null : filter.level().label(),
            filter.topic(),
            false,
            List.of());
    ctx.tx().documents().insert(Document.create(KIND, id, c.team(), Json.write(c), ctx.now()));
    ctx.tx()
        .documents()
        .put(Document.create(ACTIVE, in.channel().key(), c.team(), Json.write(id), null));
    ctx.out()
        .post(
            in.channel(),
            Message.of(
                "Competition \u00b7 " + c.shown(),
                "Runs for "
                    + human(length)
                    + ", "
                    + filter.phrase()
                    + " every "
                    + human(cadence)
                    + ". Join with `/spar compete join [GROUP]`, then answer in each"
                    + " question's thread: your first answer to each question scores."),
            null);
    tick(ctx); // posts the first question now
  }

  static final String ACTIVE = "compete.active";

  private static Optional<Document> active(Tx tx, String channel) {
    return tx.documents()
        .get(ACTIVE, channel)
        .map(d -> Json.read(d.body(), String.class))
        .flatMap(id -> tx.documents().get(KIND, id))
        .filter(d -> !Json.read(d.body(), Contest.class).ended());
  }

  /** A competition of the team by name, else the channel's running one when no name is given. */
  public Optional<Info> find(Tx tx, String team, String channel, String name) {
    Optional<Document> d =
        name.isBlank() ? active(tx, channel) : tx.documents().get(KIND, team + "#" + slug(name));
    return d.map(x -> Json.read(x.body(), Contest.class)).map(c -> new Info(c.id(), c.name()));
  }

  // ---- join and answers

  private void join(Context ctx, Inbound.CommandInvoked in, List<String> args) {
    Optional<Document> d = active(ctx.tx(), in.channel().key());
    if (d.isEmpty()) {
      ctx.out().tell(in, "There is no running competition in this channel.");
      return;
    }
    Contest c = Json.read(d.get().body(), Contest.class);
    String group = args.isEmpty() ? null : slug(String.join(" ", args));
    if (group != null && group.isEmpty()) {
      ctx.out().tell(in, "Group names are letters, digits and dashes.");
      return;
    }
    String id = c.id() + "#" + in.actor().user().key();
    Optional<Document> existing = ctx.tx().documents().get(MEMBER, id);
    if (existing.isPresent()) {
      Member m = Json.read(existing.get().body(), Member.class);
      ctx.out()
          .tell(
              in,
              "You are already in "
                  + c.shown()
                  + (m.group() == null ? "" : " (group " + m.group() + ")")
                  + ".");
      return;
    }
    ctx.tx()
        .documents()
        .insert(
            Document.create(
                MEMBER,
                id,
                c.team(),
                Json.write(new Member(in.actor().user().key(), group)),
                null));
    int earlier = scoreWaiting(ctx, c, in.actor().user().key(), group);
    ctx.out()
        .tell(
            in,
            "You joined "
                + c.shown()
                + (group == null ? "" : " in group " + group)
                + ". Answer in the question threads to score."
                + (earlier > 0
                    ? " The answers you gave before joining scored +" + earlier + " points."
                    : ""));
  }

  @Override
  public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
    Optional<Document> posted = ctx.tx().documents().get(POST, thread.anchor());
    if (posted.isEmpty() || m.text().isBlank()) {
      return;
    }
    Posted p = Json.read(posted.get().body(), Posted.class);
    Optional<Document> cd = ctx.tx().documents().get(KIND, p.contest());
    if (cd.isEmpty()) {
      return;
    }
    Contest c = Json.read(cd.get().body(), Contest.class);
    if (!ctx.owns(m, c.team(), c.channel())) {
      return;
    }
    if (c.ended()) {
      ctx.out().tell(m, c.shown() + " has ended; answers no longer score.");
      return;
    }
    Optional<Document> member =
        ctx.tx().documents().get(MEMBER, c.id() + "#" + m.actor().user().key());
    if (member.isEmpty()) {
      keepUntilJoined(ctx, m, c, thread.anchor());
      return;
    }
    Profiles.remember(ctx, c.team(), m.actor());
    String group = Json.read(member.get().body(), Member.class).group();
    Optional<Scored> s = score(ctx, c, thread.anchor(), m.actor().user().key(), group, m.text());
    if (s.isEmpty()) {
      return;
    }
    String said =
        !s.get().counted()
            ? "Only your first answer to each question scores; this one was not counted."
            : s.get().points() == 0
                ? "Scored "
                    + s.get().score()
                    + "/100: answers graded under "
                    + points.rules().junkBelow()
                    + " earn no points. Only your first answer to each question scores."
                : "Scored "
                    + s.get().score()
                    + "/100: +"
                    + s.get().points()
                    + " points for you"
                    + (group == null ? "" : " and " + group)
                    + ".";
    // What the answer said against a key point, whole, on a line of its own (one at most).
    if (s.get().counted() && !s.get().contradiction().isEmpty()) {
      said += "\n\u2717 " + s.get().contradiction();
    }
    ctx.out().tell(m, said);
  }

  /** A graded answer: score, points, whether it counted, and what it said against a key point. */
  private record Scored(int score, int points, boolean counted, String contradiction) {}

  /** Grades one answer to the question posted under {@code anchor} and awards it once. */
  private Optional<Scored> score(
      Context ctx, Contest c, String anchor, String user, String group, String text) {
    Optional<Question> q =
        ctx.tx()
            .documents()
            .get(POST, anchor)
            .map(d -> Json.read(d.body(), Posted.class))
            .flatMap(p -> bank.get(p.questionId()));
    if (q.isEmpty()) {
      return Optional.empty();
    }
    Grade g = grader.grade(Texts.clip(text, maxAnswerChars), q.get().keyPoints());
    // Junk still takes the first-answer slot (a 0-point entry), so it cannot be retried.
    int pts = points.rules().points(g.score());
    boolean counted =
        points.award(
            ctx,
            new Points.Award(
                "compete:" + c.id() + ":" + anchor + ":" + user,
                c.team(),
                c.channel(),
                user,
                "compete",
                pts,
                c.id(),
                group));
    return Optional.of(
        new Scored(g.score(), pts, counted, dev.sparring.feedback.Feedback.firstContradiction(g)));
  }

  /** An answer kept for someone who has not joined yet: the first per question, scored on join. */
  record Waiting(String anchor, String text, Instant at) {}

  static final String WAITING = "compete.waiting";

  private void keepUntilJoined(Context ctx, Inbound.MessagePosted m, Contest c, String anchor) {
    String id = c.id() + "#" + m.actor().user().key() + "#" + anchor;
    boolean kept =
        ctx.tx()
            .documents()
            .insert(
                Document.create(
                    WAITING,
                    id,
                    c.team(),
                    Json.write(
                        new Waiting(anchor, Texts.clip(m.text(), maxAnswerChars), ctx.now())),
                    null));
    ctx.out()
        .tell(
            m,
            "You have not joined "
                + c.shown()
                + " yet. "
                + (kept
                    ? "Your answer is kept: join with `/spar compete join` (or `/spar compete join"
                        + " GROUP` to play in a group) and it will score."
                    : "Your first answer to this question is already kept; join with `/spar"
                        + " compete join` (or `/spar compete join GROUP`) and it will score."));
  }

  /** Scores what a new member answered before joining; returns the points it earned. */
  private int scoreWaiting(Context ctx, Contest c, String user, String group) {
    int total = 0;
    for (Document d : ctx.tx().documents().byPrefix(WAITING, c.id() + "#" + user + "#", 1000)) {
      Waiting w = Json.read(d.body(), Waiting.class);
      ctx.tx().documents().delete(WAITING, d.id());
      Optional<Scored> s = score(ctx, c, w.anchor(), user, group, w.text());
      if (s.isPresent() && s.get().counted()) {
        total += s.get().points();
      }
    }
    return total;
  }

  // ---- the clock: cadence posts and endings

  @Override
  public void tick(Context any) {
    for (Document d : any.tx().documents().due(KIND, any.now(), 50)) {
      Context ctx = any.forTeam(d.team()); // its posts are for the competition's team
      Contest c = Json.read(d.body(), Contest.class);
      if (c.ended()) {
        continue;
      }
      if (!ctx.now().isBefore(c.endsAt())) {
        end(ctx, d);
        continue;
      }
      List<Question> candidates = c.filter().select(bank);
      if (candidates.isEmpty()) {
        candidates = bank.questions();
      }
      Set<String> used = new HashSet<>(c.used());
      List<Question> fresh = candidates.stream().filter(q -> !used.contains(q.id())).toList();
      List<Question> pool = fresh.isEmpty() ? candidates : fresh;
      Question q = pool.get(Texts.pick(c.id() + "#" + used.size(), pool.size()));
      List<String> nowUsed = new ArrayList<>(fresh.isEmpty() ? List.of() : c.used());
      nowUsed.add(q.id());
      Instant next = ctx.now().plus(c.cadence());
      Instant due = next.isBefore(c.endsAt()) ? next : c.endsAt();
      if (!ctx.tx()
          .documents()
          .compareAndSet(d.next(Json.write(c.with(false, nowUsed)), due), d.version())) {
        throw new ConcurrentUpdateException("competition " + c.id());
      }
      String anchor =
          "cq:"
              + Integer.toHexString(c.id().hashCode())
              + ":"
              + nowUsed.size()
              + ":"
              + ctx.now().toEpochMilli();
      ctx.tx()
          .documents()
          .insert(
              Document.create(
                  POST, anchor, c.team(), Json.write(new Posted(c.id(), q.id())), null));
      ctx.tx().threads().open(anchor, c.channel(), THREAD_KIND, ctx.now());
      ctx.out()
          .post(
              ChannelRef.parse(c.channel()),
              Message.of(
                  c.shown()
                      + " \u00b7 question "
                      + countPosts(c, nowUsed)
                      + " \u00b7 "
                      + q.level().label(),
                  q.prompt()
                      + "\n\n_Members: answer in this thread; your first answer scores. Ends "
                      + human(Duration.between(ctx.now(), c.endsAt()))
                      + " from now._"),
              anchor);
    }
  }

  /**
   * The team removed the bot: its running competitions end where they stand, without a podium post
   * nobody could receive (their ledger stays, so the standings can still be read after a
   * reinstall).
   */
  @Override
  public void teamRemoved(Context ctx, TeamRef team) {
    for (Document d : ctx.tx().documents().byTeam(KIND, team.key(), Integer.MAX_VALUE)) {
      Contest c = Json.read(d.body(), Contest.class);
      if (c.ended()) {
        continue;
      }
      if (!ctx.tx()
          .documents()
          .compareAndSet(d.next(Json.write(c.with(true, c.used())), null), d.version())) {
        throw new ConcurrentUpdateException("competition " + c.id());
      }
    }
  }

  private static int countPosts(Contest c, List<String> used) {
    return used.size();
  }

  private void end(Context ctx, Document d) {
    Contest c = Json.read(d.body(), Contest.class);
    if (!ctx.tx()
        .documents()
        .compareAndSet(d.next(Json.write(c.with(true, c.used())), null), d.version())) {
      throw new ConcurrentUpdateException("competition " + c.id());
    }
    List<Standing> people =
        ctx.tx().ledger().standings(LedgerQuery.team(c.team()).inCompetition(c.id()));
    List<Standing> groups =
        ctx.tx().ledger().standings(LedgerQuery.team(c.team()).inCompetition(c.id()).groups());
    StringBuilder b = new StringBuilder();
    if (people.isEmpty()) {
      b.append("Nobody scored this time.");
    } else {
      b.append(podium(ctx.tx(), c.team(), people, false));
      if (!groups.isEmpty()) {
        b.append("\n**Groups**\n").append(podium(ctx.tx(), c.team(), groups, true));
      }
    }
    ctx.out()
        .post(
            ChannelRef.parse(c.channel()),
            Message.of("\uD83C\uDFC6 " + c.shown() + " is over", b.toString().strip()),
            null);
  }

  private static String podium(Tx tx, String team, List<Standing> rows, boolean groups) {
    String[] medals = {"\uD83E\uDD47", "\uD83E\uDD48", "\uD83E\uDD49"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < Math.min(3, rows.size()); i++) {
      Standing s = rows.get(i);
      b.append(medals[i])
          .append(' ')
          .append(groups ? Inline.data(s.name()) : Profiles.mention(tx, team, s.name()))
          .append(" \u2014 ")
          .append(s.points())
          .append(" points\n");
    }
    return b.toString();
  }

  private void status(Context ctx, Inbound.CommandInvoked in) {
    Optional<Document> d = active(ctx.tx(), in.channel().key());
    if (d.isEmpty()) {
      ctx.out()
          .tell(
              in,
              "There is no running competition in this channel. An admin can start one with"
                  + " `/spar compete start \"Week 3\" 7d`.");
      return;
    }
    Contest c = Json.read(d.get().body(), Contest.class);
    List<Standing> people =
        points.standings(ctx.tx(), LedgerQuery.team(c.team()).inCompetition(c.id()));
    List<Standing> groups =
        points.standings(ctx.tx(), LedgerQuery.team(c.team()).inCompetition(c.id()).groups());
    long members = ctx.tx().documents().byPrefix(MEMBER, c.id() + "#", 100_000).size();
    StringBuilder b = new StringBuilder();
    b.append(members)
        .append(members == 1 ? " member" : " members")
        .append(", ends in ")
        .append(human(Duration.between(ctx.now(), c.endsAt())))
        .append(".\n\n");
    if (people.isEmpty()) {
      b.append("No points yet.");
    } else {
      for (int i = 0; i < Math.min(10, people.size()); i++) {
        b.append(i + 1)
            .append(". ")
            .append(Profiles.mention(ctx.tx(), c.team(), people.get(i).name()))
            .append(" \u2014 ")
            .append(people.get(i).points())
            .append('\n');
      }
      if (!groups.isEmpty()) {
        b.append("\n**Groups**\n");
        for (int i = 0; i < groups.size(); i++) {
          b.append(i + 1)
              .append(". ")
              .append(Inline.data(groups.get(i).name()))
              .append(" \u2014 ")
              .append(groups.get(i).points())
              .append('\n');
        }
      }
    }
    ctx.out()
        .ephemeral(in.channel(), in.actor().user(), Message.of(c.shown(), b.toString().strip()));
  }

  // ---- helpers

  static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  static String human(Duration d) {
    return Texts.duration(d);
  }
}
