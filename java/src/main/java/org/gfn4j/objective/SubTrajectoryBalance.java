package org.gfn4j.objective;

import org.gfn4j.runtime.Backend;

/**
 * Sub-trajectory balance (Madan et al. 2023) as gfnx's subtb_* scripts: for every pair
 * 0 <= i < j <= T of a trajectory whose transition j-1 is real,
 * err = log F(s_i) + sum_{i<=t<j} (log PF - log PB) - log F(s_j) with log F(terminal) := log R,
 * weight lambda^(j-i); per trajectory sum w err^2 / sum w; batch mean. No logZ: F(s_0) is learned.
 * gfnx uses lambda = 1 (hypergrid, TFBind8) and 1.9 (bitseq).
 */
public final class SubTrajectoryBalance extends AbstractObjective {
  private final double lambda;

  public SubTrajectoryBalance(double lambda, boolean uniformBackward, Backend backend) {
    super(ObjectiveKind.SUBTB, new ObjectiveParams(checkLambda(lambda), 1.0, 0, uniformBackward), backend);
    this.lambda = lambda;
  }

  public SubTrajectoryBalance(double lambda, Backend backend) {
    this(lambda, false, backend);
  }

  private static double checkLambda(double lambda) {
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("SubTB lambda must be positive and finite, got " + lambda);
    }
    return lambda;
  }

  public double lambda() {
    return lambda;
  }
}
