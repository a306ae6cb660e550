package org.gfn4j.metrics;

import org.gfn4j.tensor.FloatTensor;

/**
 * A forward policy as the exact metrics see it: logits of every forward action for a batch of
 * observations, without exploration (ε, temperature) and without masking (the caller masks).
 * The trainer plugs its ONNX policy in; tests use closed-form policies.
 */
@FunctionalInterface
public interface ForwardLogits {
  /** Writes logits [n, A] for observations obs [n, O]; must not keep either tensor. */
  void compute(FloatTensor obs, FloatTensor logits);
}
