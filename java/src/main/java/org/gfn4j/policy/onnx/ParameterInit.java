// Seeded, reproducible parameter initialisation in the style of Equinox (gfnx's framework).
package org.gfn4j.policy.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Initial values, reproducible from one seed: parameter i draws from the i-th
 * {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}, so adding a head
 * changes no other parameter. The distributions follow Equinox, which gfnx's networks use:
 * Linear weights and biases uniform in ±1/√fan_in ({@code eqx.nn.Linear}, also PyTorch's
 * default), embeddings N(0, 1) ({@code eqx.nn.Embedding}), LayerNorm weight 1 and bias 0.
 * Normals use Box–Muller on the stream, not {@code nextGaussian}, so values do not depend on
 * the JDK's Gaussian algorithm.
 */
public final class ParameterInit {
  private ParameterInit() {}

  /** A Linear layer's weight [in, out] and bias [out] (uniform ±1/√in). */
  public static List<ParameterSpec> linear(String prefix, long in, long out) {
    double bound = 1.0 / Math.sqrt(in);
    return List.of(
        new ParameterSpec(prefix + ".weight", new long[] {in, out}, ParameterSpec.Init.UNIFORM, bound),
        new ParameterSpec(prefix + ".bias", new long[] {out}, ParameterSpec.Init.UNIFORM, bound));
  }

  public static List<ParameterSpec> layerNorm(String prefix, long dim) {
    return List.of(
        new ParameterSpec(prefix + ".weight", new long[] {dim}, ParameterSpec.Init.ONES, 1),
        new ParameterSpec(prefix + ".bias", new long[] {dim}, ParameterSpec.Init.ZEROS, 0));
  }

  public static List<float[]> initialize(List<ParameterSpec> specs, long seed) {
    SplittableRandom root = new SplittableRandom(seed);
    List<float[]> values = new ArrayList<>(specs.size());
    for (ParameterSpec p : specs) {
      SplittableRandom rng = root.split();
      float[] v = new float[p.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = switch (p.init()) {
          case UNIFORM -> (float) (p.scale() * (2 * rng.nextDouble() - 1));
          case NORMAL -> (float) (p.scale() * gaussian(rng));
          case ONES -> 1f;
          case ZEROS -> 0f;
        };
      }
      values.add(v);
    }
    return values;
  }

  private static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble(); // (0, 1]
    double w = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
  }
}
