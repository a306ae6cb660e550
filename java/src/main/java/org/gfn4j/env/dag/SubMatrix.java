package org.gfn4j.env.dag;

/** Log-determinants and solves on principal sub-matrices of a symmetric positive-definite matrix. */
final class SubMatrix {
  private SubMatrix() {}

  /** The indices of the set bits of {@code mask}, ascending. */
  static int[] indices(long mask) {
    int[] idx = new int[Long.bitCount(mask)];
    int k = 0;
    for (long m = mask; m != 0; m &= m - 1) {
      idx[k++] = Long.numberOfTrailingZeros(m);
    }
    return idx;
  }

  /** The lower Cholesky factor of {@code m[idx, idx]}; IllegalArgumentException unless positive definite. */
  static double[][] cholesky(double[][] m, int[] idx) {
    int k = idx.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = m[idx[i]][idx[j]];
        for (int p = 0; p < j; p++) {
          s -= l[i][p] * l[j][p];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new IllegalArgumentException("matrix is not positive definite (collinear data?)");
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  /** log det of {@code m[idx, idx]} (0 for the empty set). */
  static double logDet(double[][] m, int[] idx) {
    double[][] l = cholesky(m, idx);
    double s = 0;
    for (int i = 0; i < idx.length; i++) {
      s += Math.log(l[i][i]);
    }
    return 2 * s;
  }

  /** vᵀ A⁻¹ v for A = {@code m[idx, idx]} given its Cholesky factor {@code l}. */
  static double quadInverse(double[][] l, double[] v) {
    int k = v.length;
    double[] z = new double[k];
    double q = 0;
    for (int i = 0; i < k; i++) {
      double s = v[i];
      for (int p = 0; p < i; p++) {
        s -= l[i][p] * z[p];
      }
      z[i] = s / l[i][i];
      q += z[i] * z[i];
    }
    return q;
  }
}
