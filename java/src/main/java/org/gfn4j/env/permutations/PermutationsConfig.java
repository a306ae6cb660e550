package org.gfn4j.env.permutations;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.gfn4j.env.EnvSpec;

/**
 * Parameters and closed-form facts of the permutation environment: S_n with reward
 * R(σ) = exp(#fixed points(σ) / t) and a step cap. With D(n, k) = C(n, k)·!(n − k) permutations
 * having exactly k fixed points (rencontres numbers), Z = Σ_k D(n, k)·e^{k/t}.
 */
public record PermutationsConfig(int n, double t, int maxSteps) {
  public static final int MIN_N = 2;
  /** n! must fit a long (state counts, uniform start draws). */
  public static final int MAX_N = 20;
  public static final int MAX_STEPS_LIMIT = 1 << 16;
  public static final Set<String> KEYS = Set.of("n", "t", "max_steps", "source");

  public PermutationsConfig {
    if (n < MIN_N || n > MAX_N) {
      throw new IllegalArgumentException("'n' must be in [" + MIN_N + ", " + MAX_N + "], got " + n);
    }
    if (!(t > 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException("'t' must be a positive finite temperature, got " + t);
    }
    if (maxSteps < 2 || maxSteps > MAX_STEPS_LIMIT) {
      throw new IllegalArgumentException("'max_steps' must be in [2, " + MAX_STEPS_LIMIT + "], got " + maxSteps);
    }
  }

  /**
   * The default step cap: max(64, 2n²). A uniform policy exits with probability 1/(n+1) per
   * step, so fewer than one trajectory in a million hits this cap before training.
   */
  public static int defaultMaxSteps(int n) {
    return Math.max(64, 2 * n * n);
  }

  public static PermutationsConfig fromSpec(EnvSpec spec) {
    spec.requireKeys(KEYS);
    int n = spec.getInt("n", 8, MIN_N, MAX_N);
    double t = spec.getDouble("t", 2.0);
    int cap = spec.getInt("max_steps", defaultMaxSteps(n), 2, MAX_STEPS_LIMIT);
    return new PermutationsConfig(n, t, cap);
  }

  public EnvSpec toSpec() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("n", Integer.toString(n));
    p.put("t", Double.toString(t));
    p.put("max_steps", Integer.toString(maxSteps));
    return EnvSpec.of("permutations", p);
  }

  /** n! as a long (n ≤ 20). */
  public long factorial() {
    long f = 1;
    for (int i = 2; i <= n; i++) {
      f *= i;
    }
    return f;
  }

  /** D(n, k) for k = 0..n: permutations with exactly k fixed points. */
  public BigInteger[] fixedPointCounts() {
    BigInteger[] derangements = new BigInteger[n + 1]; // !m
    derangements[0] = BigInteger.ONE;
    if (n >= 1) {
      derangements[1] = BigInteger.ZERO;
    }
    for (int m = 2; m <= n; m++) {
      derangements[m] = BigInteger.valueOf(m - 1).multiply(derangements[m - 1].add(derangements[m - 2]));
    }
    BigInteger[] out = new BigInteger[n + 1];
    BigInteger binom = BigInteger.ONE;
    for (int k = 0; k <= n; k++) {
      out[k] = binom.multiply(derangements[n - k]);
      binom = binom.multiply(BigInteger.valueOf(n - k)).divide(BigInteger.valueOf(k + 1));
    }
    return out;
  }

  /** log Σ_k D(n, k)·e^{s·k/t}: log Z for s = 1, log Σ R² for s = 2. */
  private double logSum(double s) {
    BigInteger[] d = fixedPointCounts();
    double max = Double.NEGATIVE_INFINITY;
    double[] terms = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      terms[k] = d[k].signum() == 0 ? Double.NEGATIVE_INFINITY : Math.log(d[k].doubleValue()) + s * k / t;
      max = Math.max(max, terms[k]);
    }
    double sum = 0;
    for (double v : terms) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }

  public double logZ() {
    return logSum(1);
  }

  /** E_{σ~R/Z}[R(σ)] = Σ R² / Σ R. */
  public double meanReward() {
    return Math.exp(logSum(2) - logSum(1));
  }

  /** The target law of the number of fixed points: P(k) = D(n, k)·e^{k/t} / Z. */
  public double[] fixedPointLaw() {
    BigInteger[] d = fixedPointCounts();
    double logZ = logZ();
    double[] p = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      p[k] = d[k].signum() == 0 ? 0 : Math.exp(Math.log(d[k].doubleValue()) + k / t - logZ);
    }
    return p;
  }
}
