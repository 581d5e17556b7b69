package dev.sparring.daily;

import dev.sparring.bank.Banks;
import dev.sparring.bank.QuestionBank;
import dev.sparring.chat.TeamRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Agenda;
import dev.sparring.core.Command;
import dev.sparring.core.Context;
import dev.sparring.core.Feature;
import dev.sparring.core.Inbound;
import dev.sparring.feedback.Disputable;
import dev.sparring.feedback.DisputeSubject;
import dev.sparring.grading.Grader;
import dev.sparring.scoring.Points;
import dev.sparring.store.ThreadLink;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 *
 * <p>This class routes the bot's events to the package's parts: {@link DailyCommands} (commands,
 * the setup form, the Reveal button), {@link DailyOff} (the confirmed stop), {@link DailyPosts}
 * (the clock and posting), {@link DailyAnswers} (answers in the thread) and {@link DailyReveal}
 * (grading and scoring); {@link DailyRecords} stores, {@link DailyTexts} words the messages.
 */
public final class DailyQuestions implements Feature, Disputable, Agenda {

  static final String THREAD_KIND = "daily";
  static final String SCHEDULE = "daily.schedule";

  /** The kind of the stored document of each posted daily question. */
  public static final String POST = "daily.post";

  static final String ANSWER = "daily.answer";
  static final String LATE = "daily.late";
  static final String CHANNEL = "daily.channel";
  static final String FORM = "daily.schedule";
  static final String REVEAL = "daily.reveal";

  /** The Answer button of a daily post and the private answer form it opens. */
  static final String ANSWER_FORM = "daily.answer";

  static final String CONFIRM = "daily.confirm";
  static final String DISPUTE_PREFIX = "dy:";

  private final DailyCommands commands;
  private final DailyPosts posts;
  private final DailyAnswers answers;
  private final DailyReveal reveal;
  private final DailyArchive archive;
  private final DailyAgenda agenda;

  public DailyQuestions(QuestionBank bank, Grader grader, Points points, int maxAnswerChars) {
    this(Banks.of(bank), grader, points, maxAnswerChars);
  }

  /** Daily questions drawn from each channel's team's questions ({@link Banks#forTeam}). */
  public DailyQuestions(Banks banks, Grader grader, Points points, int maxAnswerChars) {
    this.reveal = new DailyReveal(banks, grader, points);
    this.posts = new DailyPosts(banks, reveal);
    this.answers = new DailyAnswers(banks, grader, maxAnswerChars);
    this.commands = new DailyCommands(banks, posts, reveal);
    this.archive = new DailyArchive(banks);
    this.agenda = new DailyAgenda(banks);
  }

  /** A posted daily question (stored as {@code daily.post}, see {@link DailyRecords}). */
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

  @Override
  public Set<String> commands() {
    return Set.of("daily", "reveal", "archive");
  }

  @Override
  public List<Help> help() {
    return java.util.stream.Stream.concat(DailyCommands.HELP.stream(), DailyArchive.HELP.stream())
        .toList();
  }

  @Override
  public void command(Context ctx, Command command) {
    if (command.name().equals("archive")) {
      archive.command(ctx, command);
      return;
    }
    commands.command(ctx, command);
  }

  @Override
  public Set<String> threadKinds() {
    return Set.of(THREAD_KIND);
  }

  @Override
  public void threadMessage(Context ctx, Inbound.MessagePosted m, ThreadLink thread) {
    answers.threadMessage(ctx, m, thread);
  }

  @Override
  public String buttonPrefix() {
    return "daily.";
  }

  /** The Answer and Reveal buttons of a daily post, and the confirmation of {@code daily off}. */
  @Override
  public void button(Context ctx, Inbound.ButtonPressed press) {
    if (press.action().equals(CONFIRM)) {
      DailyOff.confirmed(ctx, press);
    } else if (press.action().equals(REVEAL)) {
      commands.revealPressed(ctx, press);
    } else if (press.action().equals(ANSWER_FORM)) {
      answers.openForm(ctx, press);
    }
  }

  /** The {@code daily setup} form, or a private answer form, submitted. */
  @Override
  public void modal(Context ctx, Inbound.ModalSubmitted submit) {
    if (submit.modal().equals(FORM)) {
      commands.submitted(ctx, submit);
    } else if (submit.modal().equals(ANSWER_FORM)) {
      answers.formSubmitted(ctx, submit);
    }
  }

  @Override
  public void tick(Context ctx) {
    posts.tick(ctx);
  }

  @Override
  public void teamRemoved(Context ctx, TeamRef team) {
    posts.teamRemoved(ctx, team);
  }

  /** For reminders: the open daily questions the person has not answered yet. */
  @Override
  public List<Item> today(Context ctx, Day day) {
    return agenda.today(ctx, day);
  }

  @Override
  public String disputePrefix() {
    return DISPUTE_PREFIX;
  }

  /** {@code who}'s graded answer to a revealed daily question: the one that counted. */
  @Override
  public Optional<DisputeSubject> disputed(Context ctx, String ref, UserRef who) {
    return reveal.disputed(ctx, ref, who);
  }
}
