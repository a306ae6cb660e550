package org.gfn4j.tensor;

/**
 * Row gathers and scatters over tensors of any element type, through their NIO views (no JNI
 * call per row): what compaction and replay need for observations that are float features for
 * one environment and int tokens for another.
 */
public final class Rows {
  private Rows() {}

  /** Copies rows {@code rows[0..count)} of {@code src} (rows of {@code width}) to rows 0..count of {@code dst}. */
  public static void gather(Tensor<?> src, int[] rows, int count, int width, Tensor<?> dst) {
    copy(src, rows, null, count, width, dst);
  }

  /** Copies rows 0..count of {@code src} to rows {@code rows[0..count)} of {@code dst}. */
  public static void scatter(Tensor<?> src, int[] rows, int count, int width, Tensor<?> dst) {
    copy(src, null, rows, count, width, dst);
  }

  /** Copies row {@code row} of {@code src} into row {@code dstRow} of {@code dst}. */
  public static void copy(Tensor<?> src, int row, Tensor<?> dst, int dstRow, int width) {
    checkTypes(src, dst);
    move(src, row * width, dst, dstRow * width, width);
  }

  private static void copy(Tensor<?> src, int[] from, int[] to, int count, int width, Tensor<?> dst) {
    checkTypes(src, dst);
    for (int i = 0; i < count; i++) {
      move(src, (from == null ? i : from[i]) * width, dst, (to == null ? i : to[i]) * width, width);
    }
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
