// The hidden-layer outputs a forward pass keeps for the backward pass that follows it.
package org.gfn4j.policy;

import org.gfn4j.runtime.NativeResource;
import org.gfn4j.tensor.FloatTensor;

/**
 * One buffer per hidden layer of an MLP, {@code [capacity, width]}, holding that layer's output
 * (after the activation) for the first {@link #rows()} evaluated rows, in evaluation order. The
 * native forward and rollout fill it (skipped rows take no place), and {@link PolicyTrainer}
 * trains from it without a forward pass of its own. Valid until the parameters change.
 */
public final class HiddenActivations implements AutoCloseable {
  private final int width;
  private final int capacity;
  private final FloatTensor[] layers;
  private int rows;
  private boolean closed;

  public HiddenActivations(int depth, int width, int capacity) {
    if (depth < 1 || width < 1 || capacity < 1) {
      throw new IllegalArgumentException("hidden activations need depth, width and capacity >= 1, got " + depth
          + ", " + width + ", " + capacity);
    }
    this.width = width;
    this.capacity = capacity;
    this.layers = new FloatTensor[depth];
    for (int i = 0; i < depth; i++) {
      layers[i] = FloatTensor.allocate(capacity, width);
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
  }

  /** Forgets the rows held, e.g. when the parameters that produced them change. */
  public void clear() {
    rows = 0;
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
    return NativeResource.lease(layers);
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
  }
}
