// gfnx's fldb_phylo policy: per-slot MLP embeddings, a transformer over the slots, a pairwise head.
package org.gfn4j.policy.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.policy.HeadSpec;
import org.gfn4j.policy.PolicyKind;
import org.gfn4j.policy.PolicySpec;

/**
 * The network of {@link PolicySpec#phylo}. Slot features {@code [n·S, F]} go through the
 * embedding MLP, get the fixed positional table added, a Linear to d and the encoder layers
 * (attention only between non-empty slots). The pair head's first Linear is applied per slot
 * before the pair sums, which is the same function ({@code W(x_i + x_j) = Wx_i + Wx_j}, bias added
 * once) at a fraction of the cost; the pair sums are one Gemm with the constant [S, P] incidence
 * matrix of the pairs.
 */
final class PhyloGraph implements NetworkGraph {
  private final PolicySpec spec;
  private final List<ParameterSpec> params = new ArrayList<>();

  PhyloGraph(PolicySpec spec) {
    this.spec = spec;
    long d = spec.dim();
    mlpParameters("embed", spec.inputSize(), spec.width(), spec.depth(), spec.embedSize());
    params.addAll(ParameterInit.linear("emb2hidden", spec.embedSize(), d));
    for (int l = 0; l < spec.layers(); l++) {
      params.addAll(TransformerGraph.layerParameters("layer" + l, d, spec.ffDim()));
    }
    for (HeadSpec h : spec.heads()) {
      long in = h.name().equals(PolicyKind.LOG_FLOW) ? spec.maxLen() * d : d;
      mlpParameters("head." + h.name(), in, spec.headWidth(), spec.headDepth(), 1);
    }
  }

  /** Equinox MLP: {@code depth} hidden Linears of {@code width}, then a Linear to {@code out}. */
  private void mlpParameters(String prefix, long in, long width, int depth, long out) {
    for (int i = 0; i < depth; i++) {
      params.addAll(ParameterInit.linear(prefix + ".layer" + i, i == 0 ? in : width, width));
    }
    params.addAll(ParameterInit.linear(prefix + ".out", depth == 0 ? in : width, out));
  }

  @Override
  public List<ParameterSpec> parameters() {
    return params;
  }

  private Value activate(Value x) {
    return MlpGraph.activate(x, spec.activation());
  }

  /** The MLP whose parameters start at {@code k}, from its first hidden pre-activation {@code h} on. */
  private Value mlpFrom(Value h, List<Value> p, int k, int depth) {
    for (int i = 1; i < depth; i++) {
      h = LinearOps.linear(activate(h), p.get(k + 2 * i), p.get(k + 2 * i + 1));
    }
    return depth == 0 ? h : LinearOps.linear(activate(h), p.get(k + 2 * depth), p.get(k + 2 * depth + 1));
  }

  private Value mlp(Value x, List<Value> p, int k, int depth) {
    return depth == 0 ? LinearOps.linear(x, p.get(k), p.get(k + 1))
        : mlpFrom(LinearOps.linear(x, p.get(k), p.get(k + 1)), p, k, depth);
  }

  @Override
  public Map<String, Value> forward(Value obs, List<Value> p) {
    Graph g = obs.graph();
    int slots = spec.maxLen();
    long f = spec.inputSize();
    long d = spec.dim();
    long e = spec.embedSize();
    Value rows = ShapeOps.reshape(obs, Value.DYNAMIC, f); // [n·S, F]
    Value emb = mlp(rows, p, 0, spec.depth());
    int k = 2 * (spec.depth() + 1);
    Value pe = g.constant(DType.FLOAT, new long[] {slots, e}, spec.phyloPositions());
    emb = ShapeOps.reshape(ElementwiseOps.add(ShapeOps.reshape(emb, Value.DYNAMIC, slots, e), pe), Value.DYNAMIC, e);
    Value x = LinearOps.linear(emb, p.get(k), p.get(k + 1)); // [n·S, d]
    k += 2;
    Value filled = ShapeOps.reduceSum(ShapeOps.reshape(obs, Value.DYNAMIC, slots, f), false, 2); // [n, S]
    Value valid = IndexOps.not(IndexOps.equal(filled, g.scalar(DType.FLOAT, 0)));
    Value pair = TransformerGraph.pairMask(valid, slots);
    for (int l = 0; l < spec.layers(); l++) {
      x = TransformerGraph.layer(x, pair, p, k, slots, spec.numHeads(), d);
      k += TransformerGraph.LAYER_PARAMETERS;
    }
    Map<String, Value> out = new LinkedHashMap<>();
    int depth = spec.headDepth();
    for (HeadSpec head : spec.heads()) {
      Value y = switch (head.name()) {
        case PolicyKind.FORWARD -> pairs(x, p, k, slots, d);
        case PolicyKind.BACKWARD -> ShapeOps.reshape(mlp(ShapeOps.reshape(IndexOps.slice(
            ShapeOps.reshape(x, Value.DYNAMIC, slots, d), 1, 0, slots - 1), Value.DYNAMIC, d), p, k, depth),
            Value.DYNAMIC, slots - 1);
        default -> mlp(ShapeOps.reshape(x, Value.DYNAMIC, slots * d), p, k, depth);
      };
      out.put(head.name(), y);
      k += 2 * (depth + 1);
    }
    return out;
  }

  /** MLP(x_i + x_j) for every pair i < j, row-major: [n, P]. */
  private Value pairs(Value x, List<Value> p, int k, int slots, long d) {
    Graph g = x.graph();
    int numPairs = slots * (slots - 1) / 2;
    double[] incidence = new double[slots * numPairs];
    for (int i = 0, a = 0; i < slots; i++) {
      for (int j = i + 1; j < slots; j++, a++) {
        incidence[i * numPairs + a] = 1;
        incidence[j * numPairs + a] = 1;
      }
    }
    Value sum = g.constant(DType.FLOAT, new long[] {slots, numPairs}, incidence);
    int depth = spec.headDepth();
    long width = depth == 0 ? 1 : spec.headWidth();
    Value perSlot = LinearOps.gemm(x, p.get(k), null, false, false); // [n·S, w]
    Value bySlot = ShapeOps.reshape(ShapeOps.transpose(ShapeOps.reshape(perSlot, Value.DYNAMIC, slots, width), 0, 2, 1),
        Value.DYNAMIC, slots); // [n·w, S]
    Value byPair = LinearOps.gemm(bySlot, sum, null, false, false); // [n·w, P]
    Value h = ElementwiseOps.add(ShapeOps.reshape(ShapeOps.transpose(
        ShapeOps.reshape(byPair, Value.DYNAMIC, width, numPairs), 0, 2, 1), Value.DYNAMIC, width), p.get(k + 1));
    return ShapeOps.reshape(mlpFrom(h, p, k, depth), Value.DYNAMIC, numPairs);
  }
}
