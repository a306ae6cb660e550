package org.gfn4j.env.sequence;

import org.gfn4j.env.RewardModule;
import org.gfn4j.env.StateBatch;
import org.gfn4j.tensor.DoubleTensor;
import org.gfn4j.tensor.IntTensor;

/**
 * A reward module over sequence tokens: both entry points of {@link RewardModule} go to one
 * batched {@link #score} over a token matrix and a row list, so the step's newly terminal rows
 * are scored in place in the state buffer, without gathering them first.
 */
abstract class TokenReward implements RewardModule, AutoCloseable {
  private final int length;

  TokenReward(int length) {
    this.length = length;
  }

  /**
   * Writes log R of {@code count} complete sequences to {@code out[0..count)}: sequence i is row
   * {@code rows[i]} of {@code tokens} [*, L] (row i when {@code rows} is null); rows are valid.
   */
  abstract void score(IntTensor tokens, IntTensor rows, int count, DoubleTensor out);

  /** Releases native memory or sessions early; the garbage collector does it otherwise. */
  @Override
  public void close() {}

  @Override
  public final double[] logRewards(int[] cells, int count) {
    if (count == 0) {
      return new double[0];
    }
    try (IntTensor t = IntTensor.of(cells, count, length); DoubleTensor out = DoubleTensor.allocate(count)) {
      score(t, null, count, out);
      return out.toArray();
    }
  }

  @Override
  public final void logRewards(StateBatch states, IntTensor rows, int count, DoubleTensor out) {
    if (count > 0) {
      score(states.cells(), rows, count, out);
    }
  }
}
