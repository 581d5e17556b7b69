package dev.sparring.interview;

import dev.sparring.bank.Banks;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.Ids;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.core.OwnedConversations;
import dev.sparring.feedback.Disputable;
import dev.sparring.feedback.DisputeSubject;
import dev.sparring.grading.Grader;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.ScoringRules;
import dev.sparring.store.Conversation;
import dev.sparring.store.ThreadLink;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /spar interview}: threaded mock interviews. Routes commands ({@link InterviewCommands}),
 * thread replies and buttons to the interview's rules ({@link InterviewFlow}), and disputes to
 * {@link InterviewDisputes}.
 */
public final class Interviews implements Feature, Disputable {

  public static final String KIND = "interview";
  static final String HINT = "interview.hint";
  static final String STOP = "interview.stop";
  static final String SKIP = "interview.skip";

  /** What a skipped step's answer says (graded 0, shown as skipped). */
  static final String SKIPPED = "(skipped)";

  static final String MODEL_SHORTENED = InterviewSummary.MODEL_SHORTENED;

  private final Banks banks;
  private final InterviewFlow flow;
  private final InterviewDisputes disputes;
  private final Supplier<String> ids;

  public Interviews(QuestionBank bank, Grader grader, InterviewSettings settings) {
    this(bank, grader, settings, new Points(ScoringRules.defaults()));
  }

  public Interviews(QuestionBank bank, Grader grader, InterviewSettings settings, Points points) {
    this(Banks.of(bank), grader, settings, points);
  }

  /** Interviews on each team's questions ({@link Banks#forTeam}). */
  public Interviews(Banks banks, Grader grader, InterviewSettings settings, Points points) {
    this(banks, grader, settings, points, () -> Ids.random("iv-", 12));
  }

  Interviews(
      QuestionBank bank,
      Grader grader,
      InterviewSettings settings,
      Points points,
      Supplier<String> ids) {
    this(Banks.of(bank), grader, settings, points, ids);
  }

  Interviews(
      Banks banks, Grader grader, InterviewSettings settings, Points points, Supplier<String> ids) {
    this.banks = banks;
    this.flow = new InterviewFlow(banks, grader, settings, points);
    this.disputes = new InterviewDisputes(banks);
    this.ids = ids;
  }

  /** The words of a command, read against the questions of the team it came from. */
  private InterviewCommands commands(Context ctx, Inbound.CommandInvoked in) {
    return new InterviewCommands(banks.forTeam(ctx.tx(), in.team().key()));
  }

  @Override
  public Set<String> commands() {
    return Set.of("interview", "questions", "topics");
  }

  @Override
  public List<Help> help() {
    return InterviewCommands.HELP;
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
    Inbound.CommandInvoked in = command.source();
    if (command.name().equals("questions")) {
      listQuestions(ctx, command);
    } else if (command.name().equals("topics")) {
      ctx.out()
          .ephemeral(
              in.channel(),
              in.actor().user(),
              InterviewCatalog.topics(banks.forTeam(ctx.tx(), in.team().key())));
    } else if (command.arg(0).equals("stop")) {
      flow.stop(ctx, in);
    } else if (command.arg(0).equals("resume")) {
      resume(ctx, command);
    } else {
      start(ctx, command);
    }
  }

  private void start(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    if (flow.busy(ctx, in)) {
      return;
    }
    InterviewCommands.Selection selection = commands(ctx, in).select(command.args());
    if (selection.error() != null) {
      ctx.out().tell(in, selection.error());
      return;
    }
    flow.start(ctx, in, selection.candidates(), ids.get());
  }

  private void resume(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    if (command.args().size() > 2) {
      ctx.out().tell(in, "Usage: `/spar interview resume [question-id]`.");
      return;
    }
    if (flow.busy(ctx, in)) {
      return;
    }
    flow.resume(ctx, in, command.args().size() == 2 ? command.arg(1) : null);
  }

  private void listQuestions(Context ctx, Command command) {
    Inbound.CommandInvoked in = command.source();
    InterviewCommands words = commands(ctx, in);
    InterviewCommands.Selection s =
        command.args().isEmpty() ? words.all() : words.select(command.args());
    if (s.error() != null) {
      ctx.out().tell(in, s.error());
      return;
    }
    ctx.out()
        .ephemeral(in.channel(), in.actor().user(), InterviewCatalog.questions(s.candidates()));
  }

  @Override
  public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
    // Others may discuss in the thread; only the interviewee moves it on.
    OwnedConversations.replyFromOwner(ctx, m, thread.anchor())
        .ifPresent(c -> flow.reply(ctx, m, c));
  }

  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    // A button names a conversation; one of another feature's is as gone as a missing one.
    Optional<Conversation> found =
        ctx.tx().conversations().get(press.value()).filter(c -> c.kind().equals(KIND));
    if (found.isEmpty()) {
      ctx.out().tell(press, InterviewTexts.GONE);
      return;
    }
    Conversation c = found.get();
    if (!OwnedConversations.pressedByOwner(ctx, press, c, InterviewTexts.NOT_OWNER)) {
      return;
    }
    if (!c.active()) {
      ctx.out().tell(press, InterviewTexts.ENDED);
      return;
    }
    if (press.action().equals(STOP)) {
      flow.end(ctx, c, press.actor().mention());
    } else if (press.action().equals(SKIP)) {
      flow.skip(ctx, c, press.actor().user());
    } else if (press.action().equals(HINT)) {
      flow.hint(ctx, press, c);
    }
  }

  @Override
  public void tick(Context ctx) {
    flow.tick(ctx);
  }

  @Override
  public String disputePrefix() {
    return InterviewDisputes.PREFIX;
  }

  /** A graded (answered, not skipped) step of a finished interview. */
  @Override
  public Optional<DisputeSubject> disputed(Context ctx, String ref, UserRef who) {
    return disputes.subject(ctx, ref);
  }

  /** The team removed the bot: its open interviews stop quietly (answers so far are kept). */
  @Override
  public void teamRemoved(Context ctx, TeamRef team) {
    ctx.stopConversations(team, KIND);
  }
}
