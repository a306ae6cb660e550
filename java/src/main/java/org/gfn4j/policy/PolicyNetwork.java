// What rollouts and metrics need from any policy: named heads and a batched forward pass.
package org.gfn4j.policy;

import java.util.Map;
import org.gfn4j.tensor.Tensor;

/**
 * A policy network evaluated by ONNX Runtime: {@link PolicyTrainer} (current parameters),
 * {@link TargetNetwork} (a frozen copy) and {@link Policy} (an exported model). Implementations
 * are not thread-safe.
 */
public interface PolicyNetwork extends AutoCloseable {
  /** Head names and row widths, in output order. */
  Map<String, Integer> headSizes();

  /** Allocates one {@code float [n, size]} tensor per head; reuse it across calls. */
  default Heads newHeads(int n) {
    return Heads.allocate(headSizes(), n);
  }

  /**
   * Writes every head for the {@code n} rows of {@code obs} into {@code out} (which must hold
   * {@code n} rows). {@code obs} is read in place: float {@code [n, inputSize]} for an MLP, int32
   * (or float) tokens {@code [n, maxLen]} for a transformer. Any {@code n >= 1} works.
   */
  void forward(Tensor<?> obs, Heads out);

  @Override
  void close();
}
