package org.gfn4j.rollout;

import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.FloatTensor;

/** A policy as rollouts and metrics see it: observations in, raw (unmasked) heads out. */
@FunctionalInterface
public interface PolicyFn {
  /**
   * Evaluates n = obs.dim(0) observations [n, O], writing forward logits [n, A], backward
   * logits [n, Ab] and log-flows [n, 1]; the heads are views the caller owns.
   */
  void evaluate(FloatTensor obs, FloatTensor forwardLogits, FloatTensor backwardLogits, FloatTensor logFlow);

  /**
   * {@link #evaluate} where only the rows with {@code skip[r] == 0} need heads (rollouts skip
   * finished trajectories); the heads of skipped rows are unspecified. By default every row is
   * evaluated.
   */
  default void evaluate(FloatTensor obs, ByteTensor skip, FloatTensor forwardLogits, FloatTensor backwardLogits,
      FloatTensor logFlow) {
    evaluate(obs, forwardLogits, backwardLogits, logFlow);
  }
}
