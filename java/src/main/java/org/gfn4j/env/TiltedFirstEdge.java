package org.gfn4j.env;

import java.util.SplittableRandom;

/**
 * A fixed first edge tilted away from uniform, L(s) ∝ exp(β·score(s)), the source of an
 * optimal-transport run (Maksimov et al. 2026) given by an environment parameter
 * {@code source=<kind>:β}: subclasses give log L of a state and draw one; β = 0 is the uniform edge.
 */
public abstract class TiltedFirstEdge implements FirstEdge {
  /** Largest |β| a source parameter accepts. */
  public static final double MAX_TILT = 100;

  protected final double beta;
  private final double logStartCount;
  private final int returnAction;
  private final int width;

  protected TiltedFirstEdge(double beta, double logStartCount, int returnAction, int width) {
    if (!Double.isFinite(beta) || Math.abs(beta) > MAX_TILT) {
      throw new IllegalArgumentException("a source tilt must be finite with |tilt| <= " + MAX_TILT + ", got " + beta);
    }
    this.beta = beta;
    this.logStartCount = logStartCount;
    this.returnAction = returnAction;
    this.width = width;
  }

  /** β of a {@code source} parameter: {@code uniform} (0) or {@code <kind>:β} with |β| ≤ {@link #MAX_TILT}. */
  public static double parseTilt(String text, String kind) {
    if (text.equals("uniform")) {
      return 0.0;
    }
    if (text.startsWith(kind + ":")) {
      try {
        double beta = Double.parseDouble(text.substring(kind.length() + 1));
        if (Double.isFinite(beta) && Math.abs(beta) <= MAX_TILT) {
          return beta;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("'source' must be uniform or " + kind + ":<tilt> with |tilt| <= " + MAX_TILT
        + ", got '" + text + "'");
  }

  /**
   * Normalises log weights in place into log-probabilities and returns their cumulative
   * probabilities (the last one exactly 1), for inverse-CDF draws by {@link #search}.
   */
  protected static double[] normalise(double[] logWeights) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logWeights) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (double v : logWeights) {
      sum += Math.exp(v - max);
    }
    double logNorm = max + Math.log(sum);
    double[] cdf = new double[logWeights.length];
    double acc = 0;
    for (int k = 0; k < logWeights.length; k++) {
      logWeights[k] -= logNorm;
      acc += Math.exp(logWeights[k]);
      cdf[k] = acc;
    }
    cdf[cdf.length - 1] = 1.0;
    return cdf;
  }

  /** The first index whose cumulative probability exceeds u. */
  protected static int search(double[] cdf, double u) {
    int k = java.util.Arrays.binarySearch(cdf, u);
    k = k >= 0 ? k + 1 : -k - 1;
    return Math.min(k, cdf.length - 1);
  }

  /** Writes the cells of one start state drawn from L into {@code cells}. */
  protected abstract void draw(int[] cells, SplittableRandom rng);

  @Override
  public final double logStartCount() {
    return logStartCount;
  }

  @Override
  public final boolean uniform() {
    return beta == 0;
  }

  @Override
  public final int returnAction() {
    return returnAction;
  }

  @Override
  public final void sample(StateBatch out, SplittableRandom rng) {
    UniformFirstEdge.writeRows(out, width, row -> draw(row, rng));
  }
}
