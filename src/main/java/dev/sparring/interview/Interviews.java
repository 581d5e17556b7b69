package dev.sparring.interview;

import dev.sparring.bank.Filter;
import dev.sparring.bank.Level;
import dev.sparring.bank.Question;
import dev.sparring.bank.QuestionBank;
import dev.sparring.bank.Step;
import dev.sparring.chat.Inline;
import dev.sparring.chat.Message;
import dev.sparring.chat.Message.Button;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.Texts;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.feedback.Disputable;
import dev.sparring.feedback.DisputeSubject;
import dev.sparring.feedback.Disputes;
import dev.sparring.feedback.Feedback;
import dev.sparring.feedback.Hints;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.ScoringRules;
import dev.sparring.store.Answer;
import dev.sparring.store.ConcurrentUpdateException;
import dev.sparring.store.Conversation;
import dev.sparring.store.Conversation.Status;
import dev.sparring.store.ThreadLink;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** {@code /spar interview}: threaded mock interviews. */
public final class Interviews implements Feature, Disputable {

  public static final String KIND = "interview";
  static final String HINT = "interview.hint";
  static final String STOP = "interview.stop";
  static final String SKIP = "interview.skip";

  /** What a skipped step's answer says (graded 0, shown as skipped). */
  static final String SKIPPED = "(skipped)";

  private static final int EXPIRE_BATCH = 200;

  private final QuestionBank bank;
  private final Grader grader;
  private final InterviewSettings settings;
  private final Supplier<String> ids;

  private final Points points;

  public Interviews(QuestionBank bank, Grader grader, InterviewSettings settings) {
    this(bank, grader, settings, new Points(ScoringRules.defaults()));
  }

  public Interviews(QuestionBank bank, Grader grader, InterviewSettings settings, Points points) {
    this(bank, grader, settings, points, Interviews::randomId);
  }

  Interviews(
      QuestionBank bank,
      Grader grader,
      InterviewSettings settings,
      Points points,
      Supplier<String> ids) {
    this.bank = bank;
    this.grader = grader;
    this.settings = settings;
    this.points = points;
    this.ids = ids;
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

  private static String randomId() {
    char[] out = new char[12];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return "iv-" + new String(out);
  }

  @Override
  public Set<String> commands() {
    return Set.of("interview", "questions", "topics");
  }

  @Override
  public List<Help> help() {
    return List.of(
        Help.of(
            "interview [question-id | pack [level] | level | topic]",
            "start a mock interview in a thread; each reply brings the next follow-up"),
        Help.of("interview stop", "end your interview now, with a summary of what you answered"),
        Help.of("questions [pack] [level] [topic]", "list question ids you can interview on"),
        Help.of("topics", "the packs, levels and topics you can ask for, with question counts"));
  }

  @Override
  public Set<String> threadKinds() {
    return Set.of(KIND);
  }

  @Override
  public String buttonPrefix() {
    return "interview.";
  }

  @Override
  public void command(Context ctx, Command command) {
    if (command.name().equals("questions")) {
      listQuestions(ctx, command);
    } else if (command.name().equals("topics")) {
      listTopics(ctx, command.source());
    } else if (command.arg(0).equals("stop")) {
      stop(ctx, command.source().team().key(), command.source());
    } else {
      start(ctx, command);
    }
  }

  // ---- starting

  private void start(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    Optional<Conversation> running =
        ctx.tx().conversations().active(in.team().key(), in.actor().user().key(), KIND);
    if (running.isPresent()) {
      Conversation c = running.get();
      if (idle(ctx, c)) {
        expire(ctx.forTeam(c.team().key()), c);
      } else {
        ctx.out()
            .tell(
                in,
                "You already have an interview running (`"
                    + c.questionId()
                    + "`, step "
                    + (c.step() + 1)
                    + " of "
                    + stepCount(c)
                    + "). Answer in its thread, or end it with `/spar interview stop`.");
        return;
      }
    }
    Selection selection = select(command.args());
    if (selection.error() != null) {
      ctx.out().tell(in, selection.error());
      return;
    }
    List<String> done =
        ctx.tx().conversations().questionIds(in.team().key(), in.actor().user().key(), KIND);
    Question q = pick(selection.candidates(), done, in.actor().user().key());
    Conversation c =
        new Conversation(
            ids.get(),
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
    ctx.tx().threads().open(c.id(), in.channel().key(), KIND, ctx.now());
    ctx.out().post(in.channel(), questionMessage(q, in.actor().mention(), c.id()), c.id());
    ctx.out().tell(in, "Your interview on `" + q.id() + "` is in a new thread: answer there.");
  }

  private record Selection(List<Question> candidates, String error) {}

  /** Reads {@code [question-id | pack [level] | level | topic]} in any order. */
  private Selection select(List<String> args) {
    if (args.size() == 1) {
      Optional<Question> exact = bank.get(args.get(0));
      if (exact.isPresent()) {
        return new Selection(List.of(exact.get()), null);
      }
    }
    String pack = null;
    Level level = null;
    String topic = null;
    for (String raw : args) {
      String a = raw.toLowerCase(Locale.ROOT);
      if (bank.hasPack(a) && pack == null) {
        pack = a;
      } else if (Level.parse(a).isPresent() && level == null) {
        level = Level.parse(a).get();
      } else if (bank.hasTopic(a) && topic == null) {
        topic = a;
      } else {
        return new Selection(List.of(), unknown(raw));
      }
    }
    List<Question> candidates = bank.select(pack, level, topic);
    if (candidates.isEmpty()) {
      return new Selection(
          List.of(),
          bank.size() == 0
              ? "No questions are loaded. Check `bank.paths` in the config."
              : "No questions match "
                  + Inline.code(String.join(" ", args), 80)
                  + ". Try `/spar questions`.");
    }
    return new Selection(candidates, null);
  }

  private String unknown(String word) {
    String best = null;
    int bestDistance = 3;
    for (Question q : bank.questions()) {
      int d = Texts.distance(word.toLowerCase(Locale.ROOT), q.id());
      if (d < bestDistance) {
        best = q.id();
        bestDistance = d;
      }
    }
    return "No question, pack, level or topic called "
        + Inline.code(word, 60)
        + "."
        + (best == null ? "" : " Did you mean `" + best + "`?")
        + " "
        + Filter.catalog(bank)
        + " `/spar questions` lists ids.";
  }

  /** Prefers questions this person has not had; among those, a stable spread per person. */
  private static Question pick(List<Question> candidates, List<String> done, String who) {
    Set<String> seen = new HashSet<>(done);
    List<Question> fresh = candidates.stream().filter(q -> !seen.contains(q.id())).toList();
    List<Question> pool = fresh.isEmpty() ? candidates : fresh;
    int index = Texts.pick(who + "#" + done.size(), pool.size());
    return pool.get(index);
  }

  private Message questionMessage(Question q, String who, String id) {
    String topics = q.topics().isEmpty() ? "" : " \u00b7 " + String.join(", ", q.topics());
    String body =
        "**Question** (1 of "
            + q.stepCount()
            + ")\n"
            + q.prompt()
            + "\n\n_"
            + who
            + ", reply in this thread; each reply brings the next follow-up._";
    return new Message(
        "Mock interview \u00b7 " + q.id() + " \u00b7 " + q.level().label() + topics,
        body,
        List.of(),
        List.of(
            new Button(HINT, "Hint", id, Button.Style.SECONDARY),
            new Button(SKIP, "Skip", id, Button.Style.SECONDARY),
            new Button(STOP, "Stop", id, Button.Style.DANGER)));
  }

  // ---- answering

  @Override
  public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
    Optional<Conversation> found = ctx.tx().conversations().get(thread.anchor());
    if (found.isEmpty()) {
      return;
    }
    Conversation c = found.get();
    if (!ctx.owns(m, c.team().key(), c.channel().key())) {
      return;
    }
    if (!c.owner().equals(m.actor().user())) {
      return; // Others may discuss in the thread; only the interviewee moves it on.
    }
    if (m.text().isBlank()) {
      return;
    }
    if (!c.active()) {
      ctx.out().tell(m, "This interview has ended. Start another with `/spar interview`.");
      return;
    }
    if (idle(ctx, c)) {
      expire(ctx.forTeam(c.team().key()), c);
      return;
    }
    Optional<Question> current = questionOf(ctx, c);
    if (current.isEmpty()) {
      return;
    }
    String text = m.text();
    boolean cut = text.length() > settings.maxAnswerChars();
    if (cut) {
      text = Texts.clip(text, settings.maxAnswerChars());
    }
    if (cut) {
      // Said to the person with their answer, not mixed into the next question everyone reads.
      ctx.out()
          .tell(
              m,
              "Your answer was longer than "
                  + settings.maxAnswerChars()
                  + " characters; only the first "
                  + settings.maxAnswerChars()
                  + " count.");
    }
    answer(ctx, c, current.get(), m.actor().user(), text, "");
  }

  /**
   * Records the answer to the current step and moves on by compare-and-set: the next follow-up, or
   * the graded summary after the last one.
   */
  private void answer(
      Context ctx,
      Conversation c,
      Question q,
      dev.sparring.chat.UserRef who,
      String text,
      String notice) {
    ctx.tx().answers().add(new Answer(c.id(), c.step(), who, text, ctx.now()));
    int next = c.step() + 1;
    boolean finished = next >= q.stepCount();
    Conversation moved =
        c.advance(finished ? c.step() : next, finished ? Status.DONE : Status.ACTIVE, ctx.now());
    if (!ctx.tx().conversations().compareAndSet(moved, c.version())) {
      throw new ConcurrentUpdateException("interview " + c.id() + " moved on");
    }
    if (finished) {
      int earned = earned(ctx, c, q);
      boolean counted =
          earned > 0
              && points.award(
                  ctx,
                  new Points.Award(
                      "interview:" + c.id(),
                      c.team().key(),
                      c.channel().key(),
                      c.owner().key(),
                      "interview",
                      earned,
                      null,
                      null));
      ctx.out()
          .reply(
              c.channel(),
              c.id(),
              summary(ctx, moved, q, notice, "Interview complete", counted ? earned : 0));
    } else {
      Step step = q.step(next);
      // The verdict on this answer comes first, in the same message as the next follow-up, so it
      // is read before it and a contradiction is corrected before the person answers again.
      String verdict =
          text.equals(SKIPPED)
              ? ""
              : "**Your answer:** "
                  + Feedback.verdict(grader.grade(text, q.step(c.step()).keyPoints()))
                  + "\n\n";
      ctx.out()
          .reply(
              c.channel(),
              c.id(),
              Message.of(
                  "Follow-up " + next + " of " + (q.stepCount() - 1),
                  notice + verdict + step.prompt()));
    }
  }

  /**
   * What a finished interview earns: each answered step priced like any other answer, so skipped
   * and junk steps add nothing and an interview of skips earns nothing.
   */
  private int earned(Context ctx, Conversation c, Question q) {
    int sum = 0;
    for (Answer a : ctx.tx().answers().of(c.id())) {
      if (!a.text().equals(SKIPPED)) {
        sum += points.rules().points(grader.grade(a.text(), q.step(a.step()).keyPoints()).score());
      }
    }
    return sum;
  }

  /** The graded summary; {@code earned} is the points awarded, or -1 when none were due. */
  private Message summary(
      Context ctx, Conversation c, Question q, String notice, String title, int earned) {
    List<Answer> answers = ctx.tx().answers().of(c.id());
    List<String> lines = new ArrayList<>();
    List<Button> disputes = new ArrayList<>();
    int total = 0;
    for (Answer a : answers) {
      Step step = q.step(a.step());
      if (a.text().equals(SKIPPED)) {
        lines.add("**" + stepName(a.step()) + ": skipped** " + Texts.clip(step.prompt(), 160));
        step.keyPoints().forEach(k -> lines.add("- " + k.point()));
        lines.add("");
        continue;
      }
      Grade grade = grader.grade(a.text(), step.keyPoints());
      total += grade.score();
      lines.add(
          "**"
              + stepName(a.step())
              + ": "
              + grade.score()
              + "/100** "
              + Texts.clip(step.prompt(), 160));
      grade.covered().forEach(k -> lines.add("- \u2713 " + k.point()));
      grade.missed().forEach(k -> lines.add("- \u2717 " + grade.missedLine(k)));
      lines.add("_" + grade.feedback() + "_");
      lines.add("");
      if (disputes.size() < MAX_DISPUTE_BUTTONS) {
        disputes.add(
            Disputes.button(
                "Dispute " + stepName(a.step()).toLowerCase(Locale.ROOT),
                disputeRef(c.id(), a.step())));
      }
    }
    for (int s = answers.size(); s < q.stepCount(); s++) {
      Step step = q.step(s);
      lines.add("**" + stepName(s) + ": not answered** " + Texts.clip(step.prompt(), 160));
      step.keyPoints().forEach(k -> lines.add("- " + k.point()));
      lines.add("");
    }
    if (earned > 0) {
      lines.add("**+" + earned + " points**");
    } else if (earned == 0) {
      lines.add(
          "_No points: skipped answers and answers graded under "
              + points.rules().junkBelow()
              + "/100 earn nothing._");
    }
    lines.add("");
    lines.add("**Model answer**");
    for (Step step : q.steps()) {
      String model = Feedback.modelAnswer(step);
      if (!model.isEmpty()) {
        lines.add(
            "_"
                + stepName(step.index())
                + ":_ "
                + Feedback.shortened(model, Feedback.MAX_LINE - 40, MODEL_SHORTENED));
      }
    }
    StringBuilder body = new StringBuilder(notice);
    // Whole lines only: the renderers split a long summary between lines, never inside one.
    for (String line : lines) {
      Feedback.wrap(line, Feedback.MAX_LINE).forEach(l -> body.append(l).append('\n'));
    }
    int average = answers.isEmpty() ? 0 : Math.round((float) total / q.stepCount());
    return new Message(
        title + " \u00b7 " + q.id() + " \u00b7 " + average + "/100",
        body.toString().strip(),
        List.of(),
        disputes);
  }

  /** Buttons a summary carries at most (Discord shows 25 on a message). */
  private static final int MAX_DISPUTE_BUTTONS = 20;

  static final String MODEL_SHORTENED =
      "_(Shortened at a whole sentence; every key point is listed above.)_";

  private static String stepName(int step) {
    return step == 0 ? "Question" : "Follow-up " + step;
  }

  private static String disputeRef(String conversation, int step) {
    return DISPUTE_PREFIX + conversation + ":" + step;
  }

  static final String DISPUTE_PREFIX = "iv:";

  @Override
  public String disputePrefix() {
    return DISPUTE_PREFIX;
  }

  /** A graded (answered, not skipped) step of a finished interview. */
  @Override
  public Optional<DisputeSubject> disputed(Context ctx, String ref, UserRef who) {
    String rest = ref.substring(DISPUTE_PREFIX.length());
    int colon = rest.lastIndexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    int step;
    try {
      step = Integer.parseInt(rest.substring(colon + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    Optional<Conversation> found = ctx.tx().conversations().get(rest.substring(0, colon));
    if (found.isEmpty() || !found.get().kind().equals(KIND) || found.get().active()) {
      return Optional.empty();
    }
    Conversation c = found.get();
    Optional<Question> q = bank.get(c.questionId());
    if (q.isEmpty() || step < 0 || step >= q.get().stepCount()) {
      return Optional.empty();
    }
    return ctx.tx().answers().of(c.id()).stream()
        .filter(a -> a.step() == step && !a.text().equals(SKIPPED))
        .findFirst()
        .map(
            a ->
                new DisputeSubject(
                    ref,
                    c.team().key(),
                    c.channel().key(),
                    a.user().key(),
                    c.questionId(),
                    step,
                    q.get().step(step).keyPoints(),
                    a.text()));
  }

  // ---- stopping, hints, expiry

  private void stop(Context ctx, String teamKey, Inbound.CommandInvoked in) {
    Optional<Conversation> running =
        ctx.tx().conversations().active(teamKey, in.actor().user().key(), KIND);
    if (running.isEmpty()) {
      ctx.out().tell(in, "You have no interview running. Start one with `/spar interview`.");
      return;
    }
    end(ctx, running.get(), in.actor().mention());
    ctx.out().tell(in, "Interview stopped; the summary is in its thread.");
  }

  private void end(Context ctx, Conversation c, String by) {
    Optional<Question> q = questionOf(ctx, c);
    if (q.isEmpty()) {
      return;
    }
    Conversation stopped = c.advance(c.step(), Status.STOPPED, ctx.now());
    if (!ctx.tx().conversations().compareAndSet(stopped, c.version())) {
      throw new ConcurrentUpdateException("interview " + c.id() + " moved on");
    }
    ctx.out()
        .reply(
            c.channel(),
            c.id(),
            summary(ctx, stopped, q.get(), "", "Interview stopped by " + by, -1));
  }

  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    Optional<Conversation> found = ctx.tx().conversations().get(press.value());
    if (found.isEmpty()) {
      ctx.out().tell(press, "That interview no longer exists.");
      return;
    }
    Conversation c = found.get();
    if (!ctx.owns(press, c.team().key(), c.channel().key())) {
      return;
    }
    if (!c.owner().equals(press.actor().user())) {
      ctx.out().tell(press, "Only the person being interviewed can use these buttons.");
      return;
    }
    if (!c.active()) {
      ctx.out().tell(press, "This interview has ended. Start another with `/spar interview`.");
      return;
    }
    if (press.action().equals(STOP)) {
      end(ctx, c, press.actor().mention());
    } else if (press.action().equals(SKIP)) {
      questionOf(ctx, c).ifPresent(q -> answer(ctx, c, q, press.actor().user(), SKIPPED, ""));
    } else if (press.action().equals(HINT)) {
      questionOf(ctx, c)
          .ifPresent(
              q ->
                  ctx.out()
                      .tell(
                          press,
                          Hints.next(
                              ctx,
                              c.team().key(),
                              c.id(),
                              c.step(),
                              c.owner(),
                              c.step() == 0 ? q.hint() : "",
                              q.step(c.step()).keyPoints())));
    }
  }

  @Override
  public void tick(Context ctx) {
    for (Conversation c :
        ctx.tx()
            .conversations()
            // idleSince is strict ("before"); a conversation idle for exactly the timeout expires.
            .idleSince(KIND, ctx.now().minus(settings.idleTimeout()).plusMillis(1), EXPIRE_BATCH)) {
      expire(ctx.forTeam(c.team().key()), c);
    }
  }

  private boolean idle(Context ctx, Conversation c) {
    return !c.updatedAt().plus(settings.idleTimeout()).isAfter(ctx.now());
  }

  /** Ends an idle interview with the graded summary of what was answered (and what was not). */
  private void expire(Context ctx, Conversation c) {
    Conversation expired = c.advance(c.step(), Status.EXPIRED, ctx.now());
    if (!ctx.tx().conversations().compareAndSet(expired, c.version())) {
      throw new ConcurrentUpdateException("interview " + c.id() + " moved on");
    }
    String notice =
        "_This interview expired after "
            + human(settings.idleTimeout())
            + " without a reply. Here is how it went; start a new one with `/spar interview`._"
            + "\n\n";
    Optional<Question> q = bank.get(c.questionId());
    ctx.out()
        .reply(
            c.channel(),
            c.id(),
            q.isPresent()
                ? summary(ctx, expired, q.get(), notice, "Interview expired", -1)
                : Message.text(notice.strip()));
  }

  static String human(Duration d) {
    return Texts.duration(d);
  }

  // ---- listing

  private void listQuestions(Context ctx, Command command) {
    Selection s =
        command.args().isEmpty() ? new Selection(bank.questions(), null) : select(command.args());
    if (s.error() != null) {
      ctx.out().tell(command.source(), s.error());
      return;
    }
    StringBuilder body = new StringBuilder();
    for (Question q : s.candidates()) {
      body.append("- `")
          .append(q.id())
          .append("` ")
          .append(q.level().label())
          .append(q.topics().isEmpty() ? "" : " \u00b7 " + String.join(", ", q.topics()))
          .append(": ")
          .append(Texts.clip(q.prompt(), 90))
          .append('\n');
    }
    List<Question> all = s.candidates();
    ctx.out()
        .ephemeral(
            command.source().channel(),
            command.source().actor().user(),
            Message.of(all.size() + " questions", body.toString().strip()));
  }

  /** {@code /spar topics}: everything a filter word can be, with how many questions each has. */
  private void listTopics(Context ctx, Inbound.CommandInvoked in) {
    StringBuilder b = new StringBuilder("**Packs**\n");
    for (String pack : bank.packs()) {
      b.append("- ").append(pack).append(count(bank.select(pack, null, null).size())).append('\n');
    }
    b.append("\n**Levels**\n");
    for (Level level : Level.values()) {
      b.append("- ")
          .append(level.label())
          .append(count(bank.select(null, level, null).size()))
          .append('\n');
    }
    b.append("\n**Topics**\n");
    if (bank.topics().isEmpty()) {
      b.append("- none yet\n");
    }
    for (String topic : bank.topics()) {
      b.append("- ")
          .append(topic)
          .append(count(bank.select(null, null, topic).size()))
          .append('\n');
    }
    b.append(
        "\nUse any of them, in any order, with `/spar interview`, `/spar drill`, `/spar questions`,"
            + " `/spar daily on` and `/spar compete start`, e.g. `/spar drill senior`.");
    ctx.out()
        .ephemeral(
            in.channel(), in.actor().user(), Message.of("What you can ask for", b.toString()));
  }

  private static String count(int n) {
    return " (" + n + (n == 1 ? " question)" : " questions)");
  }

  // ---- helpers

  /**
   * The conversation's question. If a pack change removed it, the interview cannot go on: it ends
   * with a message in its thread rather than failing on every reply.
   */
  private Optional<Question> questionOf(Context ctx, Conversation c) {
    Optional<Question> q = bank.get(c.questionId());
    if (q.isEmpty()) {
      Conversation ended = c.advance(c.step(), Status.STOPPED, ctx.now());
      if (!ctx.tx().conversations().compareAndSet(ended, c.version())) {
        throw new ConcurrentUpdateException("interview " + c.id() + " moved on");
      }
      ctx.out()
          .reply(
              c.channel(),
              c.id(),
              Message.text(
                  "This interview's question (`"
                      + c.questionId()
                      + "`) is no longer in the question bank, so the interview has ended."
                      + " Start another with `/spar interview`."));
    }
    return q;
  }

  private int stepCount(Conversation c) {
    return bank.get(c.questionId()).map(Question::stepCount).orElse(c.step() + 1);
  }

  /** The team removed the bot: its open interviews stop quietly (answers so far are kept). */
  @Override
  public void teamRemoved(Context ctx, TeamRef team) {
    ctx.stopConversations(team, KIND);
  }
}
