// LayerNormalization, Softmax and LogSoftmax over the last axis, with ORT's gradient kernels.
package org.gfn4j.policy.onnx;

import java.util.List;

/**
 * Normalisations over the last axis. LayerNormalization (opset 17) also outputs the mean and
 * inverse standard deviation that {@code LayerNormalizationGrad(dY, X, scale, mean, invStd)}
 * needs; Softmax/LogSoftmax use {@code SoftmaxGrad_13}/{@code LogSoftmaxGrad_13(dY, Y)}.
 */
public final class NormOps {
  private NormOps() {}

  /** LayerNorm over the last axis with affine {@code scale} and {@code bias} of shape [d]. */
  public static Value layerNorm(Value x, Value scale, Value bias, double epsilon) {
    long d = x.dim(-1);
    if (scale.rank() != 1 || scale.dim(0) != d || bias.rank() != 1 || bias.dim(0) != d) {
      throw new IllegalArgumentException("LayerNorm of " + x + " needs scale and bias of shape [" + d + "]");
    }
    long[] stat = x.shape();
    stat[stat.length - 1] = 1;
    Graph g = x.graph();
    var attrs = List.of(Attr.i("axis", -1), Attr.f("epsilon", epsilon));
    Value[] outs = g.emit("LayerNormalization", "", new Value[] {x, scale, bias}, attrs,
        new Graph.Out(x.type(), x.shape()), new Graph.Out(x.type(), stat), new Graph.Out(x.type(), stat));
    Value y = outs[0];
    g.record(new Value[] {x, scale, bias}, new Value[] {y}, go -> {
      Value[] grads = g.emit("LayerNormalizationGrad", Graph.MS,
          new Value[] {go[0], x, scale, outs[1], outs[2]}, List.of(Attr.i("axis", -1)),
          new Graph.Out(x.type(), x.shape()), new Graph.Out(scale.type(), scale.shape()),
          new Graph.Out(bias.type(), bias.shape()));
      return new Value[] {
        x.requiresGrad() ? grads[0] : null,
        scale.requiresGrad() ? grads[1] : null,
        bias.requiresGrad() ? grads[2] : null};
    });
    return y;
  }

  public static Value softmax(Value x) {
    return normalise("Softmax", "SoftmaxGrad_13", x);
  }

  public static Value logSoftmax(Value x) {
    return normalise("LogSoftmax", "LogSoftmaxGrad_13", x);
  }

  private static Value normalise(String op, String gradOp, Value x) {
    Graph g = x.graph();
    var attrs = List.of(Attr.i("axis", -1));
    Value y = g.emit(op, "", new Value[] {x}, attrs, new Graph.Out(x.type(), x.shape()))[0];
    g.record(new Value[] {x}, new Value[] {y}, go -> new Value[] {
        g.emit(gradOp, Graph.MS, new Value[] {go[0], y}, attrs, new Graph.Out(x.type(), x.shape()))[0]});
    return y;
  }
}
