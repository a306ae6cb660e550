// An independent float64 Java implementation of the policy architectures (for gradient checks).
package org.gfn4j.policy.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.policy.HeadSpec;
import org.gfn4j.policy.PolicySpec;

/**
 * Plain loops over double arrays computing what the ONNX graphs compute, written from the
 * architecture description (PolicySpec's javadoc) and not from the graph builder. Parameters
 * come in graph order with the same row-major layouts ({@code weight[in][out]}).
 */
public final class ReferenceNetwork {
  private static final double LN_EPS = 1e-5;

  private final PolicySpec spec;

  public ReferenceNetwork(PolicySpec spec) {
    this.spec = spec.validate();
  }

  /** Head values, each {@code [n, size]} row-major, for observations {@code obs [n, width]}. */
  public Map<String, double[]> forward(double[] obs, int n, List<double[]> params) {
    return spec.kind() == PolicySpec.Kind.MLP ? mlp(obs, n, params) : transformer(obs, n, params);
  }

  private Map<String, double[]> mlp(double[] obs, int n, List<double[]> p) {
    double[] h = obs;
    int width = spec.inputSize();
    int k = 0;
    for (int l = 0; l < spec.depth(); l++) {
      h = linear(h, n, width, spec.width(), p.get(k), p.get(k + 1));
      for (int i = 0; i < h.length; i++) {
        h[i] = activate(h[i]);
      }
      width = spec.width();
      k += 2;
    }
    Map<String, double[]> heads = new LinkedHashMap<>();
    for (HeadSpec head : spec.heads()) {
      heads.put(head.name(), linear(h, n, width, head.units(), p.get(k), p.get(k + 1)));
      k += 2;
    }
    return heads;
  }

  private double activate(double x) {
    return switch (spec.activation()) {
      case RELU -> Math.max(0, x);
      case LEAKY_RELU -> x >= 0 ? x : 0.01 * x;
      case TANH -> Math.tanh(x);
      case GELU -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
    };
  }

  /** {@code x [rows, in] · w [in, out] + b [out]}. */
  static double[] linear(double[] x, int rows, int in, int out, double[] w, double[] b) {
    double[] y = new double[rows * out];
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < out; o++) {
        double s = b[o];
        for (int i = 0; i < in; i++) {
          s += x[r * in + i] * w[i * out + o];
        }
        y[r * out + o] = s;
      }
    }
    return y;
  }

  private Map<String, double[]> transformer(double[] tokens, int n, List<double[]> p) {
    int len = spec.maxLen();
    int d = spec.dim();
    int heads = spec.numHeads();
    int dh = d / heads;
    int rows = n * len;
    double[] x = new double[rows * d];
    double[] emb = p.get(0);
    for (int r = 0; r < rows; r++) {
      int tok = (int) tokens[r];
      int pos = r % len;
      for (int j = 0; j < d; j++) {
        int i2 = j - (j % 2);
        double omega = Math.exp(i2 * (-Math.log(10000.0) / d));
        double pe = j % 2 == 0 ? Math.sin(pos * omega) : Math.cos(pos * omega);
        x[r * d + j] = emb[tok * d + j] + pe;
      }
    }
    int k = 1;
    for (int l = 0; l < spec.layers(); l++) {
      double[] q = linear(x, rows, d, d, p.get(k), p.get(k + 1));
      double[] key = linear(x, rows, d, d, p.get(k + 2), p.get(k + 3));
      double[] v = linear(x, rows, d, d, p.get(k + 4), p.get(k + 5));
      double[] ctx = new double[rows * d];
      double[] logits = new double[len];
      for (int b = 0; b < n; b++) {
        for (int h = 0; h < heads; h++) {
          for (int i = 0; i < len; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < len; j++) {
              double s = 0;
              for (int c = 0; c < dh; c++) {
                s += q[(b * len + i) * d + h * dh + c] / Math.sqrt(dh) * key[(b * len + j) * d + h * dh + c];
              }
              if (spec.padToken() >= 0
                  && ((int) tokens[b * len + i] == spec.padToken() || (int) tokens[b * len + j] == spec.padToken())) {
                s = -Float.MAX_VALUE;
              }
              logits[j] = s;
              max = Math.max(max, s);
            }
            double z = 0;
            for (int j = 0; j < len; j++) {
              logits[j] = Math.exp(logits[j] - max);
              z += logits[j];
            }
            for (int j = 0; j < len; j++) {
              double a = logits[j] / z;
              for (int c = 0; c < dh; c++) {
                ctx[(b * len + i) * d + h * dh + c] += a * v[(b * len + j) * d + h * dh + c];
              }
            }
          }
        }
      }
      double[] attn = linear(ctx, rows, d, d, p.get(k + 6), p.get(k + 7));
      for (int i = 0; i < attn.length; i++) {
        attn[i] += x[i];
      }
      double[] u = layerNorm(attn, rows, d, p.get(k + 8), p.get(k + 9));
      double[] f = linear(u, rows, d, spec.ffDim(), p.get(k + 10), p.get(k + 11));
      for (int i = 0; i < f.length; i++) {
        f[i] = Math.max(0, f[i]);
      }
      double[] o = linear(f, rows, spec.ffDim(), d, p.get(k + 12), p.get(k + 13));
      for (int i = 0; i < o.length; i++) {
        o[i] += u[i];
      }
      x = layerNorm(o, rows, d, p.get(k + 14), p.get(k + 15));
      k += 16;
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    for (HeadSpec head : spec.heads()) {
      double[] w = p.get(k);
      double[] bias = p.get(k + 1);
      k += 2;
      switch (head.pooling()) {
        case PER_POSITION -> {
          int skip = head.skipFirst();
          int kept = len - skip;
          double[] read = new double[n * kept * d];
          for (int b = 0; b < n; b++) {
            System.arraycopy(x, (b * len + skip) * d, read, b * kept * d, kept * d);
          }
          out.put(head.name(), linear(read, n * kept, d, head.units(), w, bias));
        }
        case MEAN, FIRST -> {
          double[] pooled = new double[n * d];
          for (int b = 0; b < n; b++) {
            for (int j = 0; j < d; j++) {
              if (head.pooling() == org.gfn4j.policy.Pooling.FIRST) {
                pooled[b * d + j] = x[(b * len) * d + j];
              } else {
                double s = 0;
                for (int t = 0; t < len; t++) {
                  s += x[(b * len + t) * d + j];
                }
                pooled[b * d + j] = s / len;
              }
            }
          }
          out.put(head.name(), linear(pooled, n, d, head.units(), w, bias));
        }
      }
    }
    return out;
  }

  private static double[] layerNorm(double[] x, int rows, int d, double[] scale, double[] bias) {
    double[] y = new double[x.length];
    for (int r = 0; r < rows; r++) {
      double mean = 0;
      for (int j = 0; j < d; j++) {
        mean += x[r * d + j];
      }
      mean /= d;
      double var = 0;
      for (int j = 0; j < d; j++) {
        double c = x[r * d + j] - mean;
        var += c * c;
      }
      var /= d;
      double inv = 1 / Math.sqrt(var + LN_EPS);
      for (int j = 0; j < d; j++) {
        y[r * d + j] = (x[r * d + j] - mean) * inv * scale[j] + bias[j];
      }
    }
    return y;
  }
}
