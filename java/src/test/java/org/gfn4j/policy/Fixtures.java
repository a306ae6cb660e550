// Small policies and random inputs shared by the policy tests.
package org.gfn4j.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gfn4j.policy.onnx.NetworkGraph;
import org.gfn4j.policy.onnx.ParameterSpec;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

final class Fixtures {
  private Fixtures() {}

  static PolicySpec mlp() {
    return PolicySpec.mlp(6, 2, 16, Activation.RELU)
        .head("forward_logits", 5).head("backward_logits", 4).head("log_flow", 1);
  }

  static PolicySpec transformer() {
    return PolicySpec.transformer(5, 6, 8, 2, 2, 16).withPadMask(4)
        .perPositionHead("forward_logits", 3).head("backward_logits", 2).pooledHead("log_flow", 1, Pooling.FIRST);
  }

  static PolicySpec spec(String arch) {
    return arch.equals("mlp") ? mlp() : transformer();
  }

  /** Random observations for {@code spec}: floats in [-1, 1] or tokens in [0, vocab). */
  static Tensor<?> observations(PolicySpec spec, int n, long seed) {
    Random r = new Random(seed);
    if (spec.floatObservations()) {
      FloatTensor t = FloatTensor.allocate(n, spec.observationWidth());
      for (int i = 0; i < t.size(); i++) {
        t.set(i, spec.kind() == PolicySpec.Kind.MLP ? 2 * r.nextFloat() - 1 : r.nextInt(spec.vocab()));
      }
      return t;
    }
    IntTensor t = IntTensor.allocate(n, spec.observationWidth());
    for (int i = 0; i < t.size(); i++) {
      t.set(i, r.nextInt(spec.vocab()));
    }
    return t;
  }

  /** Heads filled with normal noise times {@code scale}. */
  static Heads randomHeads(PolicyNetwork net, int n, long seed, float scale) {
    Random r = new Random(seed);
    Heads h = net.newHeads(n);
    for (String name : h.names()) {
      FloatTensor t = h.get(name);
      for (int i = 0; i < t.size(); i++) {
        t.set(i, scale * (float) r.nextGaussian());
      }
    }
    return h;
  }

  static float[] parameters(PolicyTrainer t) {
    try (FloatTensor flat = FloatTensor.allocate(t.parameterCount())) {
      t.copyParametersTo(flat);
      return flat.toArray();
    }
  }

  /** The flat parameters split per tensor (graph order), as doubles. */
  static List<double[]> split(PolicySpec spec, float[] flat) {
    List<double[]> out = new ArrayList<>();
    int off = 0;
    for (ParameterSpec p : NetworkGraph.of(spec).parameters()) {
      double[] d = new double[p.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = flat[off + i];
      }
      off += d.length;
      out.add(d);
    }
    return out;
  }

  static double[] doubles(Tensor<?> t) {
    double[] d = new double[(int) t.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = t instanceof FloatTensor f ? f.get(i) : ((IntTensor) t).get(i);
    }
    return d;
  }

  static Map<String, float[]> snapshot(Heads h) {
    Map<String, float[]> m = new java.util.LinkedHashMap<>();
    for (String name : h.names()) {
      m.put(name, h.get(name).toArray());
    }
    return m;
  }
}
