/**
 * A small ONNX graph builder with reverse-mode differentiation: operations record VJP rules on a
 * tape ({@link org.gfn4j.policy.onnx.Graph}), {@link org.gfn4j.policy.onnx.Autodiff} emits the
 * backward nodes (ONNX Runtime gradient kernels where they exist), and
 * {@link org.gfn4j.policy.onnx.PolicyGraphs} assembles the models ORT's training API loads.
 */
package org.gfn4j.policy.onnx;
