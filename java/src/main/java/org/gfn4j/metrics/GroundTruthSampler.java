package org.gfn4j.metrics;

import java.util.SplittableRandom;
import org.gfn4j.env.StateSpace;

/**
 * Draws terminal indices from a target distribution (gfnx {@code get_ground_truth_sampling}, used
 * for the EUBO test set) by inversion of the cumulative distribution with a seeded
 * {@link SplittableRandom}: the same seed gives the same indices on every JVM. gfnx draws with
 * JAX's Threefry, so the indices themselves differ from gfnx's.
 */
public final class GroundTruthSampler {
  private final double[] cdf;
  private final int lastPositive;

  /** Weights need not sum to 1; they must be finite, non-negative and not all 0. */
  public GroundTruthSampler(double[] weights) {
    cdf = new double[weights.length];
    double total = 0.0;
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      double w = weights[i];
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight " + i + " = " + w + " is not a finite non-negative number");
      }
      if (w > 0) {
        last = i;
      }
      total += w;
      cdf[i] = total;
    }
    if (last < 0) {
      throw new IllegalArgumentException("all weights are 0");
    }
    lastPositive = last;
  }

  /** A sampler of R(x)/Z over the terminal objects of {@code space}. */
  public static GroundTruthSampler of(StateSpace space) {
    return new GroundTruthSampler(space.trueDistribution());
  }

  /** One terminal index. */
  public int sample(SplittableRandom rng) {
    double u = rng.nextDouble() * cdf[lastPositive];
    int lo = 0;
    int hi = lastPositive;
    // First index whose cumulative weight exceeds u; zero-weight entries can never be it.
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** {@code n} terminal indices drawn with a generator seeded by {@code seed}. */
  public int[] sample(int n, long seed) {
    if (n < 0) {
      throw new IllegalArgumentException("sample count must be non-negative, got " + n);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = sample(rng);
    }
    return out;
  }
}
