package dev.sparring.drill;

import dev.sparring.bank.Filter;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Message;
import dev.sparring.chat.Message.Button;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.Texts;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.core.Json;
import dev.sparring.drill.Sm2.Card;
import dev.sparring.drill.Sm2.Rating;
import dev.sparring.feedback.Disputable;
import dev.sparring.feedback.DisputeSubject;
import dev.sparring.feedback.Disputes;
import dev.sparring.feedback.Hints;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Answer;
import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.Conversation;
import dev.sparring.store.Conversation.Status;
import dev.sparring.store.Document;
import dev.sparring.store.ThreadLink;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /spar drill}: one question at a time, due reviews first, then new questions; after the
 * answer the grade and key points, then a self-rating (Again/Hard/Good/Easy, with the grade's
 * suggestion) that schedules the next review with {@link Sm2}.
 */
public final class Drills implements Feature, Disputable {

  public static final String KIND = "drill";
  static final String CARD = "drill.card";
  static final String RATE = "drill.rate";
  static final String HINT = "drill.hint";
  static final String DISPUTE_PREFIX = "dr:";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final QuestionBank bank;
  private final Grader grader;
  private final Points points;
  private final int maxAnswerChars;

  public Drills(QuestionBank bank, Grader grader, Points points, int maxAnswerChars) {
    this.bank = bank;
    this.grader = grader;
    this.points = points;
    this.maxAnswerChars = maxAnswerChars;
  }

  @Override
  public Set<String> commands() {
    return Set.of("drill");
  }

  @Override
  public List<Help> help() {
    return List.of(
        Help.of(
            "drill [topic|pack|level]",
            "one question for you: due reviews first, then new ones (spaced repetition)"),
        Help.of("drill stats", "your drill progress: cards, due reviews, retention"));
  }

  @Override
  public Set<String> threadKinds() {
    return Set.of(KIND);
  }

  @Override
  public String buttonPrefix() {
    return "drill.";
  }

  private static String cardPrefix(String team, String user) {
    return team + "#" + user + "#";
  }

  @Override
  public void command(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Profiles.remember(ctx, in.team().key(), in.actor());
    if (command.arg(0).equals("stats")) {
      stats(ctx, in);
      return;
    }
    Filter.Parsed f = Filter.parse(bank, command.args());
    if (f.error() != null) {
      boolean nearStats = Texts.closest(command.arg(0), List.of("stats")) != null;
      ctx.out()
          .tell(
              in,
              nearStats
                  ? Texts.unknown("`drill` option", command.arg(0), "drill", List.of("stats"), "")
                  : f.error());
      return;
    }
    String team = in.team().key();
    String user = in.actor().user().key();
    // Asking for a new drill closes an open one (answered or not); its card keeps its schedule.
    String closed = "";
    Optional<Conversation> running = ctx.tx().conversations().active(team, user, KIND);
    if (running.isPresent()) {
      Conversation c = running.get();
      if (!ctx.tx()
          .conversations()
          .compareAndSet(c.advance(c.step(), Status.STOPPED, ctx.now()), c.version())) {
        throw new ConcurrentUpdateException("drill " + c.id());
      }
      closed = " (Your open drill on `" + c.questionId() + "` was closed.)";
    }
    List<Question> candidates = f.filter().select(bank);
    if (candidates.isEmpty()) {
      ctx.out().tell(in, "No questions match " + f.filter().describe() + ".");
      return;
    }
    Map<String, Card> cards = cards(ctx, team, user);
    Set<String> ids = candidates.stream().map(Question::id).collect(Collectors.toSet());
    Optional<Card> due =
        cards.values().stream()
            .filter(c -> ids.contains(c.questionId()) && !c.due().isAfter(ctx.now()))
            .min(Comparator.comparing(Card::due).thenComparing(Card::questionId));
    Question q;
    String kind;
    if (due.isPresent()) {
      q = bank.get(due.get().questionId()).orElseThrow();
      kind = "Review";
    } else {
      List<Question> fresh = candidates.stream().filter(c -> !cards.containsKey(c.id())).toList();
      if (fresh.isEmpty()) {
        Instant next =
            cards.values().stream()
                .filter(c -> ids.contains(c.questionId()))
                .map(Card::due)
                .min(Comparator.naturalOrder())
                .orElse(ctx.now());
        ctx.out()
            .tell(
                in,
                "Nothing due in "
                    + f.filter().describe()
                    + ": you have seen every question. Next review: "
                    + next.atOffset(ZoneOffset.UTC).toLocalDate()
                    + " (UTC). Try another topic or level.");
        return;
      }
      q = fresh.get(Texts.pick(user + "#" + cards.size(), fresh.size()));
      kind = "New question";
    }
    String id = "dr-" + token();
    Conversation c =
        new Conversation(
            id,
            KIND,
            in.team(),
            in.channel(),
            in.actor().user(),
            q.id(),
            0,
            Status.ACTIVE,
            1,
            ctx.now(),
            ctx.now());
    ctx.tx().conversations().insert(c);
    ctx.tx().threads().open(id, in.channel().key(), KIND, ctx.now());
    ctx.out()
        .post(
            in.channel(),
            Message.of(
                    "Drill \u00b7 " + kind + " \u00b7 " + q.id() + " \u00b7 " + q.level().label(),
                    q.prompt()
                        + "\n\n_"
                        + in.actor().mention()
                        + ", answer in this thread, then rate yourself._")
                .withButtons(
                    q.hint().isBlank()
                        ? List.of()
                        : List.of(new Button(HINT, "Hint", id, Button.Style.SECONDARY))),
            id);
    ctx.out().tell(in, "Your drill (`" + q.id() + "`) is in a new thread." + closed);
  }

  @Override
  public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
    Optional<Conversation> found = ctx.tx().conversations().get(thread.anchor());
    if (found.isEmpty() || m.text().isBlank()) {
      return;
    }
    Conversation c = found.get();
    if (!ctx.owns(m, c.team().key(), c.channel().key())) {
      return;
    }
    if (!c.owner().equals(m.actor().user())) {
      return; // others may discuss the question in the thread
    }
    if (!c.active() || c.step() != 0) {
      afterAnswer(ctx, m, c);
      return;
    }
    Optional<Question> q = bank.get(c.questionId());
    if (q.isEmpty()) {
      ctx.tx().conversations().compareAndSet(c.advance(0, Status.STOPPED, ctx.now()), c.version());
      ctx.out()
          .reply(
              c.channel(),
              c.id(),
              Message.text("This question left the bank; start another drill."));
      return;
    }
    String text = Texts.clip(m.text(), maxAnswerChars);
    ctx.tx().answers().add(new Answer(c.id(), 0, m.actor().user(), text, ctx.now()));
    if (!ctx.tx()
        .conversations()
        .compareAndSet(c.advance(1, Status.ACTIVE, ctx.now()), c.version())) {
      throw new ConcurrentUpdateException("drill " + c.id());
    }
    Grade g = grader.grade(text, q.get().keyPoints());
    Rating suggested = Rating.suggest(g.score());
    StringBuilder b = new StringBuilder();
    g.covered().forEach(k -> b.append("- \u2713 ").append(k.point()).append('\n'));
    g.missed().forEach(k -> b.append("- \u2717 ").append(g.missedLine(k)).append('\n'));
    b.append('_')
        .append(g.feedback())
        .append("_\n\nHow did it go? Suggested: **")
        .append(suggested.label())
        .append("**.");
    List<Button> buttons =
        new java.util.ArrayList<>(
            List.of(Rating.values()).stream()
                .map(
                    r ->
                        new Button(
                            RATE,
                            r.label(),
                            c.id() + ":" + r.name(),
                            r == suggested ? Button.Style.PRIMARY : Button.Style.SECONDARY))
                .toList());
    buttons.add(Disputes.button("Dispute", DISPUTE_PREFIX + c.id()));
    ctx.out()
        .reply(
            c.channel(),
            c.id(),
            new Message("Drill \u00b7 " + g.score() + "/100", b.toString(), List.of(), buttons));
  }

  /**
   * The owner writes again in a drill that is already answered: waiting for a rating, rated, or
   * closed. The extra answer is graded for them as practice (it does not move the schedule or
   * score), and they are told what the drill is waiting for or how to get the next one.
   */
  private void afterAnswer(Context ctx, Inbound.MessagePosted m, Conversation c) {
    StringBuilder b = new StringBuilder();
    if (c.active()) {
      b.append("You have answered this drill already; rate yourself with the buttons above")
          .append(" (Again, Hard, Good or Easy) to schedule the next review.");
    } else if (c.status() == Status.DONE) {
      b.append("This drill is done and rated. Extra answers here are practice only: they do not")
          .append(" change your schedule or score.");
    } else {
      b.append("This drill was closed (you asked for another one). Extra answers here are")
          .append(" practice only.");
    }
    bank.get(c.questionId())
        .ifPresent(
            q -> {
              Grade g = grader.grade(Texts.clip(m.text(), maxAnswerChars), q.keyPoints());
              b.append("\n**Practice score:** ").append(g.score()).append("/100");
              g.missed().forEach(k -> b.append("\n- \u2717 ").append(g.missedLine(k)));
            });
    b.append("\n\n`/spar drill` serves your next question.");
    ctx.out().ephemeral(m.channel(), m.actor().user(), Message.text(b.toString()));
  }

  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (press.action().equals(HINT)) {
      hint(ctx, press);
      return;
    }
    String[] parts = press.value().split(":", 2);
    Rating rating;
    try {
      rating = Rating.valueOf(parts.length == 2 ? parts[1] : "");
    } catch (IllegalArgumentException e) {
      ctx.out().tell(press, "That button is not one of Again, Hard, Good or Easy.");
      return;
    }
    Optional<Conversation> found = ctx.tx().conversations().get(parts[0]);
    if (found.isEmpty()) {
      ctx.out().tell(press, "That drill no longer exists.");
      return;
    }
    Conversation c = found.get();
    if (!ctx.owns(press, c.team().key(), c.channel().key())) {
      return;
    }
    if (!c.owner().equals(press.actor().user())) {
      ctx.out().tell(press, "Only the person drilling can rate this answer.");
      return;
    }
    if (!c.active() || c.step() != 1) {
      ctx.out()
          .tell(
              press,
              c.step() == 0 ? "Answer first, then rate yourself." : "This drill is already rated.");
      return;
    }
    if (!ctx.tx()
        .conversations()
        .compareAndSet(c.advance(2, Status.DONE, ctx.now()), c.version())) {
      throw new ConcurrentUpdateException("drill " + c.id());
    }
    String team = c.team().key();
    String user = c.owner().key();
    String id = cardPrefix(team, user) + c.questionId();
    Optional<Document> doc = ctx.tx().documents().get(CARD, id);
    Card before =
        doc.map(d -> Json.read(d.body(), Card.class)).orElse(Card.fresh(c.questionId(), ctx.now()));
    Card after = Sm2.review(before, rating, ctx.now());
    String body = Json.write(after);
    ctx.tx().documents().put(Document.saved(doc, CARD, id, team, body, after.due()));
    // The rating moves the schedule; the points follow the answer's grade, as in every mode.
    int earned = earned(ctx, c);
    boolean counted =
        earned > 0
            && points.award(
                ctx,
                new Points.Award(
                    "drill:" + c.id(), team, c.channel().key(), user, "drill", earned, null, null));
    ctx.out()
        .reply(
            c.channel(),
            c.id(),
            Message.text(
                "Rated **"
                    + rating.label()
                    + "**. Next review of `"
                    + c.questionId()
                    + "`: "
                    + when(ctx.now(), after.due())
                    + "."
                    + (counted
                        ? " +" + earned + " points."
                        : " No points: answers graded under "
                            + points.rules().junkBelow()
                            + "/100 earn nothing.")));
  }

  /** Hint: more of the question's hint and key points with each press, before the answer. */
  private void hint(Context ctx, Inbound.ButtonPressed press) {
    Optional<Conversation> found = ctx.tx().conversations().get(press.value());
    if (found.isEmpty() || !found.get().kind().equals(KIND)) {
      ctx.out().tell(press, "That drill no longer exists.");
      return;
    }
    Conversation c = found.get();
    if (!ctx.owns(press, c.team().key(), c.channel().key())) {
      return;
    }
    if (!c.owner().equals(press.actor().user())) {
      ctx.out().tell(press, "Only the person drilling can ask for hints.");
      return;
    }
    if (!c.active() || c.step() != 0) {
      ctx.out().tell(press, "You have answered this drill; hints are for before you answer.");
      return;
    }
    bank.get(c.questionId())
        .ifPresent(
            q ->
                ctx.out()
                    .tell(
                        press,
                        Hints.next(
                            ctx, c.team().key(), c.id(), 0, c.owner(), q.hint(), q.keyPoints())));
  }

  @Override
  public String disputePrefix() {
    return DISPUTE_PREFIX;
  }

  /** The graded answer of a drill (answered: waiting for a rating, rated or closed). */
  @Override
  public Optional<DisputeSubject> disputed(Context ctx, String ref, dev.sparring.chat.UserRef who) {
    Optional<Conversation> found =
        ctx.tx().conversations().get(ref.substring(DISPUTE_PREFIX.length()));
    if (found.isEmpty() || !found.get().kind().equals(KIND)) {
      return Optional.empty();
    }
    Conversation c = found.get();
    Optional<Question> q = bank.get(c.questionId());
    Optional<Answer> answer =
        ctx.tx().answers().of(c.id()).stream().filter(a -> a.step() == 0).findFirst();
    if (q.isEmpty() || answer.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DisputeSubject(
            ref,
            c.team().key(),
            c.channel().key(),
            answer.get().user().key(),
            c.questionId(),
            0,
            q.get().keyPoints(),
            answer.get().text()));
  }

  /** The drill answer priced like any answer: nothing for junk, else scaled by its grade. */
  private int earned(Context ctx, Conversation c) {
    Optional<Question> q = bank.get(c.questionId());
    Optional<Answer> answer =
        ctx.tx().answers().of(c.id()).stream().filter(a -> a.step() == 0).findFirst();
    if (q.isEmpty() || answer.isEmpty()) {
      return 0;
    }
    return points.rules().points(grader.grade(answer.get().text(), q.get().keyPoints()).score());
  }

  @Override
  public List<Message> home(
      Context ctx, dev.sparring.chat.TeamRef team, dev.sparring.chat.Actor actor) {
    Map<String, Card> cards = cards(ctx, team.key(), actor.user().key());
    long due = cards.values().stream().filter(c -> !c.due().isAfter(ctx.now())).count();
    return List.of(
        Message.of(
            "Drills",
            cards.isEmpty()
                ? "No drills yet: `/spar drill` serves one question, then spaced repetition."
                : due
                    + (due == 1 ? " review" : " reviews")
                    + " due now, "
                    + cards.size()
                    + " cards in all. `/spar drill` to practise."));
  }

  private void stats(Context ctx, Inbound.CommandInvoked in) {
    Map<String, Card> cards = cards(ctx, in.team().key(), in.actor().user().key());
    if (cards.isEmpty()) {
      ctx.out().tell(in, "No drills yet. Start with `/spar drill` (or `/spar drill cold-starts`).");
      return;
    }
    long due = cards.values().stream().filter(c -> !c.due().isAfter(ctx.now())).count();
    long learned = cards.values().stream().filter(c -> c.intervalDays() >= 21).count();
    int reviews = cards.values().stream().mapToInt(Card::reviews).sum();
    int lapses = cards.values().stream().mapToInt(Card::lapses).sum();
    double ease = cards.values().stream().mapToDouble(Card::ease).average().orElse(Sm2.START_EASE);
    int[] gaps = cards.values().stream().mapToInt(Card::intervalDays).sorted().toArray();
    int typical = gaps[gaps.length / 2];
    Instant next =
        cards.values().stream()
            .map(Card::due)
            .filter(d -> d.isAfter(ctx.now()))
            .min(Comparator.naturalOrder())
            .orElse(null);
    String body =
        String.format(
            Locale.ROOT,
            "**Cards:** %d of %d questions (%d mature, interval 21 days or more)%n"
                + "**Due now:** %d%n**Reviews:** %d, retention %d%%%n"
                + "**Typical gap before the next review:** %s (each Good rating stretches it"
                + " about %.1f\u00d7)%n"
                + "**Next review:** %s",
            cards.size(),
            bank.size(),
            learned,
            due,
            reviews,
            reviews == 0 ? 100 : Math.round(100.0 * (reviews - lapses) / reviews),
            typical == 0 ? "under a day" : typical + (typical == 1 ? " day" : " days"),
            ease,
            next == null ? (due > 0 ? "now" : "none") : when(ctx.now(), next));
    ctx.out().ephemeral(in.channel(), in.actor().user(), Message.of("Your drills", body));
  }

  private static Map<String, Card> cards(Context ctx, String team, String user) {
    return ctx.tx().documents().byPrefix(CARD, cardPrefix(team, user), 100_000).stream()
        .map(d -> Json.read(d.body(), Card.class))
        .collect(Collectors.toMap(Card::questionId, Function.identity(), (a, b) -> a));
  }

  static String when(Instant now, Instant at) {
    return Texts.until(now, at)
        + (Duration.between(now, at).toDays() >= 2
            ? " (" + at.atOffset(ZoneOffset.UTC).toLocalDate() + ")"
            : "");
  }

  private static String token() {
    String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** The team removed the bot: its open drills stop quietly (answers so far are kept). */
  @Override
  public void teamRemoved(Context ctx, TeamRef team) {
    ctx.stopConversations(team, KIND);
  }
}
