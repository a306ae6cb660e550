package org.gfn4j.env.hypergrid;

/**
 * The 2-D marginal that gfnx logs as {@code 2d_marginal_distribution} for hypergrids: a
 * distribution over side^dim cells in row-major order summed over every coordinate after the
 * first two and renormalised, for heat maps of learned versus target distributions.
 */
public final class Marginals {
  private Marginals() {}

  /** marginal[i][j] ∝ Σ over the other coordinates of dist[(i, j, ...)]; sums to 1 (NaN if dist sums to 0). */
  public static double[][] leadingTwo(double[] dist, int dim, int side) {
    if (dim < 2 || side < 1) {
      throw new IllegalArgumentException("a 2-D marginal needs dim >= 2 and side >= 1, got dim " + dim + ", side " + side);
    }
    long block = 1;
    for (int d = 2; d < dim; d++) {
      block *= side;
      if (block > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("grid " + side + "^" + dim + " is too large");
      }
    }
    if ((long) side * side * block != dist.length) {
      throw new IllegalArgumentException(
          "distribution has " + dist.length + " entries, a " + side + "^" + dim + " grid needs " + side * side * block);
    }
    double[][] out = new double[side][side];
    double total = 0.0;
    int k = 0;
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        double sum = 0.0;
        for (long r = 0; r < block; r++) {
          sum += dist[k++];
        }
        out[i][j] = sum;
        total += sum;
      }
    }
    for (double[] row : out) {
      for (int j = 0; j < side; j++) {
        row[j] /= total;
      }
    }
    return out;
  }
}
