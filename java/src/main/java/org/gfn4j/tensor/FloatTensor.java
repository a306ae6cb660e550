package org.gfn4j.tensor;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;

/** A float tensor in native memory; element access goes through a NIO view (no JNI per element). */
public final class FloatTensor extends Tensor<FloatPointer> {
  private final FloatBuffer view;

  private FloatTensor(FloatPointer pointer, long[] shape, Tensor<?> parent) {
    super(pointer, shape, parent);
    this.view = (FloatBuffer) pointer.limit(size()).asBuffer();
  }

  /** Allocates a zero-filled tensor that owns its memory. */
  public static FloatTensor allocate(long... shape) {
    long n = allocationSize(shape);
    return new FloatTensor(zeroed(new FloatPointer(n)), shape, null);
  }

  /** Allocates a tensor holding a copy of {@code values} with the given shape. */
  public static FloatTensor of(float[] values, long... shape) {
    if (sizeOf(shape) != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill the shape");
    }
    FloatTensor t = allocate(shape);
    t.copyFrom(values);
    return t;
  }

  /** A view of {@code shape} starting at element {@code offset}; it borrows this memory. */
  public FloatTensor view(long offset, long... shape) {
    long n = checkView(offset, shape);
    FloatPointer p = pointer().getPointer(offset);
    p.capacity(n);
    return new FloatTensor(p, shape, this);
  }

  public float get(long i) {
    ensureOpen();
    return view.get(index(i));
  }

  public void set(long i, float value) {
    ensureOpen();
    view.put(index(i), value);
  }

  public void fill(float value) {
    ensureOpen();
    for (int i = 0; i < size(); i++) {
      view.put(i, value);
    }
  }

  public float[] toArray() {
    ensureOpen();
    float[] out = new float[(int) size()];
    view.get(0, out);
    return out;
  }

  public void copyFrom(float[] values) {
    ensureOpen();
    if (values.length != size()) {
      throw new IllegalArgumentException(values.length + " values for " + this);
    }
    view.put(0, values);
  }

  public void copyFrom(FloatTensor other) {
    ensureOpen();
    other.ensureOpen();
    if (other.size() != size()) {
      throw new IllegalArgumentException("cannot copy " + other + " into " + this);
    }
    view.put(0, other.view, 0, (int) size());
  }

  /** The NIO view over the same memory (absolute get/put only; do not rely on its position). */
  public FloatBuffer buffer() {
    ensureOpen();
    return view;
  }
}
