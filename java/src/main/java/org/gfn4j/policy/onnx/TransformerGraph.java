// The gfnx transformer encoder policy (networks.Encoder) with pooled and per-position heads.
package org.gfn4j.policy.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.policy.HeadSpec;
import org.gfn4j.policy.PolicySpec;

/**
 * gfnx's Equinox encoder: token embedding + fixed sinusoidal positions, then per layer
 * {@code h = x + MHA(x)} (query/key/value/output Linears with biases, queries scaled by
 * 1/√headDim, optional pad mask as {@code where(mask, logits, float.min)}) and the FF block
 * {@code u = LN1(h); x = LN2(Linear2(ReLU(Linear1(u))) + u)}. LayerNorm ε = 1e-5 (Equinox).
 * Token-wise layers run on the flattened {@code [n·L, d]} matrix (2-D Gemm); attention scores
 * use batched MatMul on {@code [n, H, L, ·]}.
 */
final class TransformerGraph implements NetworkGraph {
  static final double LN_EPS = 1e-5;

  private final PolicySpec spec;
  private final List<ParameterSpec> params = new ArrayList<>();

  TransformerGraph(PolicySpec spec) {
    this.spec = spec;
    long d = spec.dim();
    params.add(new ParameterSpec("embedding.weight", new long[] {spec.vocab(), d}, ParameterSpec.Init.NORMAL, 1));
    for (int l = 0; l < spec.layers(); l++) {
      params.addAll(layerParameters("layer" + l, d, spec.ffDim()));
    }
    for (HeadSpec h : spec.heads()) {
      params.addAll(ParameterInit.linear("head." + h.name(), d, h.units()));
    }
  }

  /** The {@value #LAYER_PARAMETERS} parameters of one encoder layer, in the order {@link #layer} reads them. */
  static List<ParameterSpec> layerParameters(String p, long d, long ff) {
    List<ParameterSpec> out = new ArrayList<>();
    out.addAll(ParameterInit.linear(p + ".attn.query", d, d));
    out.addAll(ParameterInit.linear(p + ".attn.key", d, d));
    out.addAll(ParameterInit.linear(p + ".attn.value", d, d));
    out.addAll(ParameterInit.linear(p + ".attn.output", d, d));
    out.addAll(ParameterInit.layerNorm(p + ".ff.norm1", d));
    out.addAll(ParameterInit.linear(p + ".ff.linear", d, ff));
    out.addAll(ParameterInit.linear(p + ".ff.output", ff, d));
    out.addAll(ParameterInit.layerNorm(p + ".ff.norm2", d));
    return out;
  }

  static final int LAYER_PARAMETERS = 16;

  /**
   * One encoder layer on {@code x [n·len, d]} with parameters {@code p[k..k+15]}; {@code pair}
   * (BOOL [n, 1, len, len], or null) masks attention logits to float.min where false.
   */
  static Value layer(Value x, Value pair, List<Value> p, int k, int len, int heads, long d) {
    Graph g = x.graph();
    long dh = d / heads;
    Value q = splitHeads(LinearOps.linear(x, p.get(k), p.get(k + 1)), len, heads, dh, false);
    Value key = splitHeads(LinearOps.linear(x, p.get(k + 2), p.get(k + 3)), len, heads, dh, true);
    Value v = splitHeads(LinearOps.linear(x, p.get(k + 4), p.get(k + 5)), len, heads, dh, false);
    Value logits = LinearOps.matmul(ElementwiseOps.scale(q, 1.0 / Math.sqrt(dh)), key); // [n, H, L, L]
    if (pair != null) {
      logits = IndexOps.where(pair, logits, g.scalar(DType.FLOAT, -Float.MAX_VALUE));
    }
    Value ctx = LinearOps.matmul(NormOps.softmax(logits), v); // [n, H, L, dh]
    ctx = ShapeOps.reshape(ShapeOps.transpose(ctx, 0, 2, 1, 3), Value.DYNAMIC, d);
    Value h = ElementwiseOps.add(LinearOps.linear(ctx, p.get(k + 6), p.get(k + 7)), x);
    Value u = NormOps.layerNorm(h, p.get(k + 8), p.get(k + 9), LN_EPS);
    Value f = LinearOps.linear(ElementwiseOps.relu(LinearOps.linear(u, p.get(k + 10), p.get(k + 11))),
        p.get(k + 12), p.get(k + 13));
    return NormOps.layerNorm(ElementwiseOps.add(f, u), p.get(k + 14), p.get(k + 15), LN_EPS);
  }

  /** Attention allowed between positions both valid: BOOL [n, len] → [n, 1, len, len]. */
  static Value pairMask(Value valid, int len) {
    return IndexOps.and(ShapeOps.reshape(valid, Value.DYNAMIC, 1, len, 1), ShapeOps.reshape(valid, Value.DYNAMIC, 1, 1, len));
  }

  /** gfnx's table: pe[p, 2i] = sin(p·ω_i), pe[p, 2i+1] = cos(p·ω_i), ω_i = 10000^(-2i/d). */
  static double[] positionalEncoding(int maxLen, int dim) {
    double[] pe = new double[maxLen * dim];
    for (int p = 0; p < maxLen; p++) {
      for (int i = 0; i < dim; i += 2) {
        double omega = Math.exp(i * (-Math.log(10000.0) / dim));
        pe[p * dim + i] = Math.sin(p * omega);
        pe[p * dim + i + 1] = Math.cos(p * omega);
      }
    }
    return pe;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return params;
  }

  @Override
  public Map<String, Value> forward(Value obs, List<Value> p) {
    Graph g = obs.graph();
    int len = spec.maxLen();
    long d = spec.dim();
    int heads = spec.numHeads();
    Value tokens = obs.type() == DType.INT32 ? obs : ShapeOps.cast(obs, DType.INT32);
    Value x = IndexOps.gather(p.get(0), tokens); // [n, L, d]
    Value pe = g.constant(DType.FLOAT, new long[] {len, d}, positionalEncoding(len, (int) d));
    x = ShapeOps.reshape(ElementwiseOps.add(x, pe), Value.DYNAMIC, d); // [n·L, d]
    Value pair = null;
    if (spec.padToken() >= 0) {
      Value valid = IndexOps.not(IndexOps.equal(tokens, g.constant(DType.INT32, new long[0], spec.padToken())));
      pair = pairMask(valid, len);
    }
    int k = 1;
    for (int l = 0; l < spec.layers(); l++) {
      x = layer(x, pair, p, k, len, heads, d);
      k += LAYER_PARAMETERS;
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (HeadSpec head : spec.heads()) {
      Value w = p.get(k);
      Value b = p.get(k + 1);
      k += 2;
      Value y = switch (head.pooling()) {
        case MEAN -> LinearOps.linear(ShapeOps.reduceMean(ShapeOps.reshape(x, Value.DYNAMIC, len, d), false, 1), w, b);
        case FIRST -> LinearOps.linear(
            ShapeOps.reshape(IndexOps.slice(ShapeOps.reshape(x, Value.DYNAMIC, len, d), 1, 0, 1), Value.DYNAMIC, d), w, b);
        case PER_POSITION -> perPosition(x, head, len, d, w, b);
      };
      out.put(head.name(), y);
    }
    return out;
  }

  /** The head's Linear at positions skipFirst..L-1 (a Slice over the position axis first). */
  private static Value perPosition(Value x, HeadSpec head, int len, long d, Value w, Value b) {
    int skip = head.skipFirst();
    Value rows = skip == 0 ? x : ShapeOps.reshape(
        IndexOps.slice(ShapeOps.reshape(x, Value.DYNAMIC, len, d), 1, skip, len), Value.DYNAMIC, d);
    return ShapeOps.reshape(LinearOps.linear(rows, w, b), Value.DYNAMIC, (long) (len - skip) * head.units());
  }

  /** [n·L, d] → [n, H, L, dh], or [n, H, dh, L] for keys (so scores are q · k). */
  private static Value splitHeads(Value x, int len, int heads, long dh, boolean keys) {
    Value r = ShapeOps.reshape(x, Value.DYNAMIC, len, heads, dh);
    return keys ? ShapeOps.transpose(r, 0, 2, 3, 1) : ShapeOps.transpose(r, 0, 2, 1, 3);
  }
}
