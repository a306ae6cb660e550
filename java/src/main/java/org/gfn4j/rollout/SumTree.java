package org.gfn4j.rollout;

import java.nio.DoubleBuffer;
import org.gfn4j.internal.cpu.SumTreeKernels;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * The sum tree of prioritized replay (native/include/gfn4j/sum_tree.h) over {@code capacity}
 * leaves: batched priority updates and stratified proportional draws, by the native kernel or
 * its Java twin on the same buffer (identical sums, identical draws). Arguments are checked here,
 * before any native call.
 */
@SuppressWarnings("try") // leases pin native memory for the length of a call
public final class SumTree extends NativeResource {
  private final int capacity;
  private final int leaves;
  private final Backend backend;
  private final DoubleTensor tree;

  public SumTree(int capacity, Backend backend) {
    if (capacity < 1 || capacity > (1 << 30)) {
      throw new IllegalArgumentException("sum tree capacity must be in [1, 2^30], got " + capacity);
    }
    if (backend == null) {
      throw new IllegalArgumentException("backend must not be null");
    }
    if (backend == Backend.NATIVE) {
      NativeLibrary.ensureLoaded();
    }
    this.capacity = capacity;
    this.leaves = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
    this.backend = backend;
    this.tree = DoubleTensor.allocate(2L * leaves);
  }

  public int capacity() {
    return capacity;
  }

  /** The sum of every priority. */
  public double total() {
    ensureOpen();
    return tree.get(1);
  }

  public double get(int index) {
    ensureOpen();
    checkIndex(index);
    return tree.get(leaves + index);
  }

  /** Sets leaf indices[j] to priorities[j] in order (a repeated index keeps its last value). */
  public void set(int[] indices, double[] priorities) {
    ensureOpen();
    if (indices.length != priorities.length) {
      throw new IllegalArgumentException(indices.length + " indices but " + priorities.length + " priorities");
    }
    for (int j = 0; j < indices.length; j++) {
      checkIndex(indices[j]);
      if (!(priorities[j] >= 0) || !Double.isFinite(priorities[j])) {
        throw new IllegalArgumentException("priorities must be finite and non-negative, got " + priorities[j]);
      }
    }
    if (backend == Backend.JAVA) {
      DoubleBuffer t = tree.buffer();
      for (int j = 0; j < indices.length; j++) {
        int k = leaves + indices[j];
        t.put(k, priorities[j]);
        for (k >>= 1; k >= 1; k >>= 1) {
          t.put(k, t.get(2 * k) + t.get(2 * k + 1));
        }
      }
      return;
    }
    try (IntTensor idx = IntTensor.of(indices, indices.length == 0 ? 1 : indices.length);
        DoubleTensor p = DoubleTensor.of(priorities, priorities.length == 0 ? 1 : priorities.length);
        NativeResource.Lease lease = NativeResource.lease(tree, idx, p)) {
      NativeStatus.check(SumTreeKernels.sum_tree_set(leaves, tree.pointer(), indices.length, idx.pointer(),
          p.pointer()), "sum_tree_set");
    }
  }

  /**
   * One leaf per uniform: draw j lands on the leaf holding mass (j + u_j)/n of the total, so the
   * draws are stratified and each leaf is drawn with probability proportional to its priority.
   * IllegalStateException when every priority is zero.
   */
  public int[] sample(double[] uniforms) {
    ensureOpen();
    if (uniforms.length == 0) {
      throw new IllegalArgumentException("at least one draw is needed");
    }
    for (double u : uniforms) {
      if (!(u >= 0 && u < 1)) {
        throw new IllegalArgumentException("uniforms must lie in [0, 1), got " + u);
      }
    }
    if (!(total() > 0) || !Double.isFinite(total())) {
      throw new IllegalStateException("the sum tree has no positive priority");
    }
    int n = uniforms.length;
    if (backend == Backend.JAVA) {
      return sampleJava(uniforms);
    }
    try (DoubleTensor u = DoubleTensor.of(uniforms, n); IntTensor out = IntTensor.allocate(n);
        NativeResource.Lease lease = NativeResource.lease(tree, u, out)) {
      NativeStatus.check(SumTreeKernels.sum_tree_sample(leaves, tree.pointer(), n, u.pointer(), out.pointer()),
          "sum_tree_sample");
      return out.toArray();
    }
  }

  private int[] sampleJava(double[] uniforms) {
    DoubleBuffer t = tree.buffer();
    int n = uniforms.length;
    double total = t.get(1);
    int[] out = new int[n];
    for (int j = 0; j < n; j++) {
      double mass = (j + uniforms[j]) / n * total;
      int k = 1;
      while (k < leaves) {
        double left = t.get(2 * k);
        double right = t.get(2 * k + 1);
        if ((mass < left && left > 0.0) || right <= 0.0) {
          k = 2 * k;
        } else {
          mass -= left;
          k = 2 * k + 1;
        }
      }
      out[j] = k - leaves;
    }
    return out;
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= capacity) {
      throw new IllegalArgumentException("leaf " + index + " outside [0, " + capacity + ")");
    }
  }

  @Override
  protected String describe() {
    return "sum tree of " + capacity + " leaves";
  }

  @Override
  protected void free() {
    tree.close();
  }
}
