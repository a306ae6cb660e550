package org.gfn4j.env;

import org.gfn4j.tensor.ByteTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * A batch of environment states as structure of arrays in native memory:
 * {@code cells} int32 [B, stateWidth], {@code terminal} and {@code pad} uint8 [B]. Kernels read
 * and write these buffers directly. An allocated batch owns its tensors; a batch built with
 * {@link #of} borrows them (for example slots of a trajectory block) and closes nothing.
 */
public final class StateBatch implements AutoCloseable {
  private final IntTensor cells;
  private final ByteTensor terminal;
  private final ByteTensor pad;
  private final int batchSize;
  private final int width;
  private final boolean owner;

  private StateBatch(IntTensor cells, ByteTensor terminal, ByteTensor pad, int width, boolean owner) {
    long b = terminal.size();
    if (b > Integer.MAX_VALUE || pad.size() != b || cells.size() != b * width) {
      throw new IllegalArgumentException(
          "inconsistent state buffers: cells " + cells + ", terminal " + terminal + ", pad " + pad);
    }
    this.cells = cells;
    this.terminal = terminal;
    this.pad = pad;
    this.batchSize = (int) b;
    this.width = width;
    this.owner = owner;
  }

  /** Allocates zeroed buffers for {@code batchSize} states of {@code width} cells each. */
  public static StateBatch allocate(int batchSize, int width) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    if (width <= 0) {
      throw new IllegalArgumentException("state width must be positive, got " + width);
    }
    IntTensor c = IntTensor.allocate(batchSize, width);
    ByteTensor t = ByteTensor.allocate(batchSize);
    ByteTensor p = ByteTensor.allocate(batchSize);
    return new StateBatch(c, t, p, width, true);
  }

  /** Wraps existing buffers without taking ownership. */
  public static StateBatch of(IntTensor cells, ByteTensor terminal, ByteTensor pad, int width) {
    return new StateBatch(cells, terminal, pad, width, false);
  }

  public int batchSize() {
    return batchSize;
  }

  public int width() {
    return width;
  }

  public IntTensor cells() {
    return cells;
  }

  public ByteTensor terminal() {
    return terminal;
  }

  public ByteTensor pad() {
    return pad;
  }

  public boolean isTerminal(int b) {
    return terminal.get(b) != 0;
  }

  public boolean isPad(int b) {
    return pad.get(b) != 0;
  }

  /** Copies the cells of state {@code b} into {@code out} (length {@code width()}). */
  public int[] cells(int b, int[] out) {
    checkIndex(b);
    for (int i = 0; i < width; i++) {
      out[i] = cells.get((long) b * width + i);
    }
    return out;
  }

  public int[] cells(int b) {
    return cells(b, new int[width]);
  }

  /** Copies every buffer of {@code other} (same batch size and width) into this batch. */
  public void copyFrom(StateBatch other) {
    if (other.batchSize != batchSize || other.width != width) {
      throw new IllegalArgumentException("cannot copy a batch of a different shape");
    }
    cells.copyFrom(other.cells);
    terminal.copyFrom(other.terminal);
    pad.copyFrom(other.pad);
  }

  /**
   * Writes state {@code b} (pad cleared). No validity check here: {@link Environment#setState}
   * validates against the environment, and kernels reject out-of-range cells with an error.
   */
  public void set(int b, int[] values, boolean isTerminal) {
    checkIndex(b);
    if (values.length != width) {
      throw new IllegalArgumentException("expected " + width + " cells, got " + values.length);
    }
    for (int i = 0; i < width; i++) {
      cells.set((long) b * width + i, values[i]);
    }
    terminal.set(b, (byte) (isTerminal ? 1 : 0));
    pad.set(b, (byte) 0);
  }

  private void checkIndex(int b) {
    if (b < 0 || b >= batchSize) {
      throw new IndexOutOfBoundsException("state " + b + " of a batch of " + batchSize);
    }
  }

  @Override
  public void close() {
    if (owner) {
      cells.close();
      terminal.close();
      pad.close();
    }
  }
}
