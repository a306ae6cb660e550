package org.gfn4j.tensor;

import java.util.Arrays;
import org.bytedeco.javacpp.Pointer;
import org.gfn4j.runtime.NativeLibrary;
import org.gfn4j.runtime.NativeResource;

/**
 * A dense row-major array in native memory: the buffer type shared, without copies, by the
 * environment kernels, the sampler, the objectives and ONNX Runtime. A tensor either owns its
 * memory (freed by {@link #close()}) or is a view borrowing a parent's memory.
 */
public abstract class Tensor<P extends Pointer> extends NativeResource {
  /** Largest element count of one tensor (NIO views are int-indexed). */
  public static final long MAX_SIZE = Integer.MAX_VALUE - 8L;

  private final P pointer;
  private final long[] shape;
  private final long size;
  private final boolean owner;

  protected Tensor(P pointer, long[] shape, Tensor<?> parent) {
    super(parent);
    this.pointer = pointer;
    this.shape = shape.clone();
    this.size = sizeOf(shape);
    this.owner = parent == null;
  }

  /** Element count of {@code shape}; throws IllegalArgumentException for bad or huge shapes. */
  public static long sizeOf(long... shape) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      if (d != 0 && n > MAX_SIZE / d) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too large");
      }
      n *= d;
    }
    return n;
  }

  /** Allocation helper: loads the JNI library (JavaCPP needs it) and zeroes the memory. */
  protected static <Q extends Pointer> Q zeroed(Q pointer) {
    pointer.zero();
    return pointer;
  }

  protected static long allocationSize(long[] shape) {
    NativeLibrary.ensureLoaded();
    return Math.max(1, sizeOf(shape));
  }

  /** Checks a view request against this tensor's bounds and returns the view's size. */
  protected final long checkView(long offset, long[] viewShape) {
    long n = sizeOf(viewShape);
    if (offset < 0 || offset + n > size) {
      throw new IllegalArgumentException(
          "view of " + n + " elements at offset " + offset + " exceeds " + describe());
    }
    return n;
  }

  /** A view of {@code shape} starting at element {@code offset}; it borrows this memory. */
  public abstract Tensor<P> view(long offset, long... shape);

  /** Bytes per element. */
  public final int elementSize() {
    return pointer.sizeof();
  }

  /**
   * Copies every element of {@code other}, a tensor of the same element type and size, with
   * one memory copy (for code that handles tensors of any element type, such as observations).
   */
  public final void copyElements(Tensor<?> other) {
    if (other.getClass() != getClass() || other.size() != size) {
      throw new IllegalArgumentException("cannot copy " + other + " into " + describe());
    }
    try (var lease = NativeResource.lease(this, other)) {
      Pointer.memcpy(pointer, other.pointer, size * elementSize());
    }
  }

  /** The native pointer for zero-copy use (kernels, ONNX Runtime). Valid while this is open. */
  public final P pointer() {
    ensureOpen();
    return pointer;
  }

  public final long[] shape() {
    return shape.clone();
  }

  public final int rank() {
    return shape.length;
  }

  public final long dim(int axis) {
    return shape[axis];
  }

  public final long size() {
    return size;
  }

  public final long address() {
    ensureOpen();
    return pointer.address();
  }

  /** Throws IllegalArgumentException unless this tensor has exactly {@code expected} shape. */
  public final void requireShape(String name, long... expected) {
    if (!Arrays.equals(shape, expected)) {
      throw new IllegalArgumentException(
          name + " must have shape " + Arrays.toString(expected) + " but has " + Arrays.toString(shape));
    }
  }

  /** Throws IllegalArgumentException unless this tensor has at least {@code n} elements. */
  public final void requireSize(String name, long n) {
    if (size != n) {
      throw new IllegalArgumentException(name + " must have " + n + " elements but has " + size);
    }
  }

  protected final int index(long i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("index " + i + " out of " + describe());
    }
    return (int) i;
  }

  @Override
  protected final void free() {
    if (owner) {
      pointer.close();
    }
  }

  @Override
  protected final String describe() {
    return getClass().getSimpleName() + Arrays.toString(shape);
  }

  @Override
  public String toString() {
    return describe();
  }
}
