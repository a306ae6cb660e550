package org.gfn4j.env.permutations;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.SplittableRandom;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.StateBatch;

/**
 * A non-uniform fixed first edge of S_n, the source of an optimal-transport run
 * ({@code source=fixed:β}): L(σ) ∝ exp(β·#fixed points(σ)). A draw takes the number of fixed
 * points k from its law D(n, k)·e^{βk} / Σ_j D(n, j)·e^{βj}, k positions uniformly as the fixed
 * ones, and a uniformly random derangement of the rest (rejection from uniform permutations, about
 * e tries), so every permutation with k fixed points is equally likely.
 */
final class FixedPointFirstEdge implements FirstEdge {
  private final int n;
  private final double beta;
  private final int returnAction;
  private final double logNorm;
  private final double[] cdf;

  FixedPointFirstEdge(int n, double beta, int returnAction) {
    if (!Double.isFinite(beta)) {
      throw new IllegalArgumentException("the fixed-point source needs a finite tilt, got " + beta);
    }
    this.n = n;
    this.beta = beta;
    this.returnAction = returnAction;
    BigInteger[] d = new PermutationsConfig(n, 1.0, PermutationsConfig.defaultMaxSteps(n)).fixedPointCounts();
    double[] logTerm = new double[n + 1];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k <= n; k++) {
      logTerm[k] = d[k].signum() == 0 ? Double.NEGATIVE_INFINITY : Math.log(d[k].doubleValue()) + beta * k;
      max = Math.max(max, logTerm[k]);
    }
    double sum = 0;
    for (double v : logTerm) {
      sum += Math.exp(v - max);
    }
    this.logNorm = max + Math.log(sum);
    this.cdf = new double[n + 1];
    double acc = 0;
    for (int k = 0; k <= n; k++) {
      acc += Math.exp(logTerm[k] - logNorm);
      cdf[k] = acc;
    }
    cdf[n] = 1.0;
  }

  /** The tilt β of a {@code source} parameter: {@code uniform} (0) or {@code fixed:β}. */
  static double parseTilt(String text) {
    if (text.equals("uniform")) {
      return 0.0;
    }
    if (text.startsWith("fixed:")) {
      try {
        double beta = Double.parseDouble(text.substring("fixed:".length()));
        if (Double.isFinite(beta) && Math.abs(beta) <= 100) {
          return beta;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("'source' must be uniform or fixed:<tilt> with |tilt| <= 100, got '" + text + "'");
  }

  @Override
  public double logStartCount() {
    return Permutations.logFactorial(n);
  }

  @Override
  public boolean uniform() {
    return beta == 0;
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
    return beta * fixed - logNorm;
  }

  @Override
  public int returnAction() {
    return returnAction;
  }

  @Override
  public void sample(StateBatch out, SplittableRandom rng) {
    IntBuffer cells = out.cells().buffer();
    ByteBuffer terminal = out.terminal().buffer();
    ByteBuffer pad = out.pad().buffer();
    int[] perm = new int[n];
    for (int b = 0; b < out.batchSize(); b++) {
      draw(perm, rng);
      cells.put(b * n, perm, 0, n);
      terminal.put(b, (byte) 0);
      pad.put(b, (byte) 0);
    }
  }

  private void draw(int[] perm, SplittableRandom rng) {
    double u = rng.nextDouble();
    int k = 0;
    while (k < n && cdf[k] <= u) {
      k++;
    }
    int[] positions = new int[n]; // a uniform shuffle: the first k positions stay fixed
    for (int i = 0; i < n; i++) {
      int j = rng.nextInt(i + 1);
      positions[i] = positions[j];
      positions[j] = i;
    }
    int m = n - k;
    int[] free = java.util.Arrays.copyOfRange(positions, k, n);
    int[] pi = new int[m];
    do { // a uniform permutation of the free positions, redrawn until it fixes none (m != 1 here)
      for (int i = 0; i < m; i++) {
        int j = rng.nextInt(i + 1);
        pi[i] = pi[j];
        pi[j] = i;
      }
    } while (hasFixedPoint(pi));
    for (int i = 0; i < k; i++) {
      perm[positions[i]] = positions[i];
    }
    for (int i = 0; i < m; i++) {
      perm[free[i]] = free[pi[i]];
    }
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
