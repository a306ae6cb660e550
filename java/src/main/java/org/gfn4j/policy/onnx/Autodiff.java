// Reverse-mode differentiation: replays a graph's tape backwards and emits the gradient nodes.
package org.gfn4j.policy.onnx;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits, into the same graph, the nodes computing {@code d(Σ seed·output)/d(wrt)}. The tape is in
 * construction (topological) order, so walking it backwards finishes every value's gradient
 * (summed over all its consumers) before that value's own rule runs.
 */
public final class Autodiff {
  private Autodiff() {}

  /**
   * Gradients of the scalar {@code Σ_k Σ seeds[k] · k} with respect to each value of {@code wrt}
   * (in that order). A value the seeds do not reach gets a zero gradient.
   */
  public static Map<Value, Value> gradients(Graph g, Map<Value, Value> seeds, List<Value> wrt) {
    Map<Value, Value> grads = new IdentityHashMap<>();
    for (Map.Entry<Value, Value> seed : seeds.entrySet()) {
      Value out = seed.getKey();
      Value s = seed.getValue();
      if (out.graph() != g || s.graph() != g) {
        throw new IllegalArgumentException("seed " + out + " belongs to another graph");
      }
      if (!java.util.Arrays.equals(Shapes.broadcast(out.shape(), s.shape()), out.shape()) || s.type() != out.type()) {
        throw new IllegalArgumentException("seed " + s + " does not match " + out);
      }
      accumulate(grads, out, s);
    }
    g.setRecording(false);
    try {
      List<Graph.TapeEntry> tape = g.tape();
      for (int i = tape.size() - 1; i >= 0; i--) {
        Graph.TapeEntry e = tape.get(i);
        Value[] outGrads = new Value[e.outputs().length];
        boolean any = false;
        for (int j = 0; j < outGrads.length; j++) {
          outGrads[j] = grads.get(e.outputs()[j]);
          any |= outGrads[j] != null;
        }
        if (!any) {
          continue;
        }
        Value[] inGrads = e.rule().apply(outGrads);
        for (int j = 0; j < inGrads.length; j++) {
          Value in = e.inputs()[j];
          if (inGrads[j] != null && in != null && in.requiresGrad()) {
            accumulate(grads, in, inGrads[j]);
          }
        }
      }
      Map<Value, Value> result = new LinkedHashMap<>();
      for (Value w : wrt) {
        if (!w.requiresGrad()) {
          throw new IllegalArgumentException(w + " does not require a gradient");
        }
        Value gw = grads.get(w);
        result.put(w, gw != null ? gw : IndexOps.zeros(w));
      }
      return result;
    } finally {
      g.setRecording(true);
    }
  }

  private static void accumulate(Map<Value, Value> grads, Value v, Value grad) {
    if (!java.util.Arrays.equals(grad.shape(), v.shape())) {
      // A seed may be broadcast against its output; rules always return exact shapes.
      grad = ShapeOps.expand(grad, v);
    }
    Value prev = grads.get(v);
    grads.put(v, prev == null ? grad : ElementwiseOps.add(prev, grad));
  }
}
