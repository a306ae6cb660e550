// The hidden-layer outputs a forward pass keeps for the backward pass that follows it.
package org.gfn4j.policy;

import org.gfn4j.runtime.Backend;
import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.FloatTensor;
import org.gfn4j.tensor.Rows;

/**
 * One buffer per hidden layer of an MLP, {@code [capacity, width]}, holding that layer's output
 * (after the activation) for the first {@link #rows()} evaluated rows, in evaluation order. The
 * native forward and rollout fill it (skipped rows take no place), and {@link PolicyTrainer}
 * trains from it without a forward pass of its own. Valid until the parameters change. Each
 * layer also has a transposed copy {@code [width + 1, rows]} with a row of ones appended
 * ({@link #transposed}): the operand from which one product gives the next layer's weight and
 * bias gradients.
 */
public final class HiddenActivations implements AutoCloseable {
  private final int width;
  private final int capacity;
  private final FloatTensor[] layers;
  private final FloatTensor[] transposed;
  private int rows;
  /** Rows in the transposed copies (-1: not made for the rows held). */
  private int transposedRows = -1;
  private boolean closed;

  public HiddenActivations(int depth, int width, int capacity) {
    if (depth < 1 || width < 1 || capacity < 1) {
      throw new IllegalArgumentException("hidden activations need depth, width and capacity >= 1, got " + depth
          + ", " + width + ", " + capacity);
    }
    this.width = width;
    this.capacity = capacity;
    this.layers = new FloatTensor[depth];
    this.transposed = new FloatTensor[depth];
    for (int i = 0; i < depth; i++) {
      layers[i] = FloatTensor.allocate(capacity, width);
      transposed[i] = FloatTensor.allocate(width + 1, capacity);
    }
  }

  public int depth() {
    return layers.length;
  }

  public int width() {
    return width;
  }

  public int capacity() {
    return capacity;
  }

  /** The number of rows held (0 after {@link #clear()}). */
  public int rows() {
    return rows;
  }

  /** Marks the first {@code n} rows as filled (by a kernel that wrote them). */
  public void setRows(int n) {
    ensureOpen();
    if (n < 0 || n > capacity) {
      throw new IllegalArgumentException("rows must lie in [0, " + capacity + "], got " + n);
    }
    rows = n;
    transposedRows = -1;
  }

  /** Forgets the rows held, e.g. when the parameters that produced them change. */
  public void clear() {
    rows = 0;
    transposedRows = -1;
  }

  /**
   * Hidden layer {@code i}'s filled rows transposed, with a row of ones appended:
   * {@code [width + 1, rows]}, made on first use after the rows change (native kernel).
   */
  public FloatTensor transposed(int i) {
    ensureOpen();
    if (transposedRows != rows) {
      for (int l = 0; l < layers.length; l++) {
        Rows.transpose(Backend.NATIVE, layers[l], rows, width, transposed[l], true);
      }
      transposedRows = rows;
    }
    return transposed[i].view(0, width + 1, rows);
  }

  /** Hidden layer {@code i}'s whole buffer {@code [capacity, width]} (for kernels that fill it). */
  public FloatTensor buffer(int i) {
    ensureOpen();
    return layers[i];
  }

  /** Hidden layer {@code i}'s filled rows, {@code [rows, width]}. */
  public FloatTensor layer(int i) {
    ensureOpen();
    return layers[i].view(0, rows, width);
  }

  /** Pins every layer buffer for the length of a native call. */
  public NativeResource.Lease lease() {
    ensureOpen();
    NativeResource[] all = new NativeResource[2 * layers.length];
    System.arraycopy(layers, 0, all, 0, layers.length);
    System.arraycopy(transposed, 0, all, layers.length, layers.length);
    return NativeResource.lease(all);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("hidden activations are closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (FloatTensor t : layers) {
      t.close();
    }
    for (FloatTensor t : transposed) {
      t.close();
    }
  }
}
