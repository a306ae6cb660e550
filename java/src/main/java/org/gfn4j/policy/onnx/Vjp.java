// The vector-Jacobian product rule an operation records for reverse-mode differentiation.
package org.gfn4j.policy.onnx;

/**
 * Emits the backward nodes of one recorded operation. Given the gradients of its outputs (null
 * where an output received none), returns the gradients of its inputs aligned with the inputs
 * (null where an input needs none, e.g. it does not require a gradient).
 */
@FunctionalInterface
public interface Vjp {
  Value[] apply(Value[] outputGrads);
}
