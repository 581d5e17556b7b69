package dev.sparring.app;

import dev.sparring.bank.QuestionBank;
import dev.sparring.compete.Competitions;
import dev.sparring.core.Feature;
import dev.sparring.core.Mentions;
import dev.sparring.daily.DailyQuestions;
import dev.sparring.drill.DrillSettings;
import dev.sparring.drill.Drills;
import dev.sparring.feedback.Disputes;
import dev.sparring.feedback.HistoryCommand;
import dev.sparring.feedback.PackReport;
import dev.sparring.grading.Grader;
import dev.sparring.interview.InterviewSettings;
import dev.sparring.interview.Interviews;
import dev.sparring.leaderboard.Leaderboards;
import dev.sparring.leaderboard.ProgressCommand;
import dev.sparring.outbox.DeadLetters;
import dev.sparring.remind.Reminders;
import dev.sparring.scoring.Points;
import dev.sparring.suggest.Suggestions;
import dev.sparring.suggest.TeamBanks;
import java.util.List;

/**
 * The one list of the bot's features, in the order their help is listed. The application wires it
 * from its configuration ({@link Sparring}), the test kit from its own parts; adapters see it
 * through {@link dev.sparring.core.Bot#topics()}, so a feature added here is a command on every
 * platform (Discord's {@code /spar} subcommands are derived from it).
 */
public final class FeatureRegistry {

  private FeatureRegistry() {}

  /**
   * Every feature, over one bank, grader and points; {@code maxAnswerChars} bounds answers in the
   * daily questions, drills and competitions (interviews take theirs from {@code interviews});
   * {@code mentions} reads a person named in a command on every platform.
   */
  public static List<Feature> features(
      QuestionBank bank,
      Grader grader,
      Points points,
      InterviewSettings interviews,
      int maxAnswerChars,
      Mentions mentions) {
    return features(
        bank, grader, points, interviews, maxAnswerChars, mentions, DrillSettings.defaults());
  }

  /** Every feature, with the drills tuned by {@code drillSettings}. */
  public static List<Feature> features(
      QuestionBank bank,
      Grader grader,
      Points points,
      InterviewSettings interviews,
      int maxAnswerChars,
      Mentions mentions,
      DrillSettings drillSettings) {
    return features(
        new TeamBanks(bank), grader, points, interviews, maxAnswerChars, mentions, drillSettings);
  }

  /** Every feature, each team seeing the shared packs plus its own approved questions. */
  public static List<Feature> features(
      TeamBanks banks,
      Grader grader,
      Points points,
      InterviewSettings interviews,
      int maxAnswerChars,
      Mentions mentions,
      DrillSettings drillSettings) {
    Competitions competitions = new Competitions(banks, grader, points, maxAnswerChars);
    Interviews interview = new Interviews(banks, grader, interviews, points);
    DailyQuestions daily = new DailyQuestions(banks, grader, points, maxAnswerChars);
    Drills drills = new Drills(banks, grader, points, maxAnswerChars, drillSettings);
    return List.of(
        interview,
        daily,
        drills,
        competitions,
        new Leaderboards(points, competitions, mentions),
        new ProgressCommand(banks, points),
        Reminders.withDueDrills(List.of(daily, drills)),
        new Disputes(List.of(interview, daily, drills)),
        new PackReport(banks),
        new HistoryCommand(),
        new Suggestions(banks),
        new DeadLetters());
  }
}
