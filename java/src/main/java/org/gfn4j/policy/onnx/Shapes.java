// Static shape arithmetic: numpy broadcasting and the reduction that undoes it in a gradient.
package org.gfn4j.policy.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shape helpers. Dynamic dimensions ({@link Value#DYNAMIC}) are never 1, and two dynamic
 * dimensions that meet in a broadcast are taken to be equal (they both derive from the batch).
 */
public final class Shapes {
  private Shapes() {}

  public static long size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** The numpy broadcast of two shapes. */
  public static long[] broadcast(long[] a, long[] b) {
    int r = Math.max(a.length, b.length);
    long[] out = new long[r];
    for (int i = 0; i < r; i++) {
      long da = i < r - a.length ? 1 : a[i - (r - a.length)];
      long db = i < r - b.length ? 1 : b[i - (r - b.length)];
      if (da == db || db == 1) {
        out[i] = da;
      } else if (da == 1) {
        out[i] = db;
      } else if (da == Value.DYNAMIC || db == Value.DYNAMIC) {
        out[i] = Math.max(da, db);
      } else {
        throw new IllegalArgumentException(
            "shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
      }
    }
    return out;
  }

  /** Axes of {@code out} that were broadcast from {@code in} (leading axes and size-1 axes). */
  public static long[] reducedAxes(long[] in, long[] out) {
    List<Long> axes = new ArrayList<>();
    int lead = out.length - in.length;
    for (int i = 0; i < out.length; i++) {
      if (i < lead) {
        axes.add((long) i);
      } else if (in[i - lead] == 1 && out[i] != 1) {
        axes.add((long) i);
      }
    }
    return axes.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Sums {@code grad} (shaped like a broadcast result) back to the shape of {@code target}: the
   * gradient rule of every broadcasting operation.
   */
  public static Value unbroadcast(Value grad, Value target) {
    long[] axes = reducedAxes(target.shape(), grad.shape());
    if (axes.length == 0) {
      return grad;
    }
    Value summed = ShapeOps.reduceSum(grad, true, axes);
    if (summed.rank() == target.rank()) {
      return summed;
    }
    return ShapeOps.reshape(summed, target.shape());
  }

  static int axis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("axis " + axis + " out of range for rank " + rank);
    }
    return a;
  }
}
