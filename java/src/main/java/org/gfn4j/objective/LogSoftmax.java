package org.gfn4j.objective;

/**
 * Masked log-softmax rows in double precision and their gradient (twin of objective_internal.h):
 * the one Java implementation the objectives and the trainer's log Z estimate share.
 */
public final class LogSoftmax {
  private LogSoftmax() {}

  static int validCount(byte[] invalid, int base, int n) {
    int valid = 0;
    for (int k = 0; k < n; k++) {
      valid += invalid[base + k] == 0 ? 1 : 0;
    }
    return valid;
  }

  /** log-sum-exp of the valid entries of row {@code x[xBase..]} (null x = zeros); -inf if none. */
  public static double lse(double[] x, int xBase, byte[] invalid, int maskBase, int n) {
    double m = Double.NEGATIVE_INFINITY;
    int valid = 0;
    for (int k = 0; k < n; k++) {
      if (invalid[maskBase + k] != 0) {
        continue;
      }
      valid++;
      double v = x == null ? 0.0 : x[xBase + k];
      if (v > m) {
        m = v;
      }
    }
    if (valid == 0) {
      return m;
    }
    if (x == null) {
      return Math.log(valid);
    }
    if (Double.isInfinite(m)) {
      return m;
    }
    double s = 0.0;
    for (int k = 0; k < n; k++) {
      if (invalid[maskBase + k] == 0) {
        s += Math.exp(x[xBase + k] - m);
      }
    }
    return m + Math.log(s);
  }

  public static double logProb(double[] x, int xBase, double lse, int a) {
    return (x == null ? 0.0 : x[xBase + a]) - lse;
  }

  /** out = gradient of g1 logp(a1) + g2 logp(a2) with respect to the row (a2 = -1: unused). */
  static void writeGrad(double[] x, int xBase, byte[] invalid, int maskBase, int n, double lse, int a1, double g1,
      int a2, double g2, double[] out, int outBase) {
    double g = g1 + g2;
    for (int k = 0; k < n; k++) {
      if (invalid[maskBase + k] != 0) {
        out[outBase + k] = 0.0;
        continue;
      }
      double d = -g * Math.exp(x[xBase + k] - lse);
      if (k == a1) {
        d += g1;
      }
      if (k == a2) {
        d += g2;
      }
      out[outBase + k] = d;
    }
  }

  static double huber(double e) {
    double a = Math.abs(e);
    return a <= 1.0 ? 0.5 * e * e : a - 0.5;
  }

  static double huberGrad(double e) {
    return e > 1.0 ? 1.0 : (e < -1.0 ? -1.0 : e);
  }
}
