// Floating-point work of a policy network per row, for benchmarks' achieved-rate figures.
package org.gfn4j.train;

import org.gfn4j.policy.HeadSpec;
import org.gfn4j.policy.PolicySpec;

/**
 * FLOPs of an MLP policy per row (a multiply-add counts 2; bias adds and activations are left
 * out, under 1% here): the forward is Σ 2·in·out over the layers and heads; the backward pass of
 * a training row is the weight gradients (the same again) and the input gradients of every layer
 * but the first (observations need none). NaN for other architectures.
 */
public final class NetworkWork {
  private NetworkWork() {}

  /** Σ in·out over the dense layers, and the first layer's in·out. */
  private static long[] multiplyAdds(PolicySpec spec) {
    long total = 0;
    long first = 0;
    long in = spec.inputSize();
    for (int l = 0; l < spec.depth(); l++) {
      total += in * spec.width();
      if (l == 0) {
        first = in * spec.width();
      }
      in = spec.width();
    }
    for (HeadSpec h : spec.heads()) {
      total += in * h.units();
      if (spec.depth() == 0) {
        first += in * h.units();
      }
    }
    return new long[] {total, first};
  }

  public static double forwardFlopsPerRow(PolicySpec spec) {
    return spec.kind() == PolicySpec.Kind.MLP ? 2.0 * multiplyAdds(spec)[0] : Double.NaN;
  }

  /** The backward pass of a row: weight gradients, and input gradients of every layer but the first. */
  public static double backwardFlopsPerRow(PolicySpec spec) {
    if (spec.kind() != PolicySpec.Kind.MLP) {
      return Double.NaN;
    }
    long[] m = multiplyAdds(spec);
    return 2.0 * (2 * m[0] - m[1]);
  }

  /**
   * The network FLOPs counted by {@code times} since its last reset: {@link #forwardFlops} and
   * {@link #trainFlops}. NaN where not counted.
   */
  public static double flops(StepTimes times, PolicySpec spec) {
    return forwardFlops(times, spec) + trainFlops(times, spec);
  }

  /** The forward passes' FLOPs since the last reset (rollout, replay, target network). */
  public static double forwardFlops(StepTimes times, PolicySpec spec) {
    return times.forwardRows * forwardFlopsPerRow(spec);
  }

  /**
   * The train steps' FLOPs since the last reset: the backward pass of every row, and a forward
   * pass for the rows whose train step ran one (not kept from the rollout).
   */
  public static double trainFlops(StepTimes times, PolicySpec spec) {
    return times.trainRows * backwardFlopsPerRow(spec) + times.trainForwardRows * forwardFlopsPerRow(spec);
  }

  /** The dense layers' [in, out] shapes (hidden layers, then the heads as one concatenated layer). */
  public static int[][] layerShapes(PolicySpec spec) {
    int[][] out = new int[spec.depth() + 1][];
    int in = spec.inputSize();
    for (int l = 0; l < spec.depth(); l++) {
      out[l] = new int[] {in, spec.width()};
      in = spec.width();
    }
    out[spec.depth()] = new int[] {in, spec.heads().stream().mapToInt(HeadSpec::units).sum()};
    return out;
  }
}
