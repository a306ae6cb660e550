// The MLP's backward pass alone, from the hidden activations a forward pass already computed.
package org.gfn4j.policy.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.HeadSpec;
import org.gfn4j.policy.PolicySpec;

/**
 * The parameter gradients of {@link MlpGraph} given, for every row, its observation, the output
 * of each hidden layer ({@code act.<i>}, after the activation) and the upstream gradient of each
 * head: the same products {@link Autodiff} emits for the full graph, minus the forward pass.
 * Layer i's input gradient is masked through the activation's output (ReLU, leaky ReLU and tanh
 * have derivatives that are functions of their output), so GELU, whose derivative needs the
 * pre-activation, is not supported.
 */
public final class MlpBackwardGraph {
  /** Name prefix of the hidden-activation inputs: {@code act.0} … {@code act.<depth-1>}. */
  public static final String ACTIVATION_PREFIX = "act.";

  private MlpBackwardGraph() {}

  /** True when {@code spec}'s gradients can be computed from its hidden activations alone. */
  public static boolean supports(PolicySpec spec) {
    return spec.kind() == PolicySpec.Kind.MLP && spec.depth() >= 1 && spec.activation() != Activation.GELU;
  }

  /**
   * Emits the hidden-activation inputs into {@code g} (after the observation, before the
   * upstream inputs the caller adds) and returns them.
   */
  static List<Value> activationInputs(Graph g, PolicySpec spec) {
    List<Value> acts = new ArrayList<>();
    for (int i = 0; i < spec.depth(); i++) {
      acts.add(g.input(ACTIVATION_PREFIX + i, DType.FLOAT, Value.DYNAMIC, spec.width()));
    }
    return acts;
  }

  /**
   * The gradient of every parameter (in {@code params} order: layer weights and biases, then
   * each head's) of {@code Σ_head Σ upstream·head}.
   */
  static Map<Value, Value> gradients(PolicySpec spec, Value obs, List<Value> acts, Map<String, Value> upstream,
      List<Value> params) {
    if (!supports(spec)) {
      throw new IllegalArgumentException("no activation-based backward pass for " + spec.kind() + " with "
          + spec.activation());
    }
    int depth = spec.depth();
    List<HeadSpec> heads = spec.heads();
    Value[] ups = new Value[heads.size()];
    Value[] w = new Value[heads.size()];
    long[] units = new long[heads.size()];
    for (int i = 0; i < heads.size(); i++) {
      ups[i] = upstream.get(heads.get(i).name());
      w[i] = params.get(2 * depth + 2 * i);
      units[i] = heads.get(i).units();
    }
    Value dHeads = heads.size() == 1 ? ups[0] : IndexOps.concat(1, ups);
    Value trunk = depth == 0 ? obs : acts.get(depth - 1);
    Graph g = obs.graph();
    Map<Value, Value> grads = new LinkedHashMap<>();
    Value[] dW = split(LinearOps.gemm(trunk, dHeads, null, true, false), 1, units);
    Value dbAll = LinearOps.columnSums(dHeads);
    // ONNX Runtime's TrainStep needs one user output: Σ upstream, a by-product (the forward pass,
    // hence the real loss Σ upstream·head, is not in this graph).
    g.output(PolicyGraphs.LOSS, ShapeOps.reduceSum(dbAll, false, 0));
    Value[] db = split(dbAll, 0, units);
    for (int i = 0; i < heads.size(); i++) {
      grads.put(params.get(2 * depth + 2 * i), dW[i]);
      grads.put(params.get(2 * depth + 2 * i + 1), db[i]);
    }
    Value dy = dHeads;
    Value wNext = heads.size() == 1 ? w[0] : IndexOps.concat(1, w);
    for (int layer = depth - 1; layer >= 0; layer--) {
      Value dh = LinearOps.gemm(dy, wNext, null, false, true);
      dy = activationGradient(dh, acts.get(layer), spec.activation());
      Value in = layer == 0 ? obs : acts.get(layer - 1);
      grads.put(params.get(2 * layer), LinearOps.gemm(in, dy, null, true, false));
      grads.put(params.get(2 * layer + 1), LinearOps.columnSums(dy));
      wNext = params.get(2 * layer);
    }
    Map<Value, Value> ordered = new LinkedHashMap<>();
    for (Value p : params) {
      ordered.put(p, grads.get(p));
    }
    return ordered;
  }

  private static Value[] split(Value x, int axis, long[] sizes) {
    return sizes.length == 1 ? new Value[] {x} : IndexOps.split(x, axis, sizes);
  }

  private static Value activationGradient(Value dh, Value out, Activation activation) {
    return switch (activation) {
      case RELU -> ElementwiseOps.reluGrad(dh, out);
      case LEAKY_RELU -> ElementwiseOps.leakyReluGrad(dh, out, Activation.LEAKY_SLOPE);
      case TANH -> ElementwiseOps.tanhGrad(dh, out);
      case GELU -> throw new IllegalArgumentException("GELU needs its pre-activation");
    };
  }
}
