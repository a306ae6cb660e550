package org.gfn4j.env.hypergrid;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.SplittableRandom;
import org.gfn4j.env.FirstEdge;
import org.gfn4j.env.StateBatch;

/**
 * A non-uniform fixed first edge of the ±1 hypergrid, the source of an optimal-transport run
 * ({@code source=corner:β}): L(x) ∝ exp(−β·Σ_d x_d), tilted toward the origin corner for β > 0
 * (toward the far corner for β < 0), a product of one truncated geometric law per coordinate.
 */
final class CornerFirstEdge implements FirstEdge {
  private final int dim;
  private final int side;
  private final double beta;
  private final int returnAction;
  /** log L_1(k) of one coordinate value k. */
  private final double[] logP;
  private final double[] cdf;

  CornerFirstEdge(int dim, int side, double beta, int returnAction) {
    if (!Double.isFinite(beta)) {
      throw new IllegalArgumentException("the corner source needs a finite tilt, got " + beta);
    }
    this.dim = dim;
    this.side = side;
    this.beta = beta;
    this.returnAction = returnAction;
    double max = Math.max(0, -beta * (side - 1));
    double sum = 0;
    for (int k = 0; k < side; k++) {
      sum += Math.exp(-beta * k - max);
    }
    double logNorm = max + Math.log(sum);
    this.logP = new double[side];
    this.cdf = new double[side];
    double acc = 0;
    for (int k = 0; k < side; k++) {
      logP[k] = -beta * k - logNorm;
      acc += Math.exp(logP[k]);
      cdf[k] = acc;
    }
    cdf[side - 1] = 1.0;
  }

  /**
   * The tilt β of a {@code source} parameter: {@code uniform} (0) or {@code corner:β}.
   */
  static double parseTilt(String text) {
    if (text.equals("uniform")) {
      return 0.0;
    }
    if (text.startsWith("corner:")) {
      try {
        double beta = Double.parseDouble(text.substring("corner:".length()));
        if (Double.isFinite(beta) && Math.abs(beta) <= 100) {
          return beta;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("'source' must be uniform or corner:<tilt> with |tilt| <= 100, got '" + text + "'");
  }

  @Override
  public double logStartCount() {
    return dim * Math.log(side);
  }

  @Override
  public boolean uniform() {
    return beta == 0;
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
  public int returnAction() {
    return returnAction;
  }

  @Override
  public void sample(StateBatch out, SplittableRandom rng) {
    IntBuffer cells = out.cells().buffer();
    ByteBuffer terminal = out.terminal().buffer();
    ByteBuffer pad = out.pad().buffer();
    for (int b = 0; b < out.batchSize(); b++) {
      for (int d = 0; d < dim; d++) {
        cells.put(b * dim + d, draw(rng.nextDouble()));
      }
      terminal.put(b, (byte) 0);
      pad.put(b, (byte) 0);
    }
  }

  /** The coordinate value whose cumulative probability first exceeds u. */
  private int draw(double u) {
    int k = java.util.Arrays.binarySearch(cdf, u);
    k = k >= 0 ? k + 1 : -k - 1;
    return Math.min(k, side - 1);
  }
}
