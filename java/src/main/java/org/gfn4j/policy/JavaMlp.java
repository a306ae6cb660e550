// The pure-Java twin of the native MLP forward (gfn4j/mlp.h), the reference its tests compare.
package org.gfn4j.policy;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.gfn4j.policy.check.Erf;

/**
 * Plain loops over graph-order parameters with the native kernel's arithmetic: each output is
 * {@code fma(x_k, w_k, acc)} over increasing k from 0, then the bias, then the activation in
 * float (GELU through a double erf, tanh through {@link Math#tanh}).
 */
final class JavaMlp {
  private static final double SQRT1_2 = Math.sqrt(0.5);

  private final PolicySpec spec;
  private final List<float[]> params = new ArrayList<>();

  JavaMlp(PolicySpec spec) {
    this.spec = spec;
  }

  /** Copies the graph-order parameters: weight [in, out] then bias [out], layer by layer, then heads. */
  void load(FloatBuffer flat) {
    params.clear();
    int offset = 0;
    int in = spec.inputSize();
    for (int l = 0; l < spec.depth(); l++) {
      offset = take(flat, offset, in * spec.width());
      offset = take(flat, offset, spec.width());
      in = spec.width();
    }
    for (HeadSpec h : spec.heads()) {
      offset = take(flat, offset, in * h.units());
      offset = take(flat, offset, h.units());
    }
  }

  private int take(FloatBuffer flat, int offset, int n) {
    float[] a = new float[n];
    flat.get(offset, a);
    params.add(a);
    return offset + n;
  }

  /**
   * Heads of the rows of {@code obs [rows, inputSize]} with {@code skip[r] == 0}; zeros elsewhere.
   * With {@code acts} non-null, hidden layer i's output of the p-th evaluated row goes to row p of acts[i].
   */
  void forward(FloatBuffer obs, int rows, ByteBuffer skip, FloatBuffer[] heads, FloatBuffer[] acts) {
    int kept = 0;
    int inputSize = spec.inputSize();
    float[] x = new float[inputSize];
    for (int r = 0; r < rows; r++) {
      boolean skipped = skip != null && skip.get(r) != 0;
      if (!skipped) {
        obs.get(r * inputSize, x);
      }
      float[] h = x;
      int k = 0;
      int in = inputSize;
      for (int l = 0; l < spec.depth() && !skipped; l++) {
        h = dense(h, in, spec.width(), params.get(k), params.get(k + 1));
        for (int i = 0; i < h.length; i++) {
          h[i] = activate(h[i]);
        }
        if (acts != null) {
          acts[l].put(kept * spec.width(), h);
        }
        in = spec.width();
        k += 2;
      }
      if (!skipped) {
        kept++;
      }
      k = 2 * spec.depth();
      for (int i = 0; i < heads.length; i++) {
        int units = spec.heads().get(i).units();
        float[] y = skipped ? new float[units] : dense(h, in, units, params.get(k), params.get(k + 1));
        heads[i].put(r * units, y);
        k += 2;
      }
    }
  }

  private static float[] dense(float[] x, int in, int out, float[] w, float[] bias) {
    float[] acc = new float[out];
    for (int i = 0; i < in; i++) {
      float xi = x[i];
      for (int o = 0; o < out; o++) {
        acc[o] = Math.fma(xi, w[i * out + o], acc[o]);
      }
    }
    for (int o = 0; o < out; o++) {
      acc[o] += bias[o];
    }
    return acc;
  }

  private float activate(float x) {
    return switch (spec.activation()) {
      case RELU -> x > 0 ? x : 0f;
      case LEAKY_RELU -> x >= 0 ? x : (float) Activation.LEAKY_SLOPE * x;
      case GELU -> (float) (0.5 * x * (1 + Erf.erf(x * SQRT1_2)));
      case TANH -> (float) Math.tanh(x);
    };
  }
}
