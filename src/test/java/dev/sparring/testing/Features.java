package dev.sparring.testing;

import dev.sparring.app.FeatureRegistry;
import dev.sparring.bank.QuestionBank;
import dev.sparring.compete.Points;
import dev.sparring.compete.ScoringRules;
import dev.sparring.core.Feature;
import dev.sparring.grading.RubricGrader;
import dev.sparring.interview.InterviewSettings;
import java.time.Duration;
import java.util.List;

/** Every feature, from the application's own registry, over a given bank and rules. */
public final class Features {

  private Features() {}

  public static List<Feature> all(QuestionBank bank, ScoringRules rules) {
    // No cache expiry in tests: invalidation after commit must be what keeps boards fresh.
    return all(bank, new Points(rules, Duration.ofDays(1)));
  }

  public static List<Feature> all(QuestionBank bank, Points points) {
    return FeatureRegistry.features(
        bank, new RubricGrader(), points, InterviewSettings.defaults(), 4000);
  }

  public static List<Feature> all() {
    return all(TestPacks.demo(), ScoringRules.defaults());
  }
}
