package org.gfn4j.tensor;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.gfn4j.internal.cpu.RowKernels;
import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.runtime.NativeStatus;

/**
 * Row selection, gathers, transposes and copies over tensors: what compaction, replay and the
 * train step's transposed activations need, for observations that are float features for one
 * environment and int tokens for another. Selection, gathers and transposes have a native kernel
 * (one call per tensor) and a Java twin through the NIO views; single-row copies go through the
 * NIO views.
 */
public final class Rows {
  private Rows() {}

  /**
   * Writes the indices of the rows whose {@code pad} byte is 0 among the first {@code n} into
   * {@code rows}, in increasing order, and returns how many there are (the native kernel
   * {@code rows_select_real} or its Java twin).
   */
  @SuppressWarnings("try") // the lease pins native memory for the length of the call
  public static int selectReal(Backend backend, ByteTensor pad, int n, IntTensor rows) {
    if (n < 0 || n > pad.size() || n > rows.size()) {
      throw new IllegalArgumentException("cannot select among " + n + " rows of " + pad + " into " + rows);
    }
    try (NativeResource.Lease lease = NativeResource.lease(pad, rows)) {
      if (backend == Backend.NATIVE) {
        NativeLibrary.ensureLoaded();
        return (int) NativeStatus.check((int) RowKernels.rows_select_real(n, pad.pointer(), rows.pointer()),
            "rows_select_real");
      }
      ByteBuffer p = pad.buffer();
      IntBuffer r = rows.buffer();
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (p.get(i) == 0) {
          r.put(count++, i);
        }
      }
      return count;
    }
  }

  /**
   * Copies rows {@code rows[0..count)} of {@code src} (rows of {@code width} elements) to rows
   * 0..count of {@code dst} (the native kernel {@code rows_gather} or its Java twin); a row
   * index outside {@code src} is an IllegalArgumentException.
   */
  @SuppressWarnings("try") // the lease pins native memory for the length of the call
  public static void gather(Backend backend, Tensor<?> src, IntTensor rows, int count, int width, Tensor<?> dst) {
    checkTypes(src, dst);
    if (width < 1 || count < 0 || count > rows.size() || (long) count * width > dst.size()) {
      throw new IllegalArgumentException("cannot gather " + count + " rows of " + width + " from " + src + " into "
          + dst + " by " + rows);
    }
    long srcRows = src.size() / width;
    try (NativeResource.Lease lease = NativeResource.lease(src, rows, dst)) {
      if (backend == Backend.NATIVE) {
        NativeLibrary.ensureLoaded();
        long rowBytes = (long) width * src.elementSize();
        NativeStatus.check(RowKernels.rows_gather(count, rows.pointer(), srcRows, rowBytes, src.pointer(),
            dst.pointer()), "rows_gather");
        return;
      }
      IntBuffer r = rows.buffer();
      for (int i = 0; i < count; i++) {
        int row = r.get(i);
        if (row < 0 || row >= srcRows) {
          throw new IllegalArgumentException("rows_gather: row " + row + " outside the " + srcRows + " rows of " + src);
        }
        move(src, row * width, dst, i * width, width);
      }
    }
  }

  /**
   * {@code dst [cols (+1), rows]} ← the transpose of the first {@code rows} rows of {@code src}
   * (rows of {@code cols}), followed by a row of ones when {@code appendOnes} (the native kernel
   * {@code rows_transpose} or its Java twin; both copy values exactly).
   */
  @SuppressWarnings("try") // the lease pins native memory for the length of the call
  public static void transpose(Backend backend, FloatTensor src, int rows, int cols, FloatTensor dst,
      boolean appendOnes) {
    long out = (long) (cols + (appendOnes ? 1 : 0)) * rows;
    if (rows < 0 || cols < 0 || (long) rows * cols > src.size() || out > dst.size()) {
      throw new IllegalArgumentException("cannot transpose " + rows + " × " + cols + " of " + src + " into " + dst);
    }
    try (NativeResource.Lease lease = NativeResource.lease(src, dst)) {
      if (backend == Backend.NATIVE) {
        NativeLibrary.ensureLoaded();
        NativeStatus.check(RowKernels.rows_transpose(rows, cols, src.pointer(), dst.pointer(), appendOnes ? 1 : 0),
            "rows_transpose");
        return;
      }
      FloatBuffer s = src.buffer();
      FloatBuffer d = dst.buffer();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          d.put(c * rows + r, s.get(r * cols + c));
        }
      }
      for (int r = 0; appendOnes && r < rows; r++) {
        d.put(cols * rows + r, 1f);
      }
    }
  }

  /** Copies row {@code row} of {@code src} into row {@code dstRow} of {@code dst}. */
  public static void copy(Tensor<?> src, int row, Tensor<?> dst, int dstRow, int width) {
    checkTypes(src, dst);
    move(src, row * width, dst, dstRow * width, width);
  }

  private static void checkTypes(Tensor<?> src, Tensor<?> dst) {
    if (src.getClass() != dst.getClass()) {
      throw new IllegalArgumentException("cannot copy rows of " + src + " into " + dst);
    }
  }

  /** Copies {@code width} elements from offset {@code s} of {@code src} to offset {@code d} of {@code dst}. */
  private static void move(Tensor<?> src, int s, Tensor<?> dst, int d, int width) {
    if (src instanceof FloatTensor f) {
      ((FloatTensor) dst).buffer().put(d, f.buffer(), s, width);
    } else if (src instanceof IntTensor n) {
      ((IntTensor) dst).buffer().put(d, n.buffer(), s, width);
    } else if (src instanceof ByteTensor b) {
      ((ByteTensor) dst).buffer().put(d, b.buffer(), s, width);
    } else if (src instanceof DoubleTensor x) {
      ((DoubleTensor) dst).buffer().put(d, x.buffer(), s, width);
    } else if (src instanceof LongTensor l) {
      ((LongTensor) dst).buffer().put(d, l.buffer(), s, width);
    } else {
      throw new IllegalArgumentException("unsupported tensor " + src);
    }
  }
}
