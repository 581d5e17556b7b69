package dev.sparring.daily;

import dev.sparring.bank.Banks;
import dev.sparring.bank.KeyPoint;
import dev.sparring.bank.Question;
import dev.sparring.chat.ChannelRef;
import dev.sparring.chat.UserRef;
import dev.sparring.core.Context;
import dev.sparring.daily.DailyQuestions.Post;
import dev.sparring.daily.DailyRecords.Answer;
import dev.sparring.daily.DailyRecords.ChannelState;
import dev.sparring.feedback.DisputeSubject;
import dev.sparring.feedback.History;
import dev.sparring.feedback.Tally;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.review.Reviews;
import dev.sparring.scoring.Hidden;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Streaks;
import dev.sparring.store.Document;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reveal's rules: closing a post (once), grading each person's latest answer, awarding the
 * points once per person and date through the ledger, and the streaks; also which graded answer a
 * dispute is about.
 */
final class DailyReveal {

  /**
   * One graded answer in a reveal, with the points it counted and the streak it made; {@code
   * hidden} when its author hides from the team's boards (the reveal does not name them).
   */
  record Row(Answer answer, Grade grade, int points, int streak, boolean hidden) {}

  private final Banks banks;
  private final Grader grader;
  private final Points points;

  DailyReveal(Banks banks, Grader grader, Points points) {
    this.banks = banks;
    this.grader = grader;
    this.points = points;
  }

  /** Grades every latest answer, awards points once per person, and posts the key points. */
  void reveal(Context ctx, Document doc, Post post) {
    if (post.revealedAt() != null) {
      return;
    }
    DailyRecords.saveRevealed(ctx.tx(), doc, post.revealed(ctx.now()));
    DailyRecords.channelState(ctx.tx(), post.channel())
        .filter(s -> post.anchor().equals(s.open()))
        .ifPresent(
            s ->
                DailyRecords.saveChannel(
                    ctx.tx(),
                    post.team(),
                    post.channel(),
                    new ChannelState(null, s.used(), s.dates())));
    // Answers to this post and every earlier one are closed now: stats can tell a broken streak.
    Streaks.closed(
        ctx.tx(),
        post.team(),
        post.channel(),
        dates(ctx, post).stream().filter(d -> !d.isAfter(post.date())).toList());
    Optional<Question> q = banks.forTeam(ctx.tx(), post.team()).get(post.questionId());
    List<KeyPoint> keyPoints = q.map(Question::keyPoints).orElse(List.of());
    List<Answer> answers = DailyRecords.answers(ctx.tx(), post.anchor(), 100_000);
    Set<String> hidden = answers.isEmpty() ? Set.of() : Hidden.in(ctx.tx(), post.team());
    List<Row> rows = new ArrayList<>();
    for (Answer a : answers) {
      Grade g =
          keyPoints.isEmpty()
              ? new Grade(0, List.of(), List.of(), "The question left the bank.")
              : grader.grade(a.text(), q.get().step(0));
      if (q.isPresent()) {
        Tally.record(ctx, post.team(), q.get(), 0, g);
        History.record(
            ctx,
            post.team(),
            a.user(),
            History.Entry.single(
                History.Mode.DAILY, q.get(), g.score(), post.channel(), ctx.now()));
        // What the person missed comes back in their drills (a skip or blank records nothing).
        Reviews.missed(ctx, post.team(), a.user(), q.get(), 0, g, a.text(), Reviews.DAILY);
      }
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
      rows.add(new Row(a, g, counted ? pts : 0, streak, hidden.contains(a.user())));
    }
    rows.sort(
        Comparator.comparingInt((Row r) -> -r.grade().score())
            .thenComparing(r -> r.answer().at())
            .thenComparing(r -> r.answer().user()));
    // As on the boards, people who hide are left out and the others close up: the best answer is
    // the best of those shown (their own answers still score for them above).
    Optional<Row> best =
        rows.stream()
            .filter(r -> !r.hidden() && points.rules().earns(r.grade().score()))
            .findFirst();
    best.ifPresent(
        r ->
            DailyRecords.saveBest(
                ctx.tx(), post, new DailyRecords.Best(r.answer().user(), r.grade().score())));
    // Quoted only with its author's consent (anyone can keep their answers out of quotes).
    Optional<Row> quoted =
        best.filter(
            r -> !DailyRecords.keepsAnswersPrivate(ctx.tx(), post.team(), r.answer().user()));
    ctx.out()
        .reply(
            ChannelRef.parse(post.channel()),
            post.anchor(),
            DailyTexts.reveal(post, q, rows, quoted));
  }

  /** The dates the post's channel had a question. */
  private static List<LocalDate> dates(Context ctx, Post post) {
    return DailyRecords.channelState(ctx.tx(), post.channel())
        .map(ChannelState::dates)
        .orElse(List.of());
  }

  /** The person's streak in this channel including {@code post}. */
  private int streak(Context ctx, Post post, String user) {
    List<LocalDate> dates = dates(ctx, post);
    return Streaks.answered(ctx.tx(), post.team(), user, post.channel(), post.date(), dates);
  }

  /** {@code who}'s graded answer to a revealed daily question: the one that counted. */
  Optional<DisputeSubject> disputed(Context ctx, String ref, UserRef who) {
    String anchor = ref.substring(DailyQuestions.DISPUTE_PREFIX.length());
    Optional<Document> doc = DailyRecords.postDoc(ctx.tx(), anchor);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    Post post = DailyRecords.post(doc.get());
    Optional<Question> q = banks.forTeam(ctx.tx(), doc.get().team()).get(post.questionId());
    if (post.revealedAt() == null || q.isEmpty()) {
      return Optional.empty();
    }
    return DailyRecords.answer(ctx.tx(), anchor, who.key())
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
}
