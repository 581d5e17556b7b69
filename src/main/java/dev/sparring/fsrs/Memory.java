package dev.sparring.fsrs;

/**
 * The FSRS-6 memory model over 21 weights: the forgetting curve, initial and next stability and
 * difficulty, and the interval at which recall falls to a target. Values are rounded to 8 decimals
 * where the reference (ts-fsrs 5.4.2, {@code FSRSAlgorithm}) rounds them, and computed with {@link
 * StrictMath}, so every replica computes the same intervals.
 */
public final class Memory {

  /** The smallest and largest stability, in days. */
  public static final double S_MIN = 0.001;

  public static final double S_MAX = 36500;

  private final double[] w;
  private final double decay;
  private final double factor;

  /** The model over {@code parameters}' weights. */
  public Memory(Parameters parameters) {
    this.w = parameters.w();
    this.decay = -w[20];
    this.factor = round8(StrictMath.exp(StrictMath.log(0.9) / decay) - 1);
  }

  /** Rounds to 8 decimals, as ts-fsrs's {@code roundTo(x, 8)}. */
  static double round8(double x) {
    return Math.round(x * 1e8) / 1e8;
  }

  /**
   * Retrievability R(t, S): the probability of recall {@code days} after a review that left
   * stability {@code stability} (0.9 when {@code days} equals the stability).
   */
  public double retrievability(double days, double stability) {
    return round8(StrictMath.pow(1 + factor * days / stability, decay));
  }

  /**
   * The days after which recall of a memory of {@code stability} falls to {@code retention}
   * (unrounded; the stability itself at 0.9).
   */
  public double daysTo(double retention, double stability) {
    return stability * modifier(retention);
  }

  /** The interval modifier for a desired retention (1 at 0.9). */
  double modifier(double retention) {
    return round8((StrictMath.pow(retention, 1 / decay) - 1) / factor);
  }

  double initStability(Rating g) {
    return Math.max(w[g.grade() - 1], 0.1);
  }

  double initDifficulty(Rating g) {
    return round8(w[4] - StrictMath.exp((g.grade() - 1) * w[5]) + 1);
  }

  double nextDifficulty(double d, Rating g) {
    double delta = -w[6] * (g.grade() - 3);
    double next = d + round8(delta * (10 - d) / 9);
    double reverted = round8(w[7] * initDifficulty(Rating.EASY) + (1 - w[7]) * next);
    return Parameters.clamp(reverted, 1, 10);
  }

  double recallStability(double d, double s, double r, Rating g) {
    double hard = g == Rating.HARD ? w[15] : 1;
    double easy = g == Rating.EASY ? w[16] : 1;
    double grown =
        s
            * (1
                + StrictMath.exp(w[8])
                    * (11 - d)
                    * StrictMath.pow(s, -w[9])
                    * (StrictMath.exp((1 - r) * w[10]) - 1)
                    * hard
                    * easy);
    return round8(Parameters.clamp(grown, S_MIN, S_MAX));
  }

  double forgetStability(double d, double s, double r) {
    double after =
        w[11]
            * StrictMath.pow(d, -w[12])
            * (StrictMath.pow(s + 1, w[13]) - 1)
            * StrictMath.exp((1 - r) * w[14]);
    return round8(Parameters.clamp(after, S_MIN, S_MAX));
  }

  double shortTermStability(double s, Rating g) {
    double sinc = StrictMath.pow(s, -w[19]) * StrictMath.exp(w[17] * (g.grade() - 3 + w[18]));
    double masked = g.grade() >= Rating.HARD.grade() ? Math.max(sinc, 1) : sinc;
    return round8(Parameters.clamp(s * masked, S_MIN, S_MAX));
  }

  /**
   * The memory after rating {@code g} {@code days} (whole days) after the last review, from
   * stability {@code s} and difficulty {@code d} (both 0 for a new card): {stability, difficulty}.
   */
  double[] next(double s, double d, int days, Rating g) {
    if (s == 0 && d == 0) {
      return new double[] {initStability(g), Parameters.clamp(initDifficulty(g), 1, 10)};
    }
    double r = retrievability(days, s);
    double next;
    if (days == 0) {
      next = shortTermStability(s, g);
    } else if (g == Rating.AGAIN) {
      double floor = round8(s / StrictMath.exp(w[17] * w[18]));
      next = Parameters.clamp(floor, S_MIN, forgetStability(d, s, r));
    } else {
      next = recallStability(d, s, r, g);
    }
    return new double[] {next, nextDifficulty(d, g)};
  }

  /**
   * The memory an SM-2 card's {@code ease} and {@code intervalDays} stand for, as fsrs-rs's {@code
   * FSRS::memory_state_from_sm2} (src/inference.rs) derives it: the stability at which recall after
   * the interval is {@code sm2Retention}, and the difficulty at which a Good review after the
   * interval grows stability by the ease factor. Returns {stability, difficulty}.
   */
  public double[] fromSm2(double ease, double intervalDays, double sm2Retention) {
    // fsrs-rs does not round the curve's factor: at 0.9 the stability is exactly the interval.
    double exactFactor = StrictMath.pow(0.9, 1 / decay) - 1;
    double stability =
        Math.max(intervalDays, S_MIN)
            * (exactFactor / (StrictMath.pow(sm2Retention, 1 / decay) - 1));
    double difficulty =
        11
            - (ease - 1)
                / (StrictMath.exp(w[8])
                    * StrictMath.pow(stability, -w[9])
                    * StrictMath.expm1((1 - sm2Retention) * w[10]));
    if (!Double.isFinite(stability) || !Double.isFinite(difficulty)) {
      throw new IllegalArgumentException("no memory state for ease " + ease + ", " + intervalDays);
    }
    return new double[] {stability, Parameters.clamp(difficulty, 1, 10)};
  }
}
