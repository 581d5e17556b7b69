package dev.sparring.fsrs;

/**
 * Interval fuzz: an interval of 2.5 days or more moves to a day within a range that widens with the
 * interval (15% of the part between 2.5 and 7 days, 10% between 7 and 20, 5% beyond), so cards
 * reviewed together drift apart. The day is picked by the Alea generator seeded with a string, as
 * ts-fsrs does, so the same card and review count always land on the same day on every replica
 * (with the seed {@code cardId + reps}, exactly ts-fsrs's {@code GenSeedStrategyWithCardId}).
 */
public final class Fuzz {

  private static final double[][] RANGES = {
    {2.5, 7, 0.15}, {7, 20, 0.1}, {20, Double.MAX_VALUE, 0.05}
  };

  private Fuzz() {}

  /** The days a fuzzed interval may take: {min, max}. */
  public static int[] range(int interval, int elapsedDays, int maximumInterval) {
    double delta = 1;
    for (double[] r : RANGES) {
      delta += r[2] * Math.max(Math.min(interval, r[1]) - r[0], 0);
    }
    int capped = Math.min(interval, maximumInterval);
    long min = Math.max(2, Math.round(capped - delta));
    long max = Math.min(Math.round(capped + delta), maximumInterval);
    if (capped > elapsedDays) {
      min = Math.max(min, elapsedDays + 1);
    }
    min = Math.min(min, max);
    return new int[] {(int) min, (int) max};
  }

  /** {@code interval} fuzzed with the generator seeded by {@code seed}. */
  public static int apply(int interval, int elapsedDays, int maximumInterval, String seed) {
    if (interval < 2.5) {
      return interval;
    }
    int[] r = range(interval, elapsedDays, maximumInterval);
    return (int) Math.floor(new Alea(seed).next() * (r[1] - r[0] + 1) + r[0]);
  }

  /** Johannes Baagøe's Alea generator with its Mash hash, as ts-fsrs (and seedrandom) have it. */
  static final class Alea {
    private static final double TWO_POW_MINUS_32 = 2.3283064365386963e-10;
    private double c = 1;
    private double s0;
    private double s1;
    private double s2;
    private double n = 4022871197.0;

    Alea(String seed) {
      s0 = mash(" ");
      s1 = mash(" ");
      s2 = mash(" ");
      s0 -= mash(seed);
      if (s0 < 0) {
        s0 += 1;
      }
      s1 -= mash(seed);
      if (s1 < 0) {
        s1 += 1;
      }
      s2 -= mash(seed);
      if (s2 < 0) {
        s2 += 1;
      }
    }

    double next() {
      double t = 2091639 * s0 + c * TWO_POW_MINUS_32;
      s0 = s1;
      s1 = s2;
      c = (int) t; // JavaScript's t | 0: t is positive and below 2^31
      s2 = t - c;
      return s2;
    }

    private double mash(String data) {
      for (int i = 0; i < data.length(); i++) {
        n += data.charAt(i);
        double h = 0.02519603282416938 * n;
        n = uint32(h);
        h -= n;
        h *= n;
        n = uint32(h);
        h -= n;
        n += h * 4294967296.0;
      }
      return uint32(n) * TWO_POW_MINUS_32;
    }

    /** JavaScript's {@code x >>> 0} for the non-negative values Mash produces. */
    private static double uint32(double x) {
      return ((long) x) & 0xFFFFFFFFL;
    }
  }
}
