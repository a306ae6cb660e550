package org.gfn4j.metrics;

/**
 * ELBO and EUBO estimates of log Z from per-trajectory log-probabilities (gfnx ELBO/EUBO
 * modules). Both average log PB(τ|x) + log R(x) − log PF(τ) over trajectories and subtract the
 * true log Z when it is known (pass 0 otherwise); they differ in where the trajectories come
 * from: forward rollouts of the evaluation policy (no ε) for the ELBO, backward rollouts from
 * ground-truth samples x ~ R/Z for the EUBO. With log Z subtracted both are 0 for a perfect
 * sampler, ELBO ≤ 0 ≤ EUBO in expectation.
 */
public final class Bounds {
  private Bounds() {}

  /** mean(logPB + logReward − logPF) − logZ over forward trajectories τ ~ PF. */
  public static double elbo(double[] logPF, double[] logPB, double[] logReward, double logZ) {
    return meanLogRatio(logPF, logPB, logReward) - logZ;
  }

  /** mean(logPB + logReward − logPF) − logZ over backward trajectories τ ~ PB(·|x), x ~ R/Z. */
  public static double eubo(double[] logPF, double[] logPB, double[] logReward, double logZ) {
    return meanLogRatio(logPF, logPB, logReward) - logZ;
  }

  private static double meanLogRatio(double[] logPF, double[] logPB, double[] logReward) {
    int n = logPF.length;
    if (n == 0 || logPB.length != n || logReward.length != n) {
      throw new IllegalArgumentException(
          "need the same positive number of logPF, logPB and logReward values, got "
              + n + ", " + logPB.length + ", " + logReward.length);
    }
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      sum += logPB[i] + logReward[i] - logPF[i];
    }
    return sum / n;
  }
}
