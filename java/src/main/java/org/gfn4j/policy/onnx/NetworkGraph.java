// An architecture as a graph-building function over its parameter list.
package org.gfn4j.policy.onnx;

import java.util.List;
import java.util.Map;
import org.gfn4j.policy.PolicySpec;

/**
 * Writes one architecture's forward pass into a {@link Graph}. The same function builds the eval
 * graph and the forward half of the training graph, so the two cannot drift apart.
 */
public interface NetworkGraph {
  /** The parameters, in graph-input order (also checkpoint and flat-buffer order). */
  List<ParameterSpec> parameters();

  /** Head outputs (spec order) from the observation and the parameter values (same order). */
  Map<String, Value> forward(Value obs, List<Value> params);

  static NetworkGraph of(PolicySpec spec) {
    spec.validate();
    return switch (spec.kind()) {
      case MLP -> new MlpGraph(spec);
      case TRANSFORMER -> new TransformerGraph(spec);
      case PHYLO -> new PhyloGraph(spec);
    };
  }
}
