package dev.sparring.compete;

import dev.sparring.bank.Banks;
import dev.sparring.bank.Question;
import dev.sparring.chat.Texts;
import dev.sparring.core.Context;
import dev.sparring.core.Inbound;
import dev.sparring.feedback.Feedback;
import dev.sparring.feedback.History;
import dev.sparring.feedback.Tally;
import dev.sparring.grading.Grade;
import dev.sparring.grading.Grader;
import dev.sparring.review.Reviews;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.Profiles;
import dev.sparring.store.Document;
import java.util.Optional;

/**
 * Answers in a competition's question threads: a member's first answer to each question is graded
 * and scored through {@link Points} (for them and their group); a non-member's first answer is kept
 * and scored when they join.
 */
final class CompeteAnswers {

  private final Banks banks;
  private final Grader grader;
  private final Points points;
  private final int maxAnswerChars;

  CompeteAnswers(Banks banks, Grader grader, Points points, int maxAnswerChars) {
    this.banks = banks;
    this.grader = grader;
    this.points = points;
    this.maxAnswerChars = maxAnswerChars;
  }

  /** A graded answer: score, points, whether it counted, and what it said against a key point. */
  record Scored(int score, int points, boolean counted, String contradiction) {}

  /** A message in the thread of the question posted under {@code anchor}. */
  void answer(Context ctx, Inbound.MessagePosted m, String anchor) {
    Optional<CompeteRecords.Posted> posted = CompeteRecords.posted(ctx.tx(), anchor);
    if (posted.isEmpty() || m.text().isBlank()) {
      return;
    }
    Optional<Document> cd = CompeteRecords.get(ctx.tx(), posted.get().contest());
    if (cd.isEmpty()) {
      return;
    }
    Contest c = CompeteRecords.read(cd.get());
    if (!ctx.owns(m, c.team(), c.channel())) {
      return;
    }
    if (c.ended()) {
      ctx.out().tell(m, CompeteTexts.ended(c));
      return;
    }
    String user = m.actor().user().key();
    Optional<CompeteRecords.Member> member = CompeteRecords.member(ctx.tx(), c, user);
    if (member.isEmpty()) {
      boolean kept =
          CompeteRecords.keep(
              ctx.tx(),
              c,
              user,
              new CompeteRecords.Waiting(anchor, Texts.clip(m.text(), maxAnswerChars), ctx.now()));
      ctx.out().tell(m, CompeteTexts.notJoined(c, kept));
      return;
    }
    Profiles.remember(ctx, c.team(), m.actor());
    String group = member.get().group();
    score(ctx, c, anchor, user, group, m.text())
        .ifPresent(
            s -> ctx.out().tell(m, CompeteTexts.scored(s, group, points.rules().junkBelow())));
  }

  /** Scores what a new member answered before joining; returns the points it earned. */
  int scoreWaiting(Context ctx, Contest c, String user, String group) {
    int total = 0;
    for (CompeteRecords.Waiting w : CompeteRecords.takeWaiting(ctx.tx(), c, user)) {
      Optional<Scored> s = score(ctx, c, w.anchor(), user, group, w.text());
      if (s.isPresent() && s.get().counted()) {
        total += s.get().points();
      }
    }
    return total;
  }

  /** Grades one answer to the question posted under {@code anchor} and awards it once. */
  private Optional<Scored> score(
      Context ctx, Contest c, String anchor, String user, String group, String text) {
    Optional<Question> q =
        CompeteRecords.posted(ctx.tx(), anchor)
            .flatMap(p -> banks.forTeam(ctx.tx(), c.team()).get(p.questionId()));
    if (q.isEmpty()) {
      return Optional.empty();
    }
    Grade g = grader.grade(Texts.clip(text, maxAnswerChars), q.get().step(0));
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
    if (counted) {
      Tally.record(ctx, c.team(), q.get(), 0, g);
      History.record(
          ctx,
          c.team(),
          user,
          History.Entry.single(History.Mode.COMPETE, q.get(), g.score(), c.channel(), ctx.now()));
      Reviews.missed(ctx, c.team(), user, q.get(), 0, g, text, Reviews.COMPETE);
    }
    return Optional.of(new Scored(g.score(), pts, counted, Feedback.firstContradiction(g)));
  }
}
