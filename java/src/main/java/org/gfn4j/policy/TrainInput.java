// One user input of ONNX Runtime's training model, read from its name.
package org.gfn4j.policy;

import org.gfn4j.policy.onnx.MlpBackwardGraph;
import org.gfn4j.policy.onnx.PolicyGraphs;
import org.gfn4j.tensor.Tensor;

/**
 * What a TrainStep input takes: the observations, the upstream gradient of a head, or a hidden
 * layer's kept activations in row order ({@code act.i}) or transposed with their row of ones
 * ({@code actT.i}).
 */
record TrainInput(Kind kind, String head, int layer) {
  enum Kind { OBS, UPSTREAM, ACTIVATIONS, TRANSPOSED }

  static TrainInput of(String name) {
    if (name.equals(PolicyGraphs.OBS)) {
      return new TrainInput(Kind.OBS, null, -1);
    }
    if (name.startsWith(MlpBackwardGraph.ACTIVATION_PREFIX)) {
      return new TrainInput(Kind.ACTIVATIONS, null,
          Integer.parseInt(name.substring(MlpBackwardGraph.ACTIVATION_PREFIX.length())));
    }
    if (name.startsWith(MlpBackwardGraph.TRANSPOSED_PREFIX)) {
      return new TrainInput(Kind.TRANSPOSED, null,
          Integer.parseInt(name.substring(MlpBackwardGraph.TRANSPOSED_PREFIX.length())));
    }
    return new TrainInput(Kind.UPSTREAM, name.substring(PolicyGraphs.UPSTREAM_PREFIX.length()), -1);
  }

  /** This input's tensor for one step ({@code acts} null when the model has no activation inputs). */
  Tensor<?> value(Tensor<?> obs, HiddenActivations acts, Heads upstream) {
    return switch (kind) {
      case OBS -> obs;
      case UPSTREAM -> upstream.get(head);
      case ACTIVATIONS -> acts.layer(layer);
      case TRANSPOSED -> acts.transposed(layer);
    };
  }
}
