package dev.sparring.testing;

import dev.sparring.app.FeatureRegistry;
import dev.sparring.app.Platforms;
import dev.sparring.bank.QuestionBank;
import dev.sparring.core.Feature;
import dev.sparring.grading.RubricGrader;
import dev.sparring.interview.InterviewSettings;
import dev.sparring.scoring.Points;
import dev.sparring.scoring.ScoringRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Every feature, from the application's own registry, over a given bank and rules. */
public final class Features {

  private Features() {}

  public static List<Feature> all(QuestionBank bank, ScoringRules rules) {
    // The boards' cache keeps time on a clock of its own that never moves, while tests move the
    // bot's clock by days: invalidation after commit must be what keeps boards fresh. (CompeteTest
    // moves the cache's clock past its expiry.)
    return all(bank, new Points(rules, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
  }

  public static List<Feature> all(QuestionBank bank, Points points) {
    return FeatureRegistry.features(
        bank,
        new RubricGrader(),
        points,
        InterviewSettings.defaults(),
        4000,
        Platforms.shipped().mentions());
  }

  public static List<Feature> all() {
    return all(TestPacks.demo(), ScoringRules.defaults());
  }
}
