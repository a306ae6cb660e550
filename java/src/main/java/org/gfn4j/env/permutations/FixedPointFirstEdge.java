package org.gfn4j.env.permutations;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.gfn4j.env.TiltedFirstEdge;

/**
 * A non-uniform fixed first edge of S_n, the source of an optimal-transport run
 * ({@code source=fixed:β}): L(σ) ∝ exp(β·#fixed points(σ)). A draw takes the number of fixed
 * points k from its law D(n, k)·e^{βk} / Σ_j D(n, j)·e^{βj}, k positions uniformly as the fixed
 * ones, and a uniformly random derangement of the rest (rejection from uniform permutations, about
 * e tries), so every permutation with k fixed points is equally likely.
 */
final class FixedPointFirstEdge extends TiltedFirstEdge {
  private final int n;
  /** log of the law of k: log D(n, k) + βk − log norm. */
  private final double[] logLaw;
  private final double[] cdf;

  FixedPointFirstEdge(int n, double beta, int returnAction) {
    super(beta, Permutations.logFactorial(n), returnAction, n);
    this.n = n;
    BigInteger[] d = new PermutationsConfig(n, 1.0, PermutationsConfig.defaultMaxSteps(n)).fixedPointCounts();
    this.logLaw = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      logLaw[k] = d[k].signum() == 0 ? Double.NEGATIVE_INFINITY : Math.log(d[k].doubleValue()) + beta * k;
    }
    this.cdf = normalise(logLaw);
    for (int k = 0; k <= n; k++) { // from the law of k to that of one permutation with k fixed points
      logLaw[k] -= d[k].signum() == 0 ? 0 : Math.log(d[k].doubleValue());
    }
  }

  /** The tilt β of a {@code source} parameter: {@code uniform} (0) or {@code fixed:β}. */
  static double parseTilt(String text) {
    return parseTilt(text, "fixed");
  }

  @Override
  public double logPF(int[] perm) {
    if (perm.length != n) {
      throw new IllegalArgumentException("a permutation of S_" + n + " has " + n + " entries, got " + perm.length);
    }
    int fixed = 0;
    boolean[] seen = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (perm[i] < 0 || perm[i] >= n || seen[perm[i]]) {
        return Double.NEGATIVE_INFINITY;
      }
      seen[perm[i]] = true;
      fixed += perm[i] == i ? 1 : 0;
    }
    return logLaw[fixed];
  }

  @Override
  protected void draw(int[] perm, SplittableRandom rng) {
    int k = search(cdf, rng.nextDouble());
    int[] positions = shuffle(n, rng); // the first k positions stay fixed
    int m = n - k;
    int[] pi;
    do { // a uniform permutation of the free positions, redrawn until it fixes none (m != 1 here)
      pi = shuffle(m, rng);
    } while (hasFixedPoint(pi));
    for (int i = 0; i < k; i++) {
      perm[positions[i]] = positions[i];
    }
    for (int i = 0; i < m; i++) {
      perm[positions[k + i]] = positions[k + pi[i]];
    }
  }

  /** A uniformly random permutation of 0..m−1 (Fisher–Yates, inside-out). */
  private static int[] shuffle(int m, SplittableRandom rng) {
    int[] p = new int[m];
    for (int i = 0; i < m; i++) {
      int j = rng.nextInt(i + 1);
      p[i] = p[j];
      p[j] = i;
    }
    return p;
  }

  private static boolean hasFixedPoint(int[] pi) {
    for (int i = 0; i < pi.length; i++) {
      if (pi[i] == i) {
        return true;
      }
    }
    return false;
  }
}
