package org.gfn4j.tensor;

import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;

/** A double tensor in native memory; element access goes through a NIO view (no JNI per element). */
public final class DoubleTensor extends Tensor<DoublePointer> {
  private final DoubleBuffer view;

  private DoubleTensor(DoublePointer pointer, long[] shape, Tensor<?> parent) {
    super(pointer, shape, parent);
    this.view = (DoubleBuffer) pointer.limit(size()).asBuffer();
  }

  /** Allocates a zero-filled tensor that owns its memory. */
  public static DoubleTensor allocate(long... shape) {
    long n = allocationSize(shape);
    return new DoubleTensor(zeroed(new DoublePointer(n)), shape, null);
  }

  /** Allocates a tensor holding a copy of {@code values} with the given shape. */
  public static DoubleTensor of(double[] values, long... shape) {
    if (sizeOf(shape) != values.length) {
      throw new IllegalArgumentException(values.length + " values do not fill the shape");
    }
    DoubleTensor t = allocate(shape);
    t.copyFrom(values);
    return t;
  }

  /** A view of {@code shape} starting at element {@code offset}; it borrows this memory. */
  public DoubleTensor view(long offset, long... shape) {
    long n = checkView(offset, shape);
    DoublePointer p = pointer().getPointer(offset);
    p.capacity(n);
    return new DoubleTensor(p, shape, this);
  }

  public double get(long i) {
    ensureOpen();
    return view.get(index(i));
  }

  public void set(long i, double value) {
    ensureOpen();
    view.put(index(i), value);
  }

  public void fill(double value) {
    ensureOpen();
    for (int i = 0; i < size(); i++) {
      view.put(i, value);
    }
  }

  public double[] toArray() {
    ensureOpen();
    double[] out = new double[(int) size()];
    view.get(0, out);
    return out;
  }

  public void copyFrom(double[] values) {
    ensureOpen();
    if (values.length != size()) {
      throw new IllegalArgumentException(values.length + " values for " + this);
    }
    view.put(0, values);
  }

  public void copyFrom(DoubleTensor other) {
    ensureOpen();
    other.ensureOpen();
    if (other.size() != size()) {
      throw new IllegalArgumentException("cannot copy " + other + " into " + this);
    }
    view.put(0, other.view, 0, (int) size());
  }

  /** The NIO view over the same memory (absolute get/put only; do not rely on its position). */
  public DoubleBuffer buffer() {
    ensureOpen();
    return view;
  }
}
