package org.gfn4j.objective;

/**
 * Soft-DQN's soft-RL knobs (Tiapkin et al. 2024): the Munchausen coefficient {@code alpha} and
 * clip floor {@code l0} of the bonus alpha·clip(lambda·log pi'(a|s), l0, 0), the entropy
 * temperature {@code lambda} of Q = V + lambda·log pi, and the double-DQN next-state value. The
 * fixed point is the GFlowNet only when (1 - alpha)·lambda = 1, which {@link #of} chooses when
 * lambda is not given; alpha = 0, lambda = 1 is plain soft-DQN.
 */
public record Munchausen(double alpha, double l0, double lambda, boolean doubleDqn) {
  /** Plain soft-DQN: no bonus, temperature 1, no double DQN. */
  public static final Munchausen NONE = new Munchausen(0.0, -100.0, 1.0, false);

  public Munchausen {
    if (!(alpha >= 0 && alpha < 1)) {
      throw new IllegalArgumentException("munchausen alpha must be in [0, 1), got " + alpha);
    }
    if (!(l0 <= 0) || !Double.isFinite(l0)) {
      throw new IllegalArgumentException("munchausen l0 must be finite and <= 0, got " + l0);
    }
    if (!(lambda > 0) || !Double.isFinite(lambda)) {
      throw new IllegalArgumentException("soft-DQN temperature lambda must be positive and finite, got " + lambda);
    }
  }

  /** The bonus with lambda = 1/(1 - alpha) (the GFlowNet-consistent temperature) when lambda is NaN. */
  public static Munchausen of(double alpha, double l0, double lambda, boolean doubleDqn) {
    if (!(alpha >= 0 && alpha < 1)) {
      throw new IllegalArgumentException("munchausen alpha must be in [0, 1), got " + alpha);
    }
    return new Munchausen(alpha, l0, Double.isNaN(lambda) ? 1.0 / (1.0 - alpha) : lambda, doubleDqn);
  }
}
