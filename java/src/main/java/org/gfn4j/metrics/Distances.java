package org.gfn4j.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Distances between distributions over the same index set, with gfnx's conventions
 * (gfnx/utils/distances.py): the KL argument order is (true, model) and 1e-9 is added to the
 * second distribution inside the logarithm; terms with p = 0 contribute 0.
 */
public final class Distances {
  /** Added to the model probability inside log(p / (q + ε)), as gfnx. */
  public static final double EPSILON = 1e-9;

  private Distances() {}

  /** TV(p, q) = ½ Σ |p − q|. */
  public static double totalVariation(double[] p, double[] q) {
    checkSameLength(p, q);
    double sum = 0.0;
    for (int i = 0; i < p.length; i++) {
      sum += Math.abs(p[i] - q[i]);
    }
    return sum / 2.0;
  }

  /** KL(p ‖ q) = Σ_{p > 0} p · log(p / (q + 1e-9)). */
  public static double kl(double[] p, double[] q) {
    checkSameLength(p, q);
    double sum = 0.0;
    for (int i = 0; i < p.length; i++) {
      if (p[i] > 0) {
        sum += p[i] * Math.log(p[i] / (q[i] + EPSILON));
      }
    }
    return sum;
  }

  /** JSD(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = ½ (p + q), with the same 1e-9. */
  public static double jensenShannon(double[] p, double[] q) {
    checkSameLength(p, q);
    double[] m = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      m[i] = 0.5 * (p[i] + q[i]);
    }
    return 0.5 * (kl(p, m) + kl(q, m));
  }

  /**
   * {@code <prefix>_tv}, {@code <prefix>_kl} = KL(trueDist ‖ model) and {@code <prefix>_jsd}, in
   * that order.
   */
  public static Map<String, Double> all(String prefix, double[] trueDist, double[] model) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(prefix + "_tv", totalVariation(trueDist, model));
    out.put(prefix + "_kl", kl(trueDist, model));
    out.put(prefix + "_jsd", jensenShannon(trueDist, model));
    return out;
  }

  private static void checkSameLength(double[] p, double[] q) {
    if (p.length != q.length) {
      throw new IllegalArgumentException("distributions differ in size: " + p.length + " vs " + q.length);
    }
  }
}
