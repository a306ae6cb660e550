package org.gfn4j.rollout;

import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Tensor;

/**
 * A policy as rollouts, objectives' callers and exact metrics see it: observations in (float
 * features or int tokens, as the environment describes them), raw (unmasked) heads out. The
 * trainer plugs its ONNX network in; tests use closed-form policies.
 */
@FunctionalInterface
public interface PolicyFn {
  /**
   * Evaluates n = obs.dim(0) observations [n, O], writing forward logits [n, A], backward
   * logits [n, Ab] and log-flows [n, 1]; the heads are views the caller owns. Must not keep any
   * of the tensors.
   */
  void evaluate(Tensor<?> obs, FloatTensor forwardLogits, FloatTensor backwardLogits, FloatTensor logFlow);

  /**
   * {@link #evaluate} where only the rows with {@code skip[r] == 0} need heads (rollouts skip
   * finished trajectories); the heads of skipped rows are unspecified. By default every row is
   * evaluated.
   */
  default void evaluate(Tensor<?> obs, ByteTensor skip, FloatTensor forwardLogits, FloatTensor backwardLogits,
      FloatTensor logFlow) {
    evaluate(obs, forwardLogits, backwardLogits, logFlow);
  }
}
