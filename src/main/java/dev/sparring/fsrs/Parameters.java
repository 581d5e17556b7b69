package dev.sparring.fsrs;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How the scheduler is tuned: the 21 FSRS-6 weights, the desired retention (the recall probability
 * a review is scheduled at), the maximum interval in days, the learning steps of a new card and the
 * relearning steps of a forgotten one (each under a day, in minutes), and whether intervals are
 * fuzzed.
 */
public record Parameters(
    double[] w,
    double desiredRetention,
    int maximumInterval,
    List<Duration> learningSteps,
    List<Duration> relearningSteps,
    boolean fuzz) {

  /** The 21 default parameters FSRS-6 publishes (fsrs-rs, ts-fsrs, py-fsrs). */
  public static final double[] DEFAULT_W = {
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
  };

  /** The steps this application uses: one ten-minute step to learn and to relearn. */
  public static final List<Duration> APP_STEPS = List.of(Duration.ofMinutes(10));

  /** The range each weight is clipped to, as the reference clips them (w17, w18 see below). */
  private static final double[][] CLIP = {
    {0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100}, {1, 10}, {0.001, 4}, {0.001, 4},
    {0.001, 0.75}, {0, 4.5}, {0, 0.8}, {0.001, 3.5}, {0.001, 5}, {0.001, 0.25}, {0.001, 0.9},
    {0, 4}, {0, 1}, {1, 6}, {0, 2}, {0, 2}, {0.01, 0.8}, {0.1, 0.8}
  };

  public Parameters {
    if (w == null || w.length != 21 || Arrays.stream(w).anyMatch(x -> !Double.isFinite(x))) {
      throw new IllegalArgumentException("FSRS-6 takes 21 finite parameters");
    }
    if (!(desiredRetention > 0 && desiredRetention < 1)) {
      throw new IllegalArgumentException("desired retention must be between 0 and 1");
    }
    if (maximumInterval < 1) {
      throw new IllegalArgumentException("the maximum interval must be at least 1 day");
    }
    learningSteps = List.copyOf(learningSteps);
    relearningSteps = List.copyOf(relearningSteps);
    for (Duration d : concat(learningSteps, relearningSteps)) {
      if (d.isNegative() || d.isZero() || d.toSeconds() % 60 != 0) {
        throw new IllegalArgumentException("steps are whole minutes (got " + d + ")");
      }
    }
    w = clip(w, relearningSteps.size());
  }

  /** The defaults with this application's steps, retention 0.9, no maximum to speak of, fuzz. */
  public static Parameters defaults() {
    return new Parameters(DEFAULT_W, 0.9, 36500, APP_STEPS, APP_STEPS, true);
  }

  public Parameters withRetention(double retention) {
    return new Parameters(w, retention, maximumInterval, learningSteps, relearningSteps, fuzz);
  }

  public Parameters withMaximumInterval(int days) {
    return new Parameters(w, desiredRetention, days, learningSteps, relearningSteps, fuzz);
  }

  public Parameters withSteps(List<Duration> learning, List<Duration> relearning) {
    return new Parameters(w, desiredRetention, maximumInterval, learning, relearning, fuzz);
  }

  public Parameters withFuzz(boolean on) {
    return new Parameters(w, desiredRetention, maximumInterval, learningSteps, relearningSteps, on);
  }

  @Override
  public double[] w() {
    return w.clone();
  }

  double weight(int i) {
    return w[i];
  }

  /**
   * The weights clipped to their ranges; with more than one relearning step w17 and w18 are capped
   * lower, so that relearning cannot raise stability (ts-fsrs {@code clipParameters}).
   */
  private static double[] clip(double[] w, int relearningSteps) {
    double[] out = new double[w.length];
    double ceiling = 2;
    if (relearningSteps > 1) {
      double w11 = clamp(w[11], CLIP[11][0], CLIP[11][1]);
      double w13 = clamp(w[13], CLIP[13][0], CLIP[13][1]);
      double w14 = clamp(w[14], CLIP[14][0], CLIP[14][1]);
      double value =
          -(StrictMath.log(w11) + StrictMath.log(StrictMath.pow(2, w13) - 1) + w14 * 0.3)
              / relearningSteps;
      ceiling = clamp(Memory.round8(StrictMath.sqrt(Math.max(value, 0))), 0.01, 2);
    }
    for (int i = 0; i < w.length; i++) {
      double hi = i == 17 || i == 18 ? ceiling : CLIP[i][1];
      out[i] = clamp(w[i], CLIP[i][0], hi);
    }
    return out;
  }

  static double clamp(double x, double lo, double hi) {
    return Math.min(Math.max(x, lo), hi);
  }

  private static List<Duration> concat(List<Duration> a, List<Duration> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parameters p
        && Arrays.equals(w, p.w)
        && desiredRetention == p.desiredRetention
        && maximumInterval == p.maximumInterval
        && learningSteps.equals(p.learningSteps)
        && relearningSteps.equals(p.relearningSteps)
        && fuzz == p.fuzz;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(w) * 31 + learningSteps.hashCode();
  }

  @Override
  public String toString() {
    return "Parameters[retention="
        + desiredRetention
        + ", maximumInterval="
        + maximumInterval
        + ", learning="
        + learningSteps
        + ", relearning="
        + relearningSteps
        + ", fuzz="
        + fuzz
        + "]";
  }
}
