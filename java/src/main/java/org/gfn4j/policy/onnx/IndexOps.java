// Gather (embeddings), Concat, Slice, Split and Where (masking) with their VJPs.
package org.gfn4j.policy.onnx;

import java.util.Arrays;
import java.util.List;

/**
 * Operations that select elements. Gather's gradient is ORT's scatter-add
 * {@code GatherGrad(shape, indices, dY)}, Slice's is {@code SliceGrad(dY, shape, starts, ends,
 * axes)}, Concat's is a Split and Split's a Concat (zeros for outputs without gradient), Where's
 * routes the gradient to the selected branch.
 */
public final class IndexOps {
  private IndexOps() {}

  /** Rows of {@code table} (axis 0) picked by integer {@code indices}: an embedding lookup. */
  public static Value gather(Value table, Value indices) {
    if (indices.type() != DType.INT32 && indices.type() != DType.INT64) {
      throw new IllegalArgumentException("Gather indices must be int32 or int64, got " + indices);
    }
    long[] shape = new long[indices.rank() + table.rank() - 1];
    System.arraycopy(indices.shape(), 0, shape, 0, indices.rank());
    System.arraycopy(table.shape(), 1, shape, indices.rank(), table.rank() - 1);
    Graph g = table.graph();
    var attrs = List.of(Attr.i("axis", 0));
    Value y = g.emit("Gather", "", new Value[] {table, indices}, attrs, new Graph.Out(table.type(), shape))[0];
    g.record(new Value[] {table, indices}, new Value[] {y}, go -> {
      if (!table.isStatic()) {
        throw new IllegalStateException("Gather gradient needs a static table shape: " + table);
      }
      Value dTable = g.emit("GatherGrad", Graph.MS, new Value[] {g.longs(table.shape()), indices, go[0]}, attrs,
          new Graph.Out(table.type(), table.shape()))[0];
      return new Value[] {dTable, null};
    });
    return y;
  }

  public static Value concat(int axis, Value... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("Concat of nothing");
    }
    int r = parts[0].rank();
    int ax = Shapes.axis(axis, r);
    long[] shape = parts[0].shape();
    long[] sizes = new long[parts.length];
    long total = 0;
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].rank() != r || parts[i].type() != parts[0].type()) {
        throw new IllegalArgumentException("Concat operands differ: " + Arrays.toString(parts));
      }
      sizes[i] = parts[i].dim(ax);
      if (sizes[i] == Value.DYNAMIC) {
        throw new IllegalArgumentException("Concat along a dynamic axis: " + parts[i]);
      }
      total += sizes[i];
    }
    shape[ax] = total;
    Graph g = parts[0].graph();
    Value y = g.emit("Concat", "", parts, List.of(Attr.i("axis", ax)), new Graph.Out(parts[0].type(), shape))[0];
    g.record(parts, new Value[] {y}, go -> {
      Value[] pieces = splitRaw(go[0], ax, sizes);
      Value[] grads = new Value[parts.length];
      for (int i = 0; i < parts.length; i++) {
        grads[i] = parts[i].requiresGrad() ? pieces[i] : null;
      }
      return grads;
    });
    return y;
  }

  /** Splits along {@code axis} into pieces of the given static sizes. */
  public static Value[] split(Value x, int axis, long... sizes) {
    int ax = Shapes.axis(axis, x.rank());
    long total = Arrays.stream(sizes).sum();
    if (x.dim(ax) != total) {
      throw new IllegalArgumentException("split sizes " + Arrays.toString(sizes) + " do not cover " + x);
    }
    Value[] pieces = splitRaw(x, ax, sizes);
    Graph g = x.graph();
    g.record(new Value[] {x}, pieces, go -> {
      Value[] parts = new Value[go.length];
      for (int i = 0; i < go.length; i++) {
        parts[i] = go[i] != null ? go[i] : zeros(pieces[i]);
      }
      return new Value[] {g.emit("Concat", "", parts, List.of(Attr.i("axis", ax)),
          new Graph.Out(x.type(), x.shape()))[0]};
    });
    return pieces;
  }

  private static Value[] splitRaw(Value x, int ax, long[] sizes) {
    Graph.Out[] outs = new Graph.Out[sizes.length];
    for (int i = 0; i < sizes.length; i++) {
      long[] s = x.shape();
      s[ax] = sizes[i];
      outs[i] = new Graph.Out(x.type(), s);
    }
    Graph g = x.graph();
    return g.emit("Split", "", new Value[] {x, g.longs(sizes)}, List.of(Attr.i("axis", ax)), outs);
  }

  /** Elements {@code [start, end)} along {@code axis} (unit step, non-negative bounds). */
  public static Value slice(Value x, int axis, long start, long end) {
    int ax = Shapes.axis(axis, x.rank());
    long size = x.dim(ax);
    if (start < 0 || end <= start || (size != Value.DYNAMIC && end > size)) {
      throw new IllegalArgumentException("slice [" + start + ", " + end + ") out of range for " + x);
    }
    long[] shape = x.shape();
    shape[ax] = end - start;
    Graph g = x.graph();
    Value starts = g.longs(start);
    Value ends = g.longs(end);
    Value axes = g.longs(ax);
    Value y = g.emit("Slice", "", new Value[] {x, starts, ends, axes}, List.of(), new Graph.Out(x.type(), shape))[0];
    g.record(new Value[] {x}, new Value[] {y}, go -> {
      Value xShape = x.isStatic()
          ? g.longs(x.shape())
          : g.emit("Shape", "", new Value[] {x}, List.of(), new Graph.Out(DType.INT64, new long[] {x.rank()}))[0];
      return new Value[] {g.emit("SliceGrad", Graph.MS, new Value[] {go[0], xShape, starts, ends, axes}, List.of(),
          new Graph.Out(x.type(), x.shape()))[0]};
    });
    return y;
  }

  /** {@code cond ? a : b} elementwise with broadcasting; {@code cond} is BOOL. */
  public static Value where(Value cond, Value a, Value b) {
    if (cond.type() != DType.BOOL || a.type() != b.type()) {
      throw new IllegalArgumentException("Where(" + cond + ", " + a + ", " + b + ")");
    }
    long[] shape = Shapes.broadcast(cond.shape(), Shapes.broadcast(a.shape(), b.shape()));
    Graph g = a.graph();
    Value y = g.emit("Where", "", new Value[] {cond, a, b}, List.of(), new Graph.Out(a.type(), shape))[0];
    g.record(new Value[] {cond, a, b}, new Value[] {y}, go -> {
      Value zero = g.scalar(a.type(), 0);
      Value da = null;
      Value db = null;
      if (a.requiresGrad()) {
        da = Shapes.unbroadcast(g.emit("Where", "", new Value[] {cond, go[0], zero}, List.of(),
            new Graph.Out(a.type(), shape))[0], a);
      }
      if (b.requiresGrad()) {
        db = Shapes.unbroadcast(g.emit("Where", "", new Value[] {cond, zero, go[0]}, List.of(),
            new Graph.Out(a.type(), shape))[0], b);
      }
      return new Value[] {null, da, db};
    });
    return y;
  }

  /** Elementwise comparison {@code a == b} (not differentiable). */
  public static Value equal(Value a, Value b) {
    return a.graph().emit("Equal", "", new Value[] {a, b}, List.of(),
        new Graph.Out(DType.BOOL, Shapes.broadcast(a.shape(), b.shape())))[0];
  }

  public static Value not(Value a) {
    return a.graph().emit("Not", "", new Value[] {a}, List.of(), new Graph.Out(DType.BOOL, a.shape()))[0];
  }

  public static Value and(Value a, Value b) {
    return a.graph().emit("And", "", new Value[] {a, b}, List.of(),
        new Graph.Out(DType.BOOL, Shapes.broadcast(a.shape(), b.shape())))[0];
  }

  /** A zero tensor shaped like {@code like}. */
  static Value zeros(Value like) {
    return ShapeOps.expand(like.graph().scalar(like.type(), 0), like);
  }
}
