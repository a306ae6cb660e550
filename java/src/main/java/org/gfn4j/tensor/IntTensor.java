package org.gfn4j.tensor;

import java.nio.IntBuffer;
import org.bytedeco.javacpp.IntPointer;

/** A int tensor in native memory; element access goes through a NIO view (no JNI per element). */
public final class IntTensor extends Tensor<IntPointer> {
  private final IntBuffer view;

  private IntTensor(IntPointer pointer, long[] shape, Tensor<?> parent) {
    super(pointer, shape, parent);
    this.view = (IntBuffer) pointer.limit(size()).asBuffer();
  }

  /** Allocates a zero-filled tensor that owns its memory. */
  public static IntTensor allocate(long... shape) {
    long n = allocationSize(shape);
    return new IntTensor(zeroed(new IntPointer(n)), shape, null);
  }

  /** Allocates a tensor holding a copy of {@code values} with the given shape. */
  public static IntTensor of(int[] values, long... shape) {
    if (sizeOf(shape) != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill the shape");
    }
    IntTensor t = allocate(shape);
    t.copyFrom(values);
    return t;
  }

  /** A view of {@code shape} starting at element {@code offset}; it borrows this memory. */
  public IntTensor view(long offset, long... shape) {
    long n = checkView(offset, shape);
    IntPointer p = pointer().getPointer(offset);
    p.capacity(n);
    return new IntTensor(p, shape, this);
  }

  public int get(long i) {
    ensureOpen();
    return view.get(index(i));
  }

  public void set(long i, int value) {
    ensureOpen();
    view.put(index(i), value);
  }

  public void fill(int value) {
    ensureOpen();
    for (int i = 0; i < size(); i++) {
      view.put(i, value);
    }
  }

  public int[] toArray() {
    ensureOpen();
    int[] out = new int[(int) size()];
    view.get(0, out);
    return out;
  }

  public void copyFrom(int[] values) {
    ensureOpen();
    if (values.length != size()) {
      throw new IllegalArgumentException(values.length + " values for " + this);
    }
    view.put(0, values);
  }

  public void copyFrom(IntTensor other) {
    ensureOpen();
    other.ensureOpen();
    if (other.size() != size()) {
      throw new IllegalArgumentException("cannot copy " + other + " into " + this);
    }
    view.put(0, other.view, 0, (int) size());
  }

  /** The NIO view over the same memory (absolute get/put only; do not rely on its position). */
  public IntBuffer buffer() {
    ensureOpen();
    return view;
  }
}
