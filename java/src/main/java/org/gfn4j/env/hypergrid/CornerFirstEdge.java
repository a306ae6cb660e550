package org.gfn4j.env.hypergrid;

import java.util.SplittableRandom;
import org.gfn4j.env.TiltedFirstEdge;

/**
 * A non-uniform fixed first edge of the ±1 hypergrid, the source of an optimal-transport run
 * ({@code source=corner:β}): L(x) ∝ exp(−β·Σ_d x_d), tilted toward the origin corner for β > 0
 * (toward the far corner for β < 0), a product of one truncated geometric law per coordinate.
 */
final class CornerFirstEdge extends TiltedFirstEdge {
  private final int dim;
  private final int side;
  /** log L_1(k) of one coordinate value k. */
  private final double[] logP;
  private final double[] cdf;

  CornerFirstEdge(int dim, int side, double beta, int returnAction) {
    super(beta, dim * Math.log(side), returnAction, dim);
    this.dim = dim;
    this.side = side;
    this.logP = new double[side];
    for (int k = 0; k < side; k++) {
      logP[k] = -beta * k;
    }
    this.cdf = normalise(logP);
  }

  /** The tilt β of a {@code source} parameter: {@code uniform} (0) or {@code corner:β}. */
  static double parseTilt(String text) {
    return parseTilt(text, "corner");
  }

  @Override
  public double logPF(int[] cells) {
    if (cells.length != dim) {
      throw new IllegalArgumentException("a start state has " + dim + " coordinates, got " + cells.length);
    }
    double s = 0;
    for (int c : cells) {
      if (c < 0 || c >= side) {
        return Double.NEGATIVE_INFINITY;
      }
      s += logP[c];
    }
    return s;
  }

  @Override
  protected void draw(int[] cells, SplittableRandom rng) {
    for (int d = 0; d < dim; d++) {
      cells[d] = search(cdf, rng.nextDouble());
    }
  }
}
