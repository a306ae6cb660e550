package org.gfn4j.tensor;

import java.nio.LongBuffer;
import org.bytedeco.javacpp.LongPointer;

/** A long tensor in native memory; element access goes through a NIO view (no JNI per element). */
public final class LongTensor extends Tensor<LongPointer> {
  private final LongBuffer view;

  private LongTensor(LongPointer pointer, long[] shape, Tensor<?> parent) {
    super(pointer, shape, parent);
    this.view = (LongBuffer) pointer.limit(size()).asBuffer();
  }

  /** Allocates a zero-filled tensor that owns its memory. */
  public static LongTensor allocate(long... shape) {
    long n = allocationSize(shape);
    return new LongTensor(zeroed(new LongPointer(n)), shape, null);
  }

  /** Allocates a tensor holding a copy of {@code values} with the given shape. */
  public static LongTensor of(long[] values, long... shape) {
    if (sizeOf(shape) != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill the shape");
    }
    LongTensor t = allocate(shape);
    t.copyFrom(values);
    return t;
  }

  /** A view of {@code shape} starting at element {@code offset}; it borrows this memory. */
  public LongTensor view(long offset, long... shape) {
    long n = checkView(offset, shape);
    LongPointer p = pointer().getPointer(offset);
    p.capacity(n);
    return new LongTensor(p, shape, this);
  }

  public long get(long i) {
    ensureOpen();
    return view.get(index(i));
  }

  public void set(long i, long value) {
    ensureOpen();
    view.put(index(i), value);
  }

  public void fill(long value) {
    ensureOpen();
    for (int i = 0; i < size(); i++) {
      view.put(i, value);
    }
  }

  public long[] toArray() {
    ensureOpen();
    long[] out = new long[(int) size()];
    view.get(0, out);
    return out;
  }

  public void copyFrom(long[] values) {
    ensureOpen();
    if (values.length != size()) {
      throw new IllegalArgumentException(values.length + " values for " + this);
    }
    view.put(0, values);
  }

  public void copyFrom(LongTensor other) {
    ensureOpen();
    other.ensureOpen();
    if (other.size() != size()) {
      throw new IllegalArgumentException("cannot copy " + other + " into " + this);
    }
    view.put(0, other.view, 0, (int) size());
  }

  /** The NIO view over the same memory (absolute get/put only; do not rely on its position). */
  public LongBuffer buffer() {
    ensureOpen();
    return view;
  }
}
