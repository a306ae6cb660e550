package org.gfn4j.tensor;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;

/** A byte tensor in native memory; element access goes through a NIO view (no JNI per element). */
public final class ByteTensor extends Tensor<BytePointer> {
  private final ByteBuffer view;

  private ByteTensor(BytePointer pointer, long[] shape, Tensor<?> parent) {
    super(pointer, shape, parent);
    this.view = pointer.limit(size()).asByteBuffer();
  }

  /** Allocates a zero-filled tensor that owns its memory. */
  public static ByteTensor allocate(long... shape) {
    long n = allocationSize(shape);
    return new ByteTensor(zeroed(new BytePointer(n)), shape, null);
  }

  /** Allocates a tensor holding a copy of {@code values} with the given shape. */
  public static ByteTensor of(byte[] values, long... shape) {
    if (sizeOf(shape) != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill the shape");
    }
    ByteTensor t = allocate(shape);
    t.copyFrom(values);
    return t;
  }

  /** A view of {@code shape} starting at element {@code offset}; it borrows this memory. */
  public ByteTensor view(long offset, long... shape) {
    long n = checkView(offset, shape);
    BytePointer p = pointer().getPointer(offset);
    p.capacity(n);
    return new ByteTensor(p, shape, this);
  }

  public byte get(long i) {
    ensureOpen();
    return view.get(index(i));
  }

  public void set(long i, byte value) {
    ensureOpen();
    view.put(index(i), value);
  }

  public void fill(byte value) {
    ensureOpen();
    for (int i = 0; i < size(); i++) {
      view.put(i, value);
    }
  }

  /** The number of non-zero elements (set flags). */
  public long countNonZero() {
    ensureOpen();
    long n = 0;
    for (int i = 0; i < size(); i++) {
      n += view.get(i) != 0 ? 1 : 0;
    }
    return n;
  }

  public byte[] toArray() {
    ensureOpen();
    byte[] out = new byte[(int) size()];
    view.get(0, out);
    return out;
  }

  public void copyFrom(byte[] values) {
    ensureOpen();
    if (values.length != size()) {
      throw new IllegalArgumentException(values.length + " values for " + this);
    }
    view.put(0, values);
  }

  public void copyFrom(ByteTensor other) {
    ensureOpen();
    other.ensureOpen();
    if (other.size() != size()) {
      throw new IllegalArgumentException("cannot copy " + other + " into " + this);
    }
    view.put(0, other.view, 0, (int) size());
  }

  /** The NIO view over the same memory (absolute get/put only; do not rely on its position). */
  public ByteBuffer buffer() {
    ensureOpen();
    return view;
  }
}
