package org.gfn4j.search;

import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;
import org.gfn4j.tensor.Tensor;

/**
 * The caller-owned structure-of-arrays buffers of {@code trees} MENTS arenas, laid out as
 * native/include/gfn4j/ments.h describes; the native kernels and {@link JavaMents} both work on them.
 */
final class MentsBuffers implements AutoCloseable {
  final int trees;
  final int capacity;
  final int actions;
  final int width;
  final DoubleTensor q;
  final IntTensor child;
  final ByteTensor invalid;
  final IntTensor visits;
  final IntTensor parent;
  final IntTensor parentAction;
  final DoubleTensor reward;
  final DoubleTensor value;
  final ByteTensor terminal;
  final IntTensor cells;
  final IntTensor size;
  final IntTensor root;

  MentsBuffers(int trees, int capacity, int actions, int width) {
    long nodes = (long) trees * capacity;
    if (nodes * Math.max(actions, width) > Tensor.MAX_SIZE) {
      throw new IllegalArgumentException(trees + " trees of " + capacity + " nodes with " + actions + " actions and "
          + width + " cells per state exceed one buffer");
    }
    this.trees = trees;
    this.capacity = capacity;
    this.actions = actions;
    this.width = width;
    this.q = DoubleTensor.allocate(nodes * actions);
    this.child = IntTensor.allocate(nodes * actions);
    this.invalid = ByteTensor.allocate(nodes * actions);
    this.visits = IntTensor.allocate(nodes);
    this.parent = IntTensor.allocate(nodes);
    this.parentAction = IntTensor.allocate(nodes);
    this.reward = DoubleTensor.allocate(nodes);
    this.value = DoubleTensor.allocate(nodes);
    this.terminal = ByteTensor.allocate(nodes);
    this.cells = IntTensor.allocate(nodes * width);
    this.size = IntTensor.allocate(trees);
    this.root = IntTensor.allocate(trees);
  }

  Tensor<?>[] all() {
    return new Tensor<?>[] {q, child, invalid, visits, parent, parentAction, reward, value, terminal, cells, size, root};
  }

  /** Index of node {@code node} of tree {@code t} in the per-node buffers. */
  int node(int t, int node) {
    return t * capacity + node;
  }

  @Override
  public void close() {
    for (Tensor<?> t : all()) {
      t.close();
    }
  }
}
