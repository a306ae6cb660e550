package org.gfn4j.rollout;

import org.gfn4j.tensor.FloatTensor;

/** A policy as rollouts and metrics see it: observations in, raw (unmasked) heads out. */
@FunctionalInterface
public interface PolicyFn {
  /**
   * Evaluates n = obs.dim(0) observations [n, O], writing forward logits [n, A], backward
   * logits [n, Ab] and log-flows [n, 1]; the heads are views the caller owns.
   */
  void evaluate(FloatTensor obs, FloatTensor forwardLogits, FloatTensor backwardLogits, FloatTensor logFlow);
}
