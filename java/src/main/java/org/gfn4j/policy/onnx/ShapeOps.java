// Reshape, Transpose, ReduceSum, ReduceMean, Cast and Identity with their VJPs.
package org.gfn4j.policy.onnx;

import java.util.Arrays;
import java.util.List;

/** Operations that move or sum elements without arithmetic on them. */
public final class ShapeOps {
  private ShapeOps() {}

  /** Reshape to a static target; at most one dimension may be {@link Value#DYNAMIC} (-1). */
  public static Value reshape(Value x, long... shape) {
    int dynamic = 0;
    for (long d : shape) {
      dynamic += d == Value.DYNAMIC ? 1 : 0;
      if (d == 0 || d < -1) {
        throw new IllegalArgumentException("bad reshape target " + Arrays.toString(shape));
      }
    }
    if (dynamic > 1) {
      throw new IllegalArgumentException("reshape target " + Arrays.toString(shape) + " has two -1");
    }
    if (x.isStatic() && dynamic == 0 && Shapes.size(x.shape()) != Shapes.size(shape)) {
      throw new IllegalArgumentException("cannot reshape " + x + " to " + Arrays.toString(shape));
    }
    Graph g = x.graph();
    Value y = g.emit("Reshape", "", new Value[] {x, g.longs(shape)}, List.of(), new Graph.Out(x.type(), shape))[0];
    g.record(new Value[] {x}, new Value[] {y}, go -> new Value[] {restoreShape(go[0], x)});
    return y;
  }

  /** Reshapes {@code grad} to the (possibly dynamic) shape of {@code like}. */
  static Value restoreShape(Value grad, Value like) {
    long dynamic = Arrays.stream(like.shape()).filter(d -> d == Value.DYNAMIC).count();
    if (dynamic <= 1) {
      return reshape(grad, like.shape());
    }
    Graph g = grad.graph();
    Value shape = g.emit("Shape", "", new Value[] {like}, List.of(),
        new Graph.Out(DType.INT64, new long[] {like.rank()}))[0];
    return g.emit("Reshape", "", new Value[] {grad, shape}, List.of(), new Graph.Out(grad.type(), like.shape()))[0];
  }

  public static Value transpose(Value x, long... perm) {
    if (perm.length != x.rank()) {
      throw new IllegalArgumentException("permutation " + Arrays.toString(perm) + " for " + x);
    }
    long[] shape = new long[perm.length];
    long[] inverse = new long[perm.length];
    boolean[] seen = new boolean[perm.length];
    for (int i = 0; i < perm.length; i++) {
      int p = (int) perm[i];
      if (p < 0 || p >= perm.length || seen[p]) {
        throw new IllegalArgumentException("not a permutation: " + Arrays.toString(perm));
      }
      seen[p] = true;
      shape[i] = x.dim(p);
      inverse[p] = i;
    }
    Graph g = x.graph();
    Value y = g.emit("Transpose", "", new Value[] {x}, List.of(Attr.ints("perm", perm)),
        new Graph.Out(x.type(), shape))[0];
    g.record(new Value[] {x}, new Value[] {y}, go -> new Value[] {transpose(go[0], inverse)});
    return y;
  }

  /** Swaps the last two axes. */
  public static Value swapLastAxes(Value x) {
    long[] perm = new long[x.rank()];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = i;
    }
    perm[perm.length - 2] = perm.length - 1;
    perm[perm.length - 1] = perm.length - 2;
    return transpose(x, perm);
  }

  public static Value reduceSum(Value x, boolean keepDims, long... axes) {
    return reduce("ReduceSum", x, keepDims, axes);
  }

  /** Mean over static axes. */
  public static Value reduceMean(Value x, boolean keepDims, long... axes) {
    return reduce("ReduceMean", x, keepDims, axes);
  }

  private static Value reduce(String op, Value x, boolean keepDims, long[] axes) {
    int r = x.rank();
    boolean[] reduced = new boolean[r];
    long count = 1;
    for (long a : axes) {
      int ax = Shapes.axis((int) a, r);
      reduced[ax] = true;
      count *= x.dim(ax);
    }
    if (op.equals("ReduceMean") && count < 0) {
      throw new IllegalArgumentException("ReduceMean over a dynamic axis of " + x);
    }
    long[] shape = new long[keepDims ? r : r - axes.length];
    for (int i = 0, j = 0; i < r; i++) {
      if (!reduced[i]) {
        shape[j++] = x.dim(i);
      } else if (keepDims) {
        shape[j++] = 1;
      }
    }
    Graph g = x.graph();
    // Opset 17: ReduceSum takes the axes as an input, ReduceMean still as an attribute.
    Value y = op.equals("ReduceSum")
        ? g.emit(op, "", new Value[] {x, g.longs(axes)}, List.of(Attr.i("keepdims", keepDims ? 1 : 0)),
            new Graph.Out(x.type(), shape))[0]
        : g.emit(op, "", new Value[] {x}, List.of(Attr.ints("axes", axes), Attr.i("keepdims", keepDims ? 1 : 0)),
            new Graph.Out(x.type(), shape))[0];
    final double factor = op.equals("ReduceMean") ? 1.0 / count : 1.0;
    g.record(new Value[] {x}, new Value[] {y}, go -> {
      Value grad = go[0];
      if (!keepDims) {
        long[] kept = x.shape();
        for (int i = 0; i < r; i++) {
          if (reduced[i]) {
            kept[i] = 1;
          }
        }
        grad = g.emit("Unsqueeze", "", new Value[] {grad, g.longs(axes)}, List.of(),
            new Graph.Out(grad.type(), kept))[0];
      }
      if (factor != 1.0) {
        grad = ElementwiseOps.scale(grad, factor);
      }
      return new Value[] {expand(grad, x)};
    });
    return y;
  }

  /** Broadcasts {@code x} to the shape of {@code like} (Expand; static shape when possible). */
  static Value expand(Value x, Value like) {
    Graph g = x.graph();
    Value shape = like.isStatic()
        ? g.longs(like.shape())
        : g.emit("Shape", "", new Value[] {like}, List.of(), new Graph.Out(DType.INT64, new long[] {like.rank()}))[0];
    return g.emit("Expand", "", new Value[] {x, shape}, List.of(), new Graph.Out(x.type(), like.shape()))[0];
  }

  /** Converts the element type; not differentiable (used for indices and masks). */
  public static Value cast(Value x, DType to) {
    return x.graph().emit("Cast", "", new Value[] {x}, List.of(Attr.i("to", to.code)), new Graph.Out(to, x.shape()))[0];
  }

  public static Value identity(Value x) {
    Graph g = x.graph();
    Value y = g.emit("Identity", "", new Value[] {x}, List.of(), new Graph.Out(x.type(), x.shape()))[0];
    g.record(new Value[] {x}, new Value[] {y}, go -> new Value[] {go[0]});
    return y;
  }
}
