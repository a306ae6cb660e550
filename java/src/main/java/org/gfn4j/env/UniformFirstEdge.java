package org.gfn4j.env;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.SplittableRandom;

/**
 * A {@link FirstEdge} uniform over a known number of start states, drawn one state at a time by
 * {@link #draw}: subclasses only say how to draw the cells of one uniformly random start state.
 */
public abstract class UniformFirstEdge implements FirstEdge {
  private final double logStartCount;
  private final int returnAction;
  private final int width;

  protected UniformFirstEdge(double logStartCount, int returnAction, int width) {
    this.logStartCount = logStartCount;
    this.returnAction = returnAction;
    this.width = width;
  }

  @Override
  public final double logStartCount() {
    return logStartCount;
  }

  @Override
  public final int returnAction() {
    return returnAction;
  }

  /** Writes the cells of one uniformly random start state into {@code cells}. */
  protected abstract void draw(int[] cells, SplittableRandom rng);

  @Override
  public final void sample(StateBatch out, SplittableRandom rng) {
    writeRows(out, width, row -> draw(row, rng));
  }

  /** Fills every row of {@code out} with a non-terminal, non-padding state drawn by {@code draw}. */
  static void writeRows(StateBatch out, int width, java.util.function.Consumer<int[]> draw) {
    IntBuffer cells = out.cells().buffer();
    ByteBuffer terminal = out.terminal().buffer();
    ByteBuffer pad = out.pad().buffer();
    int[] row = new int[width];
    for (int b = 0; b < out.batchSize(); b++) {
      draw.accept(row);
      cells.put(b * width, row, 0, width);
      terminal.put(b, (byte) 0);
      pad.put(b, (byte) 0);
    }
  }
}
