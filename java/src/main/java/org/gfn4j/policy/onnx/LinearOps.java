// Matrix products (2-D Gemm, batched MatMul) and their VJPs.
package org.gfn4j.policy.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gemm for 2-D layers and MatMul for batched products. There is no MatMulGrad kernel in ONNX
 * Runtime: gradients are Gemm (2-D, with trans flags), {@code com.microsoft::FusedMatMul} with
 * trans flags (batched), reduced over broadcast batch axes — the construction of ORT's own
 * gradient builder.
 */
public final class LinearOps {
  private LinearOps() {}

  /** {@code y = op(a) · op(b) (+ c)}, where op transposes when the flag is set. */
  public static Value gemm(Value a, Value b, Value c, boolean transA, boolean transB) {
    if (a.rank() != 2 || b.rank() != 2) {
      throw new IllegalArgumentException("Gemm needs 2-D operands, got " + a + " and " + b);
    }
    long m = transA ? a.dim(1) : a.dim(0);
    long k = transA ? a.dim(0) : a.dim(1);
    long kb = transB ? b.dim(1) : b.dim(0);
    long n = transB ? b.dim(0) : b.dim(1);
    if (k != kb && k != Value.DYNAMIC && kb != Value.DYNAMIC) {
      throw new IllegalArgumentException("Gemm inner dimensions differ: " + a + " and " + b);
    }
    List<AttributeProto> attrs = new ArrayList<>();
    if (transA) {
      attrs.add(Attr.i("transA", 1));
    }
    if (transB) {
      attrs.add(Attr.i("transB", 1));
    }
    Value[] ins = c == null ? new Value[] {a, b} : new Value[] {a, b, c};
    Graph g = a.graph();
    Value y = g.emit("Gemm", "", ins, attrs, new Graph.Out(a.type(), new long[] {m, n}))[0];
    g.record(ins, new Value[] {y}, go -> {
      Value dy = go[0];
      Value da = null;
      Value db = null;
      if (a.requiresGrad()) {
        // y = A'B': dA = B'dY'; y = A'B: dA = B dY'; y = AB': dA = dY B; y = AB: dA = dY B'.
        da = transA
            ? (transB ? gemm(b, dy, null, true, true) : gemm(b, dy, null, false, true))
            : (transB ? gemm(dy, b, null, false, false) : gemm(dy, b, null, false, true));
      }
      if (b.requiresGrad()) {
        db = transA
            ? (transB ? gemm(dy, a, null, true, true) : gemm(a, dy, null, false, false))
            : (transB ? gemm(dy, a, null, true, false) : gemm(a, dy, null, true, false));
      }
      Value dc = c != null && c.requiresGrad() ? biasGradient(dy, c) : null;
      return c == null ? new Value[] {da, db} : new Value[] {da, db, dc};
    });
    return y;
  }

  /**
   * The gradient of a bias broadcast over rows: the column sums of {@code dy}, as the product
   * {@code 1ᵀ·dy} when {@code c} is one row — a GEMM reads dy once at full vector width, where
   * ONNX Runtime's ReduceSum over the leading axis runs several times slower.
   */
  private static Value biasGradient(Value dy, Value c) {
    if (c.rank() != 1 || dy.rank() != 2) {
      return Shapes.unbroadcast(dy, c);
    }
    return columnSums(dy);
  }

  /** {@code Σ_rows dy} of a 2-D {@code dy} as the product {@code 1ᵀ·dy}, shape [columns]. */
  static Value columnSums(Value dy) {
    Graph g = dy.graph();
    Value rows = g.emit("Shape", "", new Value[] {dy}, List.of(Attr.i("end", 1)),
        new Graph.Out(DType.INT64, new long[] {1}))[0];
    Value shape = g.emit("Concat", "", new Value[] {g.longs(1), rows}, List.of(Attr.i("axis", 0)),
        new Graph.Out(DType.INT64, new long[] {2}))[0];
    Value ones = g.emit("ConstantOfShape", "", new Value[] {shape},
        List.of(Attr.tensor("value", Graph.tensorProto(DType.FLOAT, new long[] {1}, new double[] {1}))),
        new Graph.Out(DType.FLOAT, new long[] {1, dy.dim(0)}))[0];
    Value sums = g.emit("Gemm", "", new Value[] {ones, dy}, List.of(), new Graph.Out(DType.FLOAT, new long[] {1, dy.dim(1)}))[0];
    return ShapeOps.reshape(sums, dy.dim(1));
  }

  /** A dense layer on 2-D input: {@code x · w + b} with {@code w} of shape [in, out]. */
  public static Value linear(Value x, Value w, Value b) {
    return gemm(x, w, b, false, false);
  }

  /** numpy-style matmul of operands of rank at least 2 (batch dimensions broadcast). */
  public static Value matmul(Value a, Value b) {
    if (a.rank() < 2 || b.rank() < 2) {
      throw new IllegalArgumentException("MatMul needs rank >= 2, got " + a + " and " + b);
    }
    long[] batchA = Arrays.copyOf(a.shape(), a.rank() - 2);
    long[] batchB = Arrays.copyOf(b.shape(), b.rank() - 2);
    long[] batch = Shapes.broadcast(batchA, batchB);
    long[] shape = Arrays.copyOf(batch, batch.length + 2);
    shape[batch.length] = a.dim(-2);
    shape[batch.length + 1] = b.dim(-1);
    Graph g = a.graph();
    Value y = g.emit("MatMul", "", new Value[] {a, b}, List.of(), new Graph.Out(a.type(), shape))[0];
    g.record(new Value[] {a, b}, new Value[] {y}, go -> {
      Value dy = go[0];
      Value da = null;
      Value db = null;
      if (a.requiresGrad()) {
        da = a.rank() == 2 && b.rank() == 2
            ? gemm(dy, b, null, false, true)
            : Shapes.unbroadcast(product(dy, b, false, true), a);
      }
      if (b.requiresGrad()) {
        if (b.rank() == 2 && a.rank() == 2) {
          db = gemm(a, dy, null, true, false);
        } else if (b.rank() == 2) {
          // Fold every batch axis of A into rows: dB = A2' dY2.
          Value a2 = ShapeOps.reshape(a, Value.DYNAMIC, a.dim(-1));
          Value dy2 = ShapeOps.reshape(dy, Value.DYNAMIC, dy.dim(-1));
          db = gemm(a2, dy2, null, true, false);
        } else {
          db = Shapes.unbroadcast(product(a, dy, true, false), b);
        }
      }
      return new Value[] {da, db};
    });
    return y;
  }

  /**
   * Batched op(a) · op(b) for the backward pass (transposes only the last two axes), as
   * {@code com.microsoft::FusedMatMul}, which ORT implements for float only.
   */
  private static Value product(Value a, Value b, boolean transA, boolean transB) {
    if (a.type() != DType.FLOAT || b.type() != DType.FLOAT) {
      throw new IllegalArgumentException("batched MatMul gradients need float operands, got " + a + " and " + b);
    }
    long[] batch = Shapes.broadcast(Arrays.copyOf(a.shape(), a.rank() - 2), Arrays.copyOf(b.shape(), b.rank() - 2));
    long[] shape = Arrays.copyOf(batch, batch.length + 2);
    shape[batch.length] = transA ? a.dim(-1) : a.dim(-2);
    shape[batch.length + 1] = transB ? b.dim(-2) : b.dim(-1);
    List<AttributeProto> attrs = new ArrayList<>();
    if (transA) {
      attrs.add(Attr.i("transA", 1));
    }
    if (transB) {
      attrs.add(Attr.i("transB", 1));
    }
    return a.graph().emit("FusedMatMul", Graph.MS, new Value[] {a, b}, attrs, new Graph.Out(a.type(), shape))[0];
  }
}
