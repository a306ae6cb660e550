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
    for (HeadSpec head : spec.heads()) {
      heads.put(head.name(), LinearOps.linear(h, p.get(k), p.get(k + 1)));
      k += 2;
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
