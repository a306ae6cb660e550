// Broadcasting arithmetic and activations, each with its VJP (ORT gradient kernels where they exist).
package org.gfn4j.policy.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.List;

/**
 * Add/Sub/Mul with numpy broadcasting (gradients summed back to each operand's shape) and the
 * activations Relu, LeakyRelu, Gelu, Tanh, Sigmoid. Activation gradients use ONNX Runtime's
 * {@code com.microsoft} gradient kernels with the argument conventions of ORT's own gradient
 * builder: ReluGrad(dY, X), LeakyReluGrad(dY, Y), GeluGrad(dY, X), TanhGrad(dY, Y),
 * SigmoidGrad(dY, Y).
 */
public final class ElementwiseOps {
  private ElementwiseOps() {}

  private static Value binary(String op, Value a, Value b) {
    if (a.type() != b.type()) {
      throw new IllegalArgumentException(op + " of " + a + " and " + b + ": element types differ");
    }
    long[] shape = Shapes.broadcast(a.shape(), b.shape());
    return a.graph().emit(op, "", new Value[] {a, b}, List.of(), new Graph.Out(a.type(), shape))[0];
  }

  public static Value add(Value a, Value b) {
    Value y = binary("Add", a, b);
    a.graph().record(new Value[] {a, b}, new Value[] {y}, g -> new Value[] {
        a.requiresGrad() ? Shapes.unbroadcast(g[0], a) : null,
        b.requiresGrad() ? Shapes.unbroadcast(g[0], b) : null});
    return y;
  }

  public static Value sub(Value a, Value b) {
    Value y = binary("Sub", a, b);
    a.graph().record(new Value[] {a, b}, new Value[] {y}, g -> new Value[] {
        a.requiresGrad() ? Shapes.unbroadcast(g[0], a) : null,
        b.requiresGrad() ? Shapes.unbroadcast(neg(g[0]), b) : null});
    return y;
  }

  public static Value mul(Value a, Value b) {
    Value y = binary("Mul", a, b);
    a.graph().record(new Value[] {a, b}, new Value[] {y}, g -> new Value[] {
        a.requiresGrad() ? Shapes.unbroadcast(mul(g[0], b), a) : null,
        b.requiresGrad() ? Shapes.unbroadcast(mul(g[0], a), b) : null});
    return y;
  }

  /** Multiplies by a constant scalar of the same element type. */
  public static Value scale(Value a, double factor) {
    return mul(a, a.graph().scalar(a.type(), factor));
  }

  public static Value neg(Value a) {
    Value y = unary("Neg", "", a, List.of());
    a.graph().record(new Value[] {a}, new Value[] {y}, g -> new Value[] {neg(g[0])});
    return y;
  }

  private static Value unary(String op, String domain, Value x, List<AttributeProto> attrs) {
    return x.graph().emit(op, domain, new Value[] {x}, attrs, new Graph.Out(x.type(), x.shape()))[0];
  }

  private static Value grad(String op, Value dy, Value other, List<AttributeProto> attrs) {
    return dy.graph().emit(op, Graph.MS, new Value[] {dy, other}, attrs, new Graph.Out(dy.type(), dy.shape()))[0];
  }

  public static Value relu(Value x) {
    Value y = unary("Relu", "", x, List.of());
    // ReluGrad masks by its second operand's sign: y > 0 exactly where x > 0, and reading y leaves
    // x with the Relu as its only consumer, which lets ONNX Runtime fuse the producing Gemm with it.
    x.graph().record(new Value[] {x}, new Value[] {y}, g -> new Value[] {reluGrad(g[0], y)});
    return y;
  }

  /** The input gradient of ReLU from its output {@code y}: dy where y > 0. */
  static Value reluGrad(Value dy, Value y) {
    return grad("ReluGrad", dy, y, List.of());
  }

  public static Value leakyRelu(Value x, double alpha) {
    var attrs = List.of(Attr.f("alpha", alpha));
    Value y = unary("LeakyRelu", "", x, attrs);
    x.graph().record(new Value[] {x}, new Value[] {y}, g -> new Value[] {leakyReluGrad(g[0], y, alpha)});
    return y;
  }

  /** The input gradient of leaky ReLU from its output {@code y} (same sign as its input). */
  static Value leakyReluGrad(Value dy, Value y, double alpha) {
    return grad("LeakyReluGrad", dy, y, List.of(Attr.f("alpha", alpha)));
  }

  /** Exact (erf) GELU, {@code com.microsoft::Gelu} (the default-domain Gelu needs opset 20). */
  public static Value gelu(Value x) {
    Value y = unary("Gelu", Graph.MS, x, List.of());
    x.graph().record(new Value[] {x}, new Value[] {y}, g -> new Value[] {grad("GeluGrad", g[0], x, List.of())});
    return y;
  }

  public static Value tanh(Value x) {
    Value y = unary("Tanh", "", x, List.of());
    x.graph().record(new Value[] {x}, new Value[] {y}, g -> new Value[] {tanhGrad(g[0], y)});
    return y;
  }

  /** The input gradient of tanh from its output {@code y}: dy·(1 − y²). */
  static Value tanhGrad(Value dy, Value y) {
    return grad("TanhGrad", dy, y, List.of());
  }

  public static Value sigmoid(Value x) {
    Value y = unary("Sigmoid", "", x, List.of());
    x.graph().record(new Value[] {x}, new Value[] {y}, g -> new Value[] {grad("SigmoidGrad", g[0], y, List.of())});
    return y;
  }
}
