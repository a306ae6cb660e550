package org.gfn4j.sample;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * The pure-Java twin of native/src/sample/sampler.cpp. Every operation that decides an action
 * (Philox words, float/double conversions, division by the temperature, DetMath.exp, the
 * cumulative sum in action order) is performed in the same order as in C++, so both return the
 * same actions; log-probabilities may differ in the last float ulp (Math.log vs libm).
 */
final class JavaSampler {
  private JavaSampler() {}

  static boolean rowOk(FloatBuffer x, ByteBuffer invalid, int base, int n) {
    boolean anyValid = false;
    boolean anyFinite = false;
    for (int k = 0; k < n; k++) {
      if (invalid.get(base + k) != 0) {
        continue;
      }
      anyValid = true;
      float v = x.get(base + k);
      if (Float.isNaN(v) || v == Float.POSITIVE_INFINITY) {
        return false;
      }
      if (Float.isFinite(v)) {
        anyFinite = true;
      }
    }
    return !anyValid || anyFinite;
  }

  static void sample(int batch, int n, FloatBuffer x, ByteBuffer invalid, float epsilon, float temperature,
      long seed, long step, int slot, IntBuffer actions, FloatBuffer logProb) {
    for (int b = 0; b < batch; b++) {
      if (!rowOk(x, invalid, b * n, n)) {
        throw new IllegalArgumentException(
            "sample_masked: invalid argument (row " + b + " has a NaN or +inf valid logit, or only -inf ones)");
      }
    }
    int[] words = new int[4];
    double[] w = new double[n];
    double[] max = new double[1];
    for (int b = 0; b < batch; b++) {
      int base = b * n;
      int valid = 0;
      for (int k = 0; k < n; k++) {
        valid += invalid.get(base + k) != 0 ? 0 : 1;
      }
      if (valid == 0) {
        actions.put(b, 0);
        if (logProb != null) {
          logProb.put(b, 0f);
        }
        continue;
      }
      Philox.draw(seed, step, slot, b, words);
      double u = Philox.uniform53(words[1], words[2]);
      boolean explore = Philox.uniform24(words[0]) < epsilon;
      double total = 0.0;
      boolean reuse = temperature == 1.0f;
      if (!explore || reuse) {
        total = weights(x, invalid, base, n, temperature, w, max);
      }
      int a = explore ? pickUniform(invalid, base, n, valid, u) : pickSoftmax(n, w, total, u);
      actions.put(b, a);
      if (logProb == null) {
        continue;
      }
      if (!reuse) {
        total = weights(x, invalid, base, n, 1.0, w, max);
      }
      logProb.put(b, (float) ((double) x.get(base + a) - max[0] - Math.log(total)));
    }
  }

  /** sampler.cpp's weights(): det_exp(x_k / t - max) of the valid actions, 0 elsewhere; returns their sum. */
  private static double weights(FloatBuffer x, ByteBuffer invalid, int base, int n, double temperature, double[] w,
      double[] max) {
    double m = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      double z = invalid.get(base + k) != 0 ? Double.NEGATIVE_INFINITY : (double) x.get(base + k) / temperature;
      m = z > m ? z : m;
    }
    double total = 0.0;
    for (int k = 0; k < n; k++) {
      double e = DetMath.exp((double) x.get(base + k) / temperature - m);
      w[k] = invalid.get(base + k) != 0 ? 0.0 : e;
      total += w[k];
    }
    max[0] = m;
    return total;
  }

  private static int pickSoftmax(int n, double[] w, double total, double u) {
    double target = u * total;
    double c = 0.0;
    int last = -1;
    for (int k = 0; k < n; k++) {
      c += w[k];
      if (w[k] > 0.0) {
        last = k;
      }
      if (target < c) {
        return k;
      }
    }
    return last;
  }

  private static int pickUniform(ByteBuffer invalid, int base, int n, int valid, double u) {
    int j = (int) (u * valid);
    for (int k = 0; k < n; k++) {
      if (invalid.get(base + k) == 0 && j-- == 0) {
        return k;
      }
    }
    return 0;
  }
}
