package dev.sparring.testing;

import dev.sparring.bank.QuestionBank;
import dev.sparring.compete.Competitions;
import dev.sparring.compete.Leaderboards;
import dev.sparring.compete.Points;
import dev.sparring.compete.ScoringRules;
import dev.sparring.core.Feature;
import dev.sparring.daily.DailyQuestions;
import dev.sparring.drill.Drills;
import dev.sparring.grading.RubricGrader;
import dev.sparring.interview.InterviewSettings;
import dev.sparring.interview.Interviews;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Every feature, wired as the application does, over a given bank and rules. */
public final class Features {

  private Features() {}

  public static List<Feature> all(QuestionBank bank, ScoringRules rules) {
    // The boards' cache keeps time on a clock of its own that never moves, while tests move the
    // bot's clock by days: invalidation after commit must be what keeps boards fresh. (CompeteTest
    // moves the cache's clock past its expiry.)
    return all(bank, new Points(rules, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
  }

  public static List<Feature> all(QuestionBank bank, Points points) {
    RubricGrader grader = new RubricGrader();
    Competitions competitions = new Competitions(bank, grader, points, 4000);
    Interviews interviews = new Interviews(bank, grader, InterviewSettings.defaults(), points);
    DailyQuestions daily = new DailyQuestions(bank, grader, points, 4000);
    Drills drills = new Drills(bank, grader, points, 4000);
    return List.of(
        interviews,
        daily,
        drills,
        competitions,
        new Leaderboards(points, competitions),
        new dev.sparring.feedback.Disputes(List.of(interviews, daily, drills)),
        new dev.sparring.core.DeadLetters());
  }

  public static List<Feature> all() {
    return all(TestPacks.demo(), ScoringRules.defaults());
  }
}
