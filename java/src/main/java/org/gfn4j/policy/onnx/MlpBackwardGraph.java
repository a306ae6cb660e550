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
 *
 * <p>Each hidden output also arrives transposed with a row of ones appended
 * ({@code actT.<i>}, {@code [width + 1, rows]}, see {@link org.gfn4j.policy.HiddenActivations#transposed}),
 * so the weight and bias gradients of the layer it feeds are one product
 * {@code [actT.<i>]·dY = [Hᵢᵀ·dY; 1ᵀ·dY]} whose operands ONNX Runtime reads in stored order:
 * a Gemm over a transposed {@code [rows, width]} operand first copies it into transposed order,
 * which at 4 000 rows cost as much as a quarter of the product itself.
 */
public final class MlpBackwardGraph {
  /** Name prefix of the hidden-activation inputs: {@code act.0} … {@code act.<depth-1>}. */
  public static final String ACTIVATION_PREFIX = "act.";
  /** Name prefix of the transposed hidden-activation inputs with their row of ones: {@code actT.<i>}. */
  public static final String TRANSPOSED_PREFIX = "actT.";

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
    return layerInputs(g, spec.depth(), ACTIVATION_PREFIX, Value.DYNAMIC, spec.width());
  }

  /** Emits the transposed hidden-activation inputs {@code actT.<i>} {@code [width + 1, rows]} and returns them. */
  static List<Value> transposedInputs(Graph g, PolicySpec spec) {
    return layerInputs(g, spec.depth(), TRANSPOSED_PREFIX, spec.width() + 1, Value.DYNAMIC);
  }

  private static List<Value> layerInputs(Graph g, int depth, String prefix, long... shape) {
    List<Value> inputs = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      inputs.add(g.input(prefix + i, DType.FLOAT, shape));
    }
    return inputs;
  }

  /**
   * The gradient of every parameter (in {@code params} order: layer weights and biases, then
   * each head's) of {@code Σ_head Σ upstream·head}.
   */
  static Map<Value, Value> gradients(PolicySpec spec, Value obs, List<Value> acts, List<Value> actsT,
      Map<String, Value> upstream, List<Value> params) {
    if (!supports(spec)) {
      throw new IllegalArgumentException("no activation-based backward pass for " + spec.kind() + " with "
          + spec.activation());
    }
    int depth = spec.depth();
    List<HeadSpec> heads = spec.heads();
    Value[] ups = new Value[heads.size()];
    Value[] w = new Value[heads.size()];
    long[] units = new long[heads.size()];
    long unitSum = 0;
    for (int i = 0; i < heads.size(); i++) {
      ups[i] = upstream.get(heads.get(i).name());
      w[i] = params.get(2 * depth + 2 * i);
      units[i] = heads.get(i).units();
      unitSum += units[i];
    }
    Value dHeads = heads.size() == 1 ? ups[0] : IndexOps.concat(1, ups);
    Graph g = obs.graph();
    Map<Value, Value> grads = new LinkedHashMap<>();
    Value[] weightAndBias = weightAndBiasGradients(actsT.get(depth - 1), dHeads, spec.width(), unitSum);
    Value[] dW = split(weightAndBias[0], 1, units);
    Value dbAll = weightAndBias[1];
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
      if (layer == 0) { // the observation arrives in row order only
        grads.put(params.get(0), LinearOps.gemm(obs, dy, null, true, false));
        grads.put(params.get(1), LinearOps.columnSums(dy));
      } else {
        Value[] wb = weightAndBiasGradients(actsT.get(layer - 1), dy, spec.width(), spec.width());
        grads.put(params.get(2 * layer), wb[0]);
        grads.put(params.get(2 * layer + 1), wb[1]);
      }
      wNext = params.get(2 * layer);
    }
    Map<Value, Value> ordered = new LinkedHashMap<>();
    for (Value p : params) {
      ordered.put(p, grads.get(p));
    }
    return ordered;
  }

  /**
   * {@code [inputT]·dy = [Xᵀ·dy; 1ᵀ·dy]} for {@code inputT = [Xᵀ; 1ᵀ]} ({@code [k + 1, rows]}):
   * the weight gradient {@code [k, n]} and the bias gradient {@code [n]} of one product.
   */
  private static Value[] weightAndBiasGradients(Value inputT, Value dy, long k, long n) {
    Value[] parts = IndexOps.split(LinearOps.gemm(inputT, dy, null, false, false), 0, k, 1);
    return new Value[] {parts[0], ShapeOps.reshape(parts[1], n)};
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
