// The MLP's training graph does its work in few, large operators: one product for all heads and bias gradients as products.
package org.gfn4j.policy.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import org.gfn4j.policy.Activation;
import org.gfn4j.policy.PolicySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Operator counts of {@link PolicyGraphs#training} for an MLP of depth d with three heads. The
 * heads share one Gemm (forward, input gradient, weight gradient, bias gradient), so the graph
 * has d + 1 forward Gemms and 3 per layer backward (input gradient, weight gradient, bias
 * gradient as 1ᵀ·dy) except the first layer, which needs no input gradient: 4d + 3 in all.
 * ReduceSum appears only in the loss, once per head; no Add sums per-head input gradients. The
 * model that trains from kept activations has the backward products alone, and there every layer
 * but the first (and the heads) gets its weight and bias gradients from one product with the
 * transposed activations and their row of ones: d input gradients, d weight-and-bias products
 * (heads and layers 1..d-1) and the first layer's two: 2d + 2, with no Transpose.
 */
class MlpGraphShapeTest {
  private static long count(ModelProto m, String op) {
    return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).filter(op::equals).count();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void headsShareOneProductAndBiasGradientsAreProducts(int depth) {
    PolicySpec spec = PolicySpec.mlp(6, depth, 16, Activation.RELU)
        .head("forward_logits", 5).head("backward_logits", 4).head("log_flow", 1);
    ModelProto training = PolicyGraphs.training(spec, false);
    assertEquals(4L * depth + 3, count(training, "Gemm"));
    assertEquals(3, count(training, "ReduceSum"));
    assertEquals(2, count(training, "Add"), "only the loss adds its three terms");
    ModelProto eval = PolicyGraphs.eval(spec);
    assertEquals(depth + 1, count(eval, "Gemm"));
    ModelProto backward = PolicyGraphs.trainingFromActivations(spec, false);
    assertEquals(2L * depth + 2, count(backward, "Gemm"), "the backward pass alone: no forward product");
    assertEquals(0, count(backward, "Transpose"));
    assertEquals(depth, backward.getGraph().getInputList().stream()
        .filter(i -> i.getName().startsWith(MlpBackwardGraph.TRANSPOSED_PREFIX)).count());
    assertEquals(depth, count(backward, "ReluGrad"));
    assertEquals(0, count(backward, "Relu"));
  }
}
