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
    return switch (spec.kind()) {
      case MLP -> mlp(obs, n, params);
      case TRANSFORMER -> transformer(obs, n, params);
      case PHYLO -> phylo(obs, n, params);
    };
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
    boolean[] valid = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      valid[r] = spec.padToken() < 0 || (int) tokens[r] != spec.padToken();
    }
    int k = 1;
    for (int l = 0; l < spec.layers(); l++) {
      x = layer(x, n, len, valid, p, k);
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

  /**
   * The phylo network: per-slot embedding MLP, fixed positions, Linear to d, encoder layers over
   * the non-empty slots, then MLP(x_i + x_j) per pair, MLP(x_i) per slot but the last, and an MLP
   * on the concatenated slots.
   */
  private Map<String, double[]> phylo(double[] obs, int n, List<double[]> p) {
    int slots = spec.maxLen();
    int f = spec.inputSize();
    int e = spec.embedSize();
    int d = spec.dim();
    int rows = n * slots;
    int[] k = {0};
    double[] emb = mlp(obs, rows, f, spec.width(), spec.depth(), e, p, k);
    double[] pe = spec.phyloPositions();
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < e; j++) {
        emb[r * e + j] += pe[(r % slots) * e + j];
      }
    }
    double[] x = linear(emb, rows, e, d, p.get(k[0]), p.get(k[0] + 1));
    k[0] += 2;
    boolean[] valid = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < f; j++) {
        valid[r] |= obs[r * f + j] != 0;
      }
    }
    for (int l = 0; l < spec.layers(); l++) {
      x = layer(x, n, slots, valid, p, k[0]);
      k[0] += 16;
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    int w = spec.headWidth();
    int depth = spec.headDepth();
    for (HeadSpec head : spec.heads()) {
      switch (head.name()) {
        case org.gfn4j.policy.PolicyKind.FORWARD -> {
          int pairs = slots * (slots - 1) / 2;
          double[] sums = new double[n * pairs * d];
          for (int b = 0, a = 0; b < n; b++) {
            for (int i = 0; i < slots; i++) {
              for (int j = i + 1; j < slots; j++, a++) {
                for (int c = 0; c < d; c++) {
                  sums[a * d + c] = x[(b * slots + i) * d + c] + x[(b * slots + j) * d + c];
                }
              }
            }
          }
          out.put(head.name(), mlp(sums, n * pairs, d, w, depth, 1, p, k));
        }
        case org.gfn4j.policy.PolicyKind.BACKWARD -> {
          double[] kept = new double[n * (slots - 1) * d];
          for (int b = 0; b < n; b++) {
            System.arraycopy(x, b * slots * d, kept, b * (slots - 1) * d, (slots - 1) * d);
          }
          out.put(head.name(), mlp(kept, n * (slots - 1), d, w, depth, 1, p, k));
        }
        default -> out.put(head.name(), mlp(x, n, slots * d, w, depth, 1, p, k));
      }
    }
    return out;
  }

  /** An Equinox MLP with parameters from {@code k[0]} on (advanced past them). */
  private double[] mlp(double[] x, int rows, int in, int width, int depth, int out, List<double[]> p, int[] k) {
    double[] h = x;
    int size = in;
    for (int l = 0; l < depth; l++) {
      h = linear(h, rows, size, width, p.get(k[0]), p.get(k[0] + 1));
      for (int i = 0; i < h.length; i++) {
        h[i] = activate(h[i]);
      }
      size = width;
      k[0] += 2;
    }
    double[] y = linear(h, rows, size, out, p.get(k[0]), p.get(k[0] + 1));
    k[0] += 2;
    return y;
  }

  /** One encoder layer on {@code x [n·len, d]}; attention only between valid positions. */
  private double[] layer(double[] x, int n, int len, boolean[] valid, List<double[]> p, int k) {
    int d = spec.dim();
    int heads = spec.numHeads();
    int dh = d / heads;
    int rows = n * len;
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
            if (!valid[b * len + i] || !valid[b * len + j]) {
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
    return layerNorm(o, rows, d, p.get(k + 14), p.get(k + 15));
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
