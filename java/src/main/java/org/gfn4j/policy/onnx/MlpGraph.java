// The MLP policy: hidden Linear layers with an activation, then one Linear per head.
package org.gfn4j.policy.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gfn4j.policy.HeadSpec;
import org.gfn4j.policy.PolicySpec;

/** gfnx's {@code eqx.nn.MLP} trunk with its output layer split into named heads. */
final class MlpGraph implements NetworkGraph {
  private final PolicySpec spec;
  private final List<ParameterSpec> params = new ArrayList<>();

  MlpGraph(PolicySpec spec) {
    this.spec = spec;
    long in = spec.inputSize();
    for (int i = 0; i < spec.depth(); i++) {
      params.addAll(ParameterInit.linear("mlp.layer" + i, in, spec.width()));
      in = spec.width();
    }
    for (HeadSpec h : spec.heads()) {
      params.addAll(ParameterInit.linear("head." + h.name(), in, h.units()));
    }
  }

  @Override
  public List<ParameterSpec> parameters() {
    return params;
  }

  @Override
  public Map<String, Value> forward(Value obs, List<Value> p) {
    Value h = obs;
    int k = 0;
    for (int i = 0; i < spec.depth(); i++) {
      h = activate(LinearOps.linear(h, p.get(k), p.get(k + 1)));
      k += 2;
    }
    Map<String, Value> heads = new LinkedHashMap<>();
    List<HeadSpec> specs = spec.heads();
    if (specs.size() == 1) {
      heads.put(specs.get(0).name(), LinearOps.linear(h, p.get(k), p.get(k + 1)));
      return heads;
    }
    // All heads as one product: the trunk's output is read once forward and once for each of its
    // two gradients, instead of once per head, and no per-head input gradients need summing.
    Value[] w = new Value[specs.size()];
    Value[] b = new Value[specs.size()];
    long[] units = new long[specs.size()];
    for (int i = 0; i < specs.size(); i++) {
      w[i] = p.get(k + 2 * i);
      b[i] = p.get(k + 2 * i + 1);
      units[i] = specs.get(i).units();
    }
    Value all = LinearOps.linear(h, IndexOps.concat(1, w), IndexOps.concat(0, b));
    Value[] parts = IndexOps.split(all, 1, units);
    for (int i = 0; i < specs.size(); i++) {
      heads.put(specs.get(i).name(), parts[i]);
    }
    return heads;
  }

  private Value activate(Value x) {
    return activate(x, spec.activation());
  }

  static Value activate(Value x, org.gfn4j.policy.Activation activation) {
    return switch (activation) {
      case RELU -> ElementwiseOps.relu(x);
      case LEAKY_RELU -> ElementwiseOps.leakyRelu(x, org.gfn4j.policy.Activation.LEAKY_SLOPE);
      case GELU -> ElementwiseOps.gelu(x);
      case TANH -> ElementwiseOps.tanh(x);
    };
  }
}
